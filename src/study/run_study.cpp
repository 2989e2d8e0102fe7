#include "study/run_study.hpp"

#include <fmt/format.h>
#include <tbb/task_group.h>

#include <chrono>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <stop_token>

#include "core/error.hpp"

namespace cohesion {

void run_study_steps(const Study& study, const std::vector<StudyStep>& steps, const StudyRunCallbacks& callbacks) {
    const std::size_t n = steps.size();
    std::stop_source stop;
    struct Ended {
        std::size_t step;
        StudyOutput output;
        double seconds;
    };
    std::mutex store;                // guards ended
    std::deque<Ended> ended;         // steps computed, not yet handed over, in the order they ended
    std::mutex hand_over;            // held by the one thread calling `finished`; guards handed and started
    std::vector<char> handed(n, 0);
    std::vector<char> started(callbacks.then.size(), 0);
    std::exception_ptr first_error;  // the first failure (step or other work)
    std::mutex error_lock;
    tbb::task_group tasks;

    auto fail = [&](std::exception_ptr e) {
        {
            const std::lock_guard<std::mutex> hold(error_lock);
            if (!first_error) first_error = e;
        }
        stop.request_stop();
    };
    auto step_failed = [&](std::size_t i, const std::exception& e) {
        fail(std::make_exception_ptr(Error(fmt::format("step '{}' failed: {}", steps[i].label, e.what()))));
    };
    auto run_work = [&](const std::function<void(std::stop_token)>& work) {
        tasks.run([&, work] {
            if (stop.stop_requested()) return;
            try {
                work(stop.get_token());
            } catch (...) {
                fail(std::current_exception());
            }
        });
    };
    // Follow-ups whose steps have all been handed over start now (called under hand_over).
    auto start_follow_ups = [&] {
        for (std::size_t k = 0; k < callbacks.then.size(); ++k) {
            if (started[k]) continue;
            bool all = true;
            for (std::size_t i = 0; i < n && all; ++i)
                all = handed[i] || !callbacks.then[k].needs || !callbacks.then[k].needs(i);
            if (!all) continue;
            started[k] = 1;
            run_work(callbacks.then[k].work);
        }
    };
    // Whichever task finishes a step hands over every result that is ready, so `finished` is
    // called one at a time without a thread of its own. A task that finds another handing
    // over does not wait for it (a pool thread must not idle): the one handing over takes its
    // result too.
    auto hand_over_ready = [&](bool wait) {
        for (;;) {
            {
                std::unique_lock<std::mutex> turn(hand_over, std::defer_lock);
                if (wait) turn.lock();
                else if (!turn.try_lock()) return;
                while (!stop.stop_requested()) {
                    std::optional<Ended> next;
                    {
                        const std::lock_guard<std::mutex> hold(store);
                        if (ended.empty()) break;
                        next.emplace(std::move(ended.front()));
                        ended.pop_front();
                    }
                    const std::size_t i = next->step;
                    try {
                        callbacks.finished(i, std::move(next->output), next->seconds);
                    } catch (const std::exception& e) {
                        step_failed(i, e);
                        return;
                    }
                    handed[i] = 1;
                    start_follow_ups();
                }
            }
            // A result that arrived after the loop's last look, while its task found the turn
            // taken: look again now that the turn is free.
            const std::lock_guard<std::mutex> hold(store);
            if (ended.empty() || stop.stop_requested()) return;
        }
    };

    {
        const std::lock_guard<std::mutex> hold(hand_over);
        start_follow_ups();  // those that need no step start at once
    }
    for (std::size_t i = 0; i < n; ++i)
        tasks.run([&, i] {
            if (stop.stop_requested()) return;
            try {
                if (callbacks.started) callbacks.started(i);
                StudyHooks hooks;
                hooks.stop = stop.get_token();
                if (callbacks.progress)
                    hooks.progress = [&, i](std::size_t done, std::size_t total) { callbacks.progress(i, done, total); };
                const auto start = std::chrono::steady_clock::now();
                StudyOutput out = steps[i].compute(study, hooks);
                if (stop.stop_requested()) return;
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                const std::lock_guard<std::mutex> hold(store);
                ended.push_back({i, std::move(out), seconds});
            } catch (const std::exception& e) {
                step_failed(i, e);
            } catch (...) {
                fail(std::current_exception());
            }
            hand_over_ready(false);
        });
    // The one handing over looks again before letting go, so nothing should be left here;
    // a last look costs nothing and makes it certain (with the follow-ups it releases).
    tasks.wait();
    if (!first_error) hand_over_ready(true);
    tasks.wait();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace cohesion

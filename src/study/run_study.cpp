#include "study/run_study.hpp"

#include <fmt/format.h>
#include <tbb/task_group.h>

#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <stop_token>

#include "core/error.hpp"

namespace cohesion {

void run_study_steps(const Study& study, const std::vector<StudyStep>& steps, const StudyRunCallbacks& callbacks) {
    const std::size_t n = steps.size();
    std::stop_source stop;
    std::vector<std::optional<StudyOutput>> results(n);
    std::vector<double> seconds(n, 0.0);
    std::mutex store;               // guards results and seconds
    std::mutex hand_over;           // held by the one thread calling `finished`; guards next
    std::size_t next = 0;           // the first step not yet handed to `finished`
    std::exception_ptr first_error;  // the first failure (step or alongside work)
    std::mutex error_lock;

    auto fail = [&](std::exception_ptr e) {
        {
            const std::lock_guard<std::mutex> hold(error_lock);
            if (!first_error) first_error = e;
        }
        stop.request_stop();
    };
    // Whichever task finishes a step hands over every result that is now next in plan order,
    // so `finished` sees the steps in order without a thread of its own. A task that finds
    // another handing over does not wait for it (a pool thread must not idle): what it
    // leaves is handed over by the next task to finish, or at the end.
    auto hand_over_ready = [&](bool wait) {
        std::unique_lock<std::mutex> turn(hand_over, std::defer_lock);
        if (wait) turn.lock();
        else if (!turn.try_lock()) return;
        while (next < n && !stop.stop_requested()) {
            std::optional<StudyOutput> out;
            double took = 0.0;
            {
                const std::lock_guard<std::mutex> hold(store);
                if (!results[next]) break;
                out = std::move(results[next]);
                results[next].reset();
                took = seconds[next];
            }
            try {
                callbacks.finished(next, std::move(*out), took);
            } catch (const std::exception& e) {
                fail(std::make_exception_ptr(Error(fmt::format("step '{}' failed: {}", steps[next].label, e.what()))));
                return;
            }
            ++next;
        }
    };

    tbb::task_group tasks;
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
                {
                    const std::lock_guard<std::mutex> hold(store);
                    seconds[i] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    results[i] = std::move(out);
                }
            } catch (const std::exception& e) {
                fail(std::make_exception_ptr(Error(fmt::format("step '{}' failed: {}", steps[i].label, e.what()))));
            } catch (...) {
                fail(std::current_exception());
            }
            hand_over_ready(false);
        });
    for (const auto& work : callbacks.alongside)
        tasks.run([&, work] {
            if (stop.stop_requested()) return;
            try {
                work(stop.get_token());
            } catch (...) {
                fail(std::current_exception());
            }
        });
    tasks.wait();
    if (!first_error) hand_over_ready(true);
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace cohesion

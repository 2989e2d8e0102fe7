#include "server/work_queue.hpp"

#include <fmt/format.h>
#include <malloc.h>

#include <atomic>
#include <iostream>

#include "core/cancellation.hpp"

namespace cohesion {

struct WorkQueue::Waiter {
    Deliver deliver;
    bool gone = false;
    std::weak_ptr<Flight> flight;
};

struct WorkQueue::Flight {
    std::string key;
    bool heavy = false;
    Compute compute;
    std::stop_source stop;
    std::chrono::steady_clock::time_point deadline;
    std::vector<Ticket> waiters;
    bool running = false;
    std::atomic<bool> timed_out{false};  // set by the watchdog, read by the worker
};

namespace {

HttpResponse unavailable(const std::string& message, int retry_after_seconds) {
    HttpResponse r = json_error(503, message);
    r.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
    return r;
}

}  // namespace

WorkQueue::WorkQueue(WorkLimits limits) : limits_(limits) {
    light_.queue_limit = limits_.light_queue;
    heavy_.queue_limit = limits_.heavy_queue;
    for (std::size_t k = 0; k < std::max<std::size_t>(1, limits_.light_workers); ++k)
        workers_.emplace_back([this] { work(false); });
    for (std::size_t k = 0; k < std::max<std::size_t>(1, limits_.heavy_workers); ++k)
        workers_.emplace_back([this] { work(true); });
    watchdog_ = std::thread([this] { watch_deadlines(); });
}

WorkQueue::~WorkQueue() {
    shutdown(std::chrono::milliseconds(0));
    // A worker still inside a computation has been asked to stop; wait for it (a caller
    // that cannot wait exits the process after shutdown() instead of destroying us).
    for (auto& t : workers_)
        if (t.joinable()) t.join();
    if (watchdog_.joinable()) watchdog_.join();
}

WorkQueue::Ticket WorkQueue::submit(const std::string& key, bool heavy, Compute compute, Deliver deliver) {
    auto waiter = std::make_shared<Waiter>();
    waiter->deliver = std::move(deliver);
    std::lock_guard lock(mutex_);
    if (stopping_) return nullptr;
    if (const auto it = in_flight_.find(key); it != in_flight_.end()) {
        waiter->flight = it->second;
        it->second->waiters.push_back(waiter);
        return waiter;
    }
    Pool& pool = heavy ? heavy_ : light_;
    if (pool.queue.size() >= pool.queue_limit) return nullptr;
    auto flight = std::make_shared<Flight>();
    flight->key = key;
    flight->heavy = heavy;
    flight->compute = std::move(compute);
    flight->deadline = std::chrono::steady_clock::now() + limits_.deadline;
    flight->waiters.push_back(waiter);
    waiter->flight = flight;
    in_flight_.emplace(key, flight);
    pool.queue.push_back(flight);
    ready_.notify_all();
    return waiter;
}

void WorkQueue::abandon(const Ticket& ticket) {
    if (!ticket) return;
    std::lock_guard lock(mutex_);
    ticket->gone = true;
    const auto flight = ticket->flight.lock();
    if (!flight) return;
    for (const auto& w : flight->waiters)
        if (!w->gone) return;
    // Nobody waits any more: stop it, and take it out of its queue if it has not started.
    flight->stop.request_stop();
    if (!flight->running) {
        Pool& pool = flight->heavy ? heavy_ : light_;
        std::erase(pool.queue, flight);
        if (const auto it = in_flight_.find(flight->key); it != in_flight_.end() && it->second == flight)
            in_flight_.erase(it);
    }
}

void WorkQueue::finish(const std::shared_ptr<Flight>& flight, const HttpResponse& response) {
    std::vector<Ticket> waiters;
    {
        std::lock_guard lock(mutex_);
        if (const auto it = in_flight_.find(flight->key); it != in_flight_.end() && it->second == flight)
            in_flight_.erase(it);
        waiters.swap(flight->waiters);
    }
    for (const auto& w : waiters) {
        bool gone;
        {
            std::lock_guard lock(mutex_);
            gone = w->gone;
            w->gone = true;
        }
        if (!gone) w->deliver(response);
    }
}

void WorkQueue::work(bool heavy) {
    Pool& pool = heavy ? heavy_ : light_;
    while (true) {
        std::shared_ptr<Flight> flight;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !pool.queue.empty(); });
            if (stopping_) return;
            flight = pool.queue.front();
            pool.queue.pop_front();
            flight->running = true;
            ++pool.running;
            ++busy_workers_;
        }
        HttpResponse response;
        if (std::chrono::steady_clock::now() >= flight->deadline) {
            response = unavailable(fmt::format("the server is busy: the request waited longer than {} s; try again",
                                               limits_.deadline.count() / 1000),
                                   5);
        } else {
            try {
                response = flight->compute(flight->stop.get_token());
            } catch (const Cancelled&) {
                response = flight->timed_out
                               ? unavailable(fmt::format("the request took longer than {} s and was stopped; ask for "
                                                         "fewer replicates or permutations",
                                                         limits_.deadline.count() / 1000),
                                             30)
                               : unavailable("the request was cancelled", 5);
            } catch (const std::exception& e) {
                std::cerr << "cohesion serve: internal error: " << e.what() << "\n";
                response = json_error(500, "internal error");
            } catch (...) {
                std::cerr << "cohesion serve: internal error (unknown exception)\n";
                response = json_error(500, "internal error");
            }
        }
        finish(flight, response);
        // Heavy jobs allocate replicate tables; give the memory back to the system so that
        // a burst of them does not leave the process at its peak size.
        if (heavy) malloc_trim(0);
        {
            std::lock_guard lock(mutex_);
            --pool.running;
            --busy_workers_;
        }
        idle_.notify_all();
    }
}

void WorkQueue::watch_deadlines() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        watchdog_wake_.wait_for(lock, std::chrono::milliseconds(100));
        const auto now = std::chrono::steady_clock::now();
        for (auto& [key, flight] : in_flight_)
            if (flight->running && now >= flight->deadline && !flight->stop.stop_requested()) {
                flight->timed_out = true;
                flight->stop.request_stop();
            }
    }
}

bool WorkQueue::shutdown(std::chrono::milliseconds grace) {
    std::vector<std::shared_ptr<Flight>> queued;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            stopping_ = true;
            for (auto* pool : {&light_, &heavy_}) {
                for (auto& f : pool->queue) queued.push_back(f);
                pool->queue.clear();
            }
            for (auto& [key, flight] : in_flight_) flight->stop.request_stop();
        }
    }
    ready_.notify_all();
    watchdog_wake_.notify_all();
    for (auto& f : queued) finish(f, unavailable("the server is shutting down", 5));
    std::unique_lock lock(mutex_);
    const bool all_idle = idle_.wait_for(lock, grace, [&] { return busy_workers_ == 0; });
    lock.unlock();
    if (all_idle)
        for (auto& t : workers_)
            if (t.joinable()) t.join();
    return all_idle;
}

WorkQueue::Counts WorkQueue::counts() const {
    std::lock_guard lock(mutex_);
    return {light_.queue.size(), light_.running, heavy_.queue.size(), heavy_.running};
}

}  // namespace cohesion

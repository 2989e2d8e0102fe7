#pragma once
// Where the server's computations run: off the network threads, in two bounded pools.
// Light work (an index table, a local-statistics layer) and heavy work (bootstrap,
// randomisation, permutations, hub siting, change) each have their own workers and
// queue, so that a queue of expensive requests never delays a cheap one, and a full
// heavy queue is refused at once (503 + Retry-After) instead of growing without bound.
//
// Identical requests in flight are computed once: later ones join the first and all get
// its answer. A computation is cancelled (its std::stop_token is stopped; the replicate
// and permutation loops then throw Cancelled) when every client waiting for it has gone,
// when its deadline passes, or at shutdown.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "server/http_message.hpp"

namespace cohesion {

struct WorkLimits {
    std::size_t light_workers = 2;
    std::size_t heavy_workers = 1;   // each heavy job already uses every core (TBB)
    std::size_t light_queue = 256;   // waiting jobs beyond the running ones
    std::size_t heavy_queue = 8;
    std::chrono::milliseconds deadline{60000};  // from submission to answer
};

class WorkQueue {
public:
    using Compute = std::function<HttpResponse(std::stop_token)>;
    using Deliver = std::function<void(HttpResponse)>;  // called at most once, from a worker thread
    struct Waiter;
    using Ticket = std::shared_ptr<Waiter>;

    explicit WorkQueue(WorkLimits limits);
    ~WorkQueue();
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    // Queues `compute` under `key` (or joins the identical computation in flight) and
    // calls `deliver` with its answer. Returns nullptr when the queue is full: the caller
    // answers 503 itself and `deliver` is never called.
    Ticket submit(const std::string& key, bool heavy, Compute compute, Deliver deliver);
    // The client behind `ticket` has gone: its `deliver` is not called; the computation
    // stops when no other client waits for it.
    void abandon(const Ticket& ticket);
    // Cancels everything (queued jobs are answered 503) and waits up to `grace` for the
    // workers. False when a worker is still busy (e.g. inside a solver): the caller exits.
    bool shutdown(std::chrono::milliseconds grace);

    struct Counts {
        std::size_t light_queued, light_running, heavy_queued, heavy_running;
    };
    Counts counts() const;

private:
    struct Flight;
    struct Pool {
        std::deque<std::shared_ptr<Flight>> queue;
        std::size_t running = 0;
        std::size_t queue_limit = 0;
    };
    void work(bool heavy);
    void watch_deadlines();
    void finish(const std::shared_ptr<Flight>& flight, const HttpResponse& response);

    WorkLimits limits_;
    mutable std::mutex mutex_;
    std::condition_variable ready_, idle_;
    std::condition_variable watchdog_wake_;
    bool stopping_ = false;
    Pool light_, heavy_;
    std::map<std::string, std::shared_ptr<Flight>> in_flight_;
    std::vector<std::thread> workers_;
    std::thread watchdog_;
    std::size_t busy_workers_ = 0;
};

}  // namespace cohesion

#pragma once
// ProgressCount — one count of work done by several threads, reported to a progress callback
// (done, total). Each report is made under a lock, so the callback sees 1, 2, 3, ... in order
// and never two calls at once: the front ends' progress lines are not thread-safe, and a
// count that arrives out of order would print a step backwards.
#include <cstddef>
#include <functional>
#include <mutex>
#include <utility>

namespace cohesion {

class ProgressCount {
public:
    // `report` may be empty: then tick() does nothing.
    ProgressCount(std::function<void(std::size_t done, std::size_t total)> report, std::size_t total)
        : report_(std::move(report)), total_(total) {}
    void tick() {
        if (!report_) return;
        const std::lock_guard<std::mutex> hold(lock_);
        report_(++done_, total_);
    }

private:
    std::function<void(std::size_t, std::size_t)> report_;
    std::size_t total_, done_ = 0;
    std::mutex lock_;
};

}  // namespace cohesion

#pragma once
// Cancellation of long work. A caller that may abandon a computation (an HTTP client that
// disconnected, a request deadline, SIGTERM) passes a std::stop_token; loops over
// replicates and permutations check it between units of work and throw Cancelled, so
// the worker is free again within one unit instead of finishing minutes of work nobody
// will read. A default-constructed token can never be stopped: CLI callers pay nothing.
#include <stdexcept>
#include <stop_token>

namespace cohesion {

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("the computation was cancelled") {}
};

inline void throw_if_stopped(const std::stop_token& stop) {
    if (stop.stop_requested()) throw Cancelled();
}

}  // namespace cohesion

#pragma once
// The network side of `cohesion serve`: an asynchronous HTTP/1.1 server on Boost.Beast
// (Debian's libboost-dev). Why not a thread per connection (cpp-httplib, used before):
// there, every open connection holds a worker, so 64 slow or idle clients stopped the
// server answering anyone. Here connections cost a socket and a buffer, and computations
// run in the WorkQueue, so:
//  - a whole request (headers and body) must arrive within `request_deadline` of the
//    connection becoming ready to read — a slowloris trickle is cut off, not just a
//    silent one; the same deadline is the keep-alive idle time;
//  - connections are capped in total and per client address; when a cap is reached the
//    oldest idle keep-alive connection goes first, then the oldest one still sending its
//    request, and only if every connection is busy is the new one refused;
//  - a client that disconnects while its answer is computed abandons its job, which is
//    cancelled when nobody else waits for it.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "server/api.hpp"
#include "server/work_queue.hpp"

namespace cohesion {

struct HttpServerLimits {
    std::size_t max_connections = 1024;
    std::size_t max_connections_per_address = 256;
    std::chrono::milliseconds request_deadline{10000};
    std::chrono::milliseconds write_deadline{30000};
    std::size_t io_threads = 2;
};

class HttpServer {
public:
    HttpServer(const Api& api, WorkQueue& work, HttpServerLimits limits);
    ~HttpServer();
    // Throws Error when the address cannot be bound (in use, not this machine's).
    void listen(const std::string& host, int port);
    // Serves until stop() or SIGINT/SIGTERM; returns when the network threads are done.
    void run();
    // Stops accepting and closes every connection; safe from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cohesion

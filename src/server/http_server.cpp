#include "server/http_server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <sys/socket.h>

#include <cerrno>
#include <iostream>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "server/request_text.hpp"

namespace cohesion {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

enum class ConnectionState { reading, idle, busy };

class Session;

// Every open connection, for the caps and for eviction. Sessions are owned by their
// pending asynchronous operations; the registry only observes them.
class ConnectionRegistry {
public:
    struct Entry {
        std::weak_ptr<Session> session;
        std::string address;
        ConnectionState state = ConnectionState::reading;
        std::chrono::steady_clock::time_point since;
    };

    std::uint64_t add(const std::weak_ptr<Session>& s, const std::string& address) {
        std::lock_guard lock(mutex_);
        const std::uint64_t id = next_++;
        entries_.emplace(id, Entry{s, address, ConnectionState::reading, std::chrono::steady_clock::now()});
        ++per_address_[address];
        return id;
    }
    void remove(std::uint64_t id) {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(id);
        if (it == entries_.end()) return;
        if (--per_address_[it->second.address] == 0) per_address_.erase(it->second.address);
        entries_.erase(it);
    }
    void set_state(std::uint64_t id, ConnectionState state) {
        std::lock_guard lock(mutex_);
        if (const auto it = entries_.find(id); it != entries_.end()) {
            it->second.state = state;
            it->second.since = std::chrono::steady_clock::now();
        }
    }
    // Room for one more connection from `address`: the sessions to close to make it (the
    // oldest idle, then the oldest reading), or nullopt when every candidate is busy.
    std::optional<std::vector<std::shared_ptr<Session>>> make_room(const std::string& address, std::size_t max_total,
                                                                   std::size_t max_per_address) {
        std::lock_guard lock(mutex_);
        std::vector<std::shared_ptr<Session>> victims;
        std::size_t total = entries_.size();
        std::size_t mine = per_address_.count(address) ? per_address_[address] : 0;
        if (total < max_total && mine < max_per_address) return victims;
        // Candidates: idle first, then reading, oldest first; for the per-address cap,
        // only connections of that address.
        const bool address_full = mine >= max_per_address;
        std::vector<std::pair<std::tuple<int, std::chrono::steady_clock::time_point>, std::uint64_t>> order;
        for (const auto& [id, e] : entries_) {
            if (e.state == ConnectionState::busy || e.session.expired()) continue;
            if (address_full && e.address != address) continue;
            order.push_back({{e.state == ConnectionState::idle ? 0 : 1, e.since}, id});
        }
        std::sort(order.begin(), order.end());
        for (const auto& [_, id] : order) {
            if (total < max_total && mine < max_per_address) break;
            auto& e = entries_[id];
            if (auto s = e.session.lock()) victims.push_back(std::move(s));
            e.state = ConnectionState::busy;  // being closed: not a candidate twice
            --total;
            if (e.address == address) --mine;
        }
        if (total >= max_total || mine >= max_per_address) return std::nullopt;
        return victims;
    }
    std::vector<std::shared_ptr<Session>> all() {
        std::lock_guard lock(mutex_);
        std::vector<std::shared_ptr<Session>> out;
        for (auto& [id, e] : entries_)
            if (auto s = e.session.lock()) out.push_back(std::move(s));
        return out;
    }

private:
    std::mutex mutex_;
    std::uint64_t next_ = 1;
    std::unordered_map<std::uint64_t, Entry> entries_;
    std::unordered_map<std::string, std::size_t> per_address_;
};

struct Shared {
    Shared(const Api& a, WorkQueue& w, HttpServerLimits l) : api(a), work(w), limits(l) {}
    const Api& api;
    WorkQueue& work;
    HttpServerLimits limits;
    ConnectionRegistry registry;
    std::atomic<bool> stopping{false};
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, Shared& shared, std::string address)
        : stream_(std::move(socket)), shared_(shared), address_(std::move(address)) {}
    ~Session() {
        if (ticket_) shared_.work.abandon(ticket_);
        shared_.registry.remove(id_);
    }
    void start() {
        id_ = shared_.registry.add(weak_from_this(), address_);
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }
    // From any thread.
    void close_soon() {
        asio::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
    }

private:
    void read() {
        if (shared_.stopping) return close();
        parser_.emplace();
        parser_->header_limit(16 * 1024);
        parser_->body_limit(64 * 1024);  // the API is GET-only; nothing needs a body
        // One deadline for the whole request, not per read: a client that sends a byte now
        // and then still has to finish within it.
        stream_.expires_after(shared_.limits.request_deadline);
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
            ec == asio::error::connection_reset || ec == asio::error::eof)
            return close();
        keep_alive_ = false;
        version_ = 11;
        if (ec) {
            // A malformed request: say so once, then close (the stream is out of step).
            if (ec == http::error::body_limit || ec == http::error::header_limit)
                return write(json_error(ec == http::error::body_limit ? 413 : 431,
                                        "request too large: " + ec.message()));
            return write(json_error(400, "malformed HTTP request: " + ec.message()));
        }
        shared_.registry.set_state(id_, ConnectionState::busy);
        const auto& req = parser_->get();
        version_ = req.version();
        keep_alive_ = req.keep_alive();
        HttpRequest request;
        request.method = std::string(req.method_string());
        request.target = std::string(req.target());
        for (const auto& field : req) {
            const auto value = field.value();
            if (!valid_utf8(std::string_view(value.data(), value.size()))) request.headers_valid_utf8 = false;
        }
        if (const auto host = req.find(http::field::host); host != req.end()) request.host = std::string(host->value());
        request.repeated_host = req.count(http::field::host) > 1;
        if (const auto auth = req.find(http::field::authorization); auth != req.end())
            request.authorization = std::string(auth->value());
        ApiPlan plan = shared_.api.plan(request);
        if (auto* immediate = std::get_if<HttpResponse>(&plan)) return write(std::move(*immediate));
        ApiJob& job = std::get<ApiJob>(plan);
        stream_.expires_never();  // the work queue has the deadline now
        auto self = shared_from_this();
        ticket_ = shared_.work.submit(job.key, job.heavy, std::move(job.compute), [self](HttpResponse response) {
            asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
                self->ticket_.reset();
                self->write(std::move(response));
            });
        });
        if (!ticket_) {
            HttpResponse busy = json_error(503, job.heavy ? "too many expensive requests are queued; try again shortly"
                                                          : "the server is busy; try again shortly");
            busy.headers.emplace_back("Retry-After", job.heavy ? "10" : "1");
            return write(std::move(busy));
        }
        watch_for_disconnect();
    }

    // While the answer is computed, notice a client that goes away: its socket becomes
    // readable with nothing to read (EOF) or an error.
    void watch_for_disconnect() {
        stream_.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
            if (!self->ticket_) return;  // answered meanwhile
            bool gone = static_cast<bool>(ec);
            if (!gone) {
                char byte;
                const ssize_t n = ::recv(self->stream_.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
                gone = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
                // n > 0: the client sent its next request early (pipelining); it waits.
            }
            if (gone) {
                self->shared_.work.abandon(self->ticket_);
                self->ticket_.reset();
                self->close();
            }
        });
    }

    void write(HttpResponse r) {
        response_ = {};
        response_.version(version_);
        response_.result(static_cast<unsigned>(r.status));
        response_.set(http::field::content_type, r.content_type);
        response_.set(http::field::server, "cohesion");
        response_.set(http::field::cache_control, "no-store");
        for (const auto& [k, v] : r.headers) response_.set(k, v);
        response_.keep_alive(keep_alive_ && !shared_.stopping);
        response_.body() = std::move(r.body);
        response_.prepare_payload();
        stream_.expires_after(shared_.limits.write_deadline);
        http::async_write(stream_, response_, beast::bind_front_handler(&Session::on_write, shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t) {
        if (ec || !response_.keep_alive()) return close();
        shared_.registry.set_state(id_, ConnectionState::idle);
        read();
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        if (ticket_) {
            shared_.work.abandon(ticket_);
            ticket_.reset();
        }
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    Shared& shared_;
    std::string address_;
    std::uint64_t id_ = 0;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> response_;
    WorkQueue::Ticket ticket_;
    unsigned version_ = 11;
    bool keep_alive_ = false;
    bool closed_ = false;
};

}  // namespace

struct HttpServer::Impl {
    Shared shared;
    asio::io_context io;
    tcp::acceptor acceptor{io};
    asio::signal_set signals{io, SIGINT, SIGTERM};
    asio::steady_timer retry_accept{io};

    Impl(const Api& api, WorkQueue& work, HttpServerLimits limits) : shared(api, work, limits) {}

    void accept() {
        acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (shared.stopping || !acceptor.is_open()) return;
            if (ec) {
                // Out of file descriptors (EMFILE) and the like: try again shortly rather
                // than spinning on an error that is still there.
                retry_accept.expires_after(std::chrono::milliseconds(50));
                retry_accept.async_wait([this](beast::error_code) { accept(); });
                return;
            }
            admit(std::move(socket));
            accept();
        });
    }

    void admit(tcp::socket socket) {
        beast::error_code ec;
        const auto peer = socket.remote_endpoint(ec);
        if (ec) return;
        socket.set_option(tcp::no_delay(true), ec);  // small JSON answers must not wait for delayed ACKs
        const std::string address = peer.address().to_string();
        auto room = shared.registry.make_room(address, shared.limits.max_connections,
                                              shared.limits.max_connections_per_address);
        if (!room) {
            socket.close(ec);  // every connection is busy computing: refuse
            return;
        }
        for (auto& victim : *room) victim->close_soon();
        std::make_shared<Session>(std::move(socket), shared, address)->start();
    }

    void stop() {
        asio::post(io, [this] {
            if (shared.stopping.exchange(true)) return;
            beast::error_code ec;
            acceptor.close(ec);
            signals.cancel(ec);
            retry_accept.cancel();
            for (auto& s : shared.registry.all()) s->close_soon();
            // Leave the sessions a moment to close, then stop whatever is left.
            auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(200));
            timer->async_wait([this, timer](beast::error_code) { io.stop(); });
        });
    }
};

HttpServer::HttpServer(const Api& api, WorkQueue& work, HttpServerLimits limits)
    : impl_(std::make_unique<Impl>(api, work, limits)) {}

HttpServer::~HttpServer() = default;

void HttpServer::listen(const std::string& host, int port) {
    beast::error_code ec;
    const auto address = asio::ip::make_address(host, ec);
    if (ec)
        throw Error(Field{"listen_host"}, fmt::format("'{}' is not an IP address (e.g. 127.0.0.1 or ::1)", host));
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    auto& a = impl_->acceptor;
    a.open(endpoint.protocol(), ec);
    // SO_REUSEADDR only (no SO_REUSEPORT): a second server on a busy port must fail loudly.
    if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) a.bind(endpoint, ec);
    if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw Error(Field{"port"},
                    fmt::format("cannot listen on {}:{} ({})", host, port, ec.message()));
}

void HttpServer::run() {
    impl_->signals.async_wait([this](beast::error_code ec, int) {
        if (!ec) stop();
    });
    impl_->accept();
    std::vector<std::thread> threads;
    for (std::size_t k = 1; k < std::max<std::size_t>(1, impl_->shared.limits.io_threads); ++k)
        threads.emplace_back([this] { impl_->io.run(); });
    impl_->io.run();
    for (auto& t : threads) t.join();
}

void HttpServer::stop() { impl_->stop(); }

}  // namespace cohesion

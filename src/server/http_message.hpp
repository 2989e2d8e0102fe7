#pragma once
// What the API sees of an HTTP exchange, independent of the transport (Boost.Beast in
// http_server.cpp). The request handling is a pure function of these, so the fuzz
// target and the tests drive it without sockets.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohesion {

struct HttpRequest {
    std::string method;         // "GET", "HEAD", ...
    std::string target;         // raw request-target: "/api/indices?dataset=x"
    std::string host;           // the Host header, "" when absent
    std::string authorization;  // the Authorization header, "" when absent
    bool headers_valid_utf8 = true;  // false when any header value is not UTF-8
    bool repeated_host = false;      // two Host headers: ambiguous between proxy and server
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Retry-After
};

// {"error": message} with the given status, and {"parameter": name} when the error is about
// a query parameter; the message is made valid UTF-8 first.
HttpResponse json_error(int status, std::string_view message, std::string_view parameter = {});

}  // namespace cohesion

// libFuzzer target: raw request bytes through the server's request handling — Beast's
// HTTP parser, then the API (routing, guards, parameter checks, the computations with
// small limits) — exactly what a socket feeds it, without the socket. Any crash, sanitizer
// report or answer that is not valid JSON where JSON is promised is a bug.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "server/api.hpp"
#include "server/request_text.hpp"

namespace {

namespace http = boost::beast::http;

const cohesion::Api& api() {
    static const auto catalog = [] {
        auto c = std::make_unique<cohesion::DatasetCatalog>();
        c->add(std::string("bedford=") + COHESION_EXAMPLE_DATA + "/bedford/oa2011_ethnicity.csv@" +
               COHESION_EXAMPLE_DATA + "/bedford/oa2011.geojson");
        return c;
    }();
    static const cohesion::Api instance(*catalog, [] {
        cohesion::ApiOptions o;
        o.token = "";
        o.max_bootstrap = 3;       // the fuzzer explores requests, not long computations
        o.max_permutations = 19;
        o.solver_seconds = 0.1;
        return o;
    }());
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)cohesion::parse_request_target(bytes);  // the decoder alone, on arbitrary bytes
    } catch (const cohesion::RequestTextError&) {
    }
    http::request_parser<http::string_body> parser;
    parser.eager(true);
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(bytes), ec);
    if (!ec && !parser.is_done()) parser.put_eof(ec);
    if (ec || !parser.is_header_done()) return 0;
    const auto& req = parser.get();
    cohesion::HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    for (const auto& field : req) {
        const auto value = field.value();
        if (!cohesion::valid_utf8(std::string_view(value.data(), value.size()))) request.headers_valid_utf8 = false;
    }
    if (const auto host = req.find(http::field::host); host != req.end()) request.host = std::string(host->value());
    request.repeated_host = req.count(http::field::host) > 1;
    if (const auto auth = req.find(http::field::authorization); auth != req.end())
        request.authorization = std::string(auth->value());
    const cohesion::HttpResponse response = api().answer(request);
    if (response.status < 200 || response.status > 599) std::abort();
    if (response.content_type == "application/json" && !nlohmann::json::accept(response.body)) std::abort();
    return 0;
}

#include "server/api_parameters.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "server/request_text.hpp"

namespace cohesion {

namespace {

constexpr std::size_t max_value_length = 2000;

bool plain_integer(const std::string& v) {
    std::size_t start = v.size() > 1 && v[0] == '-' ? 1 : 0;
    if (start == v.size()) return false;
    for (std::size_t i = start; i < v.size(); ++i)
        if (v[i] < '0' || v[i] > '9') return false;
    return true;
}

// [-]digits[.digits][(e|E)[-|+]digits] or [-].digits...: what JSON and people write.
bool plain_real(const std::string& v) {
    std::size_t i = 0;
    if (i < v.size() && v[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        std::size_t exponent = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == v.size();
}

}  // namespace

ApiParameters::ApiParameters(const std::vector<std::pair<std::string, std::string>>& query,
                             const std::set<std::string>& allowed) {
    for (const auto& [k, v] : query) {
        if (!allowed.count(k))
            throw HttpError{400, allowed.empty()
                                     ? fmt::format("unknown parameter '{}'; this endpoint takes none", printable(k))
                                     : fmt::format("unknown parameter '{}'; this endpoint takes: {}", printable(k),
                                                   fmt::join(allowed, ", "))};
        if (values_.count(k)) throw HttpError{400, "parameter '" + k + "' is given more than once", k};
        if (v.size() > max_value_length)
            throw HttpError{400, fmt::format("parameter '{}' is longer than {} characters", k, max_value_length)};
        values_[k] = v;
    }
}

std::string ApiParameters::text(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> ApiParameters::list(const std::string& name) const {
    std::vector<std::string> out;
    const std::string v = text(name);
    if (v.empty()) return out;
    std::size_t start = 0;
    while (true) {
        const auto comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (item.empty()) throw HttpError{400, "parameter '" + name + "' has an empty item", name};
        out.push_back(std::move(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::int64_t ApiParameters::integer(const std::string& name, std::int64_t fallback, std::int64_t lo,
                                    std::int64_t hi) const {
    if (!has(name)) return fallback;
    const std::string v = text(name);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (!plain_integer(v) || ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi)
        throw HttpError{400, fmt::format("parameter '{}' must be a whole number from {} to {}, got '{}'", name, lo, hi,
                                         printable(v.substr(0, 40))),
                        name};
    return n;
}

std::uint64_t ApiParameters::seed(const std::string& name, std::uint64_t fallback) const {
    // 2^53: every seed survives a round trip through a JavaScript number unchanged.
    return static_cast<std::uint64_t>(integer(name, static_cast<std::int64_t>(fallback), 0, 9007199254740992LL));
}

double ApiParameters::real(const std::string& name, double fallback, double lo, double hi) const {
    if (!has(name)) return fallback;
    const std::string v = text(name);
    double n = 0.0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (!plain_real(v) || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(n) || !(n >= lo && n <= hi))
        throw HttpError{400, fmt::format("parameter '{}' must be a number from {:g} to {:g}, got '{}'", name, lo, hi,
                                         printable(v.substr(0, 40))),
                        name};
    return n;
}

std::string ApiParameters::canonical() const {
    std::string k;
    for (const auto& [a, b] : values_) {
        k += a;
        k += '=';
        k += b;
        k += '\x1f';  // a byte no decoded parameter may contain (control characters are refused)
    }
    return k;
}

}  // namespace cohesion

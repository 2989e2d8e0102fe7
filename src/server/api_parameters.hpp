#pragma once
// The query parameters of one API request, checked against what the endpoint accepts.
// Strict on purpose: the numbers a client sends are written in one way only (digits, an
// optional leading '-', for reals a decimal point and exponent), so "+5", " 5", "5 ",
// "0x10", "1e999" and a repeated parameter are 400s that name the parameter — not values
// silently clamped or reinterpreted.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cohesion {

// A client mistake (4xx) with its message, and the query parameter it is about (if one):
// the JSON answer carries it as "parameter", as for library errors (api_error_terms.hpp).
struct HttpError {
    int status;
    std::string message;
    std::string parameter = {};
};

class ApiParameters {
public:
    // Throws HttpError 400 for an unknown name, a repeat, or an over-long value.
    ApiParameters(const std::vector<std::pair<std::string, std::string>>& query, const std::set<std::string>& allowed);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string text(const std::string& name, const std::string& fallback = "") const;
    // Comma-separated items, none empty.
    std::vector<std::string> list(const std::string& name) const;
    std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t lo, std::int64_t hi) const;
    std::uint64_t seed(const std::string& name, std::uint64_t fallback) const;  // 0 .. 2^53
    double real(const std::string& name, double fallback, double lo, double hi) const;

    // The parameters in a canonical order: requests that differ only in order share a key.
    std::string canonical() const;

    // Keeps `object` alive for as long as the request's computation: a dataset built on
    // demand (server/town_datasets) may leave its bounded cache while a job still reads it
    // by reference. Api::plan hands what is held to the job.
    void hold(std::shared_ptr<const void> object) const { held_.push_back(std::move(object)); }
    const std::vector<std::shared_ptr<const void>>& held() const { return held_; }

private:
    std::map<std::string, std::string> values_;
    mutable std::vector<std::shared_ptr<const void>> held_;
};

}  // namespace cohesion

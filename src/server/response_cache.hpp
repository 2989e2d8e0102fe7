#pragma once
// Answers of identical requests, least recently used first out, bounded in bytes rather
// than entries: one GeoJSON answer can be megabytes and a bootstrap table a few hundred
// bytes, and it is memory the operator has to plan for (BENCHMARKS.md reports peak RSS).
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/http_message.hpp"

namespace cohesion {

class ResponseCache {
public:
    explicit ResponseCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}
    std::optional<HttpResponse> get(const std::string& key);
    void put(const std::string& key, const HttpResponse& response);
    std::size_t bytes() const;

private:
    using Entry = std::pair<std::string, HttpResponse>;
    std::size_t capacity_;
    std::size_t bytes_ = 0;
    mutable std::mutex mutex_;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace cohesion

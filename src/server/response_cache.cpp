#include "server/response_cache.hpp"

namespace cohesion {

namespace {

std::size_t size_of(const std::string& key, const HttpResponse& r) {
    std::size_t n = key.size() + r.body.size() + r.content_type.size() + 64;
    for (const auto& [k, v] : r.headers) n += k.size() + v.size();
    return n;
}

}  // namespace

std::optional<HttpResponse> ResponseCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
}

void ResponseCache::put(const std::string& key, const HttpResponse& response) {
    const std::size_t size = size_of(key, response);
    if (size > capacity_ / 4) return;  // one answer may not push out most of the others
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= size_of(it->first, it->second->second);
        order_.erase(it->second);
        index_.erase(it);
    }
    order_.emplace_front(key, response);
    index_.emplace(key, order_.begin());
    bytes_ += size;
    while (bytes_ > capacity_ && !order_.empty()) {
        const Entry& last = order_.back();
        bytes_ -= size_of(last.first, last.second);
        index_.erase(last.first);
        order_.pop_back();
    }
}

std::size_t ResponseCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace cohesion

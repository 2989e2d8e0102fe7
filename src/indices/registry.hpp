#pragma once
// IndexRegistry — the single list of indices. Index files add themselves with a
// namespace-scope `const IndexRegistration`, so adding an index is adding a file.
#include <functional>
#include <list>
#include <string_view>
#include <vector>

#include "indices/index.hpp"

namespace cohesion {

class IndexRegistry {
public:
    static IndexRegistry& instance();

    void add(IndexDefinition definition);
    // For a test that registers a throw-away index for its own duration
    // (tests/analysis/index_axes_test.cpp); the other definitions stay where they are.
    void remove(std::string_view name);
    // Throws Error listing close names when unknown.
    const IndexDefinition& get(std::string_view name) const;
    const IndexDefinition* find(std::string_view name) const;
    // Sorted by kind_order (two-group, multigroup, local, spatial), then by name.
    std::vector<const IndexDefinition*> all() const;
    // The indices whose axes pass `keep`, in all() order.
    std::vector<const IndexDefinition*> where(const std::function<bool(const IndexInfo&)>& keep) const;

private:
    // A list, so pointers handed out stay valid when a test adds or removes an index.
    std::list<IndexDefinition> definitions_;
};

struct IndexRegistration {
    explicit IndexRegistration(IndexDefinition definition);
};

}  // namespace cohesion

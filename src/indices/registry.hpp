#pragma once
// IndexRegistry — the single list of indices. Index files add themselves with a
// namespace-scope `const IndexRegistration`, so adding an index is adding a file.
#include <string_view>
#include <vector>

#include "indices/index.hpp"

namespace cohesion {

class IndexRegistry {
public:
    static IndexRegistry& instance();

    void add(IndexDefinition definition);
    // Throws Error listing close names when unknown.
    const IndexDefinition& get(std::string_view name) const;
    const IndexDefinition* find(std::string_view name) const;
    // Sorted by kind, then in the order of the kind's canonical list by name.
    std::vector<const IndexDefinition*> all() const;
    std::vector<const IndexDefinition*> of_kind(IndexKind kind) const;

private:
    std::vector<IndexDefinition> definitions_;
};

struct IndexRegistration {
    explicit IndexRegistration(IndexDefinition definition);
};

}  // namespace cohesion

#include "indices/registry.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cohesion {

std::string to_string(IndexKind kind) {
    switch (kind) {
        case IndexKind::two_group: return "two-group";
        case IndexKind::multigroup: return "multigroup";
        case IndexKind::local: return "local";
        case IndexKind::spatial: return "spatial";
    }
    return "unknown";
}

IndexRegistry& IndexRegistry::instance() {
    static IndexRegistry registry;
    return registry;
}

void IndexRegistry::add(IndexDefinition definition) {
    if (find(definition.info.name)) throw Error("internal: index '" + definition.info.name + "' registered twice");
    definitions_.push_back(std::move(definition));
}

const IndexDefinition* IndexRegistry::find(std::string_view name) const {
    for (const auto& d : definitions_)
        if (d.info.name == name || (!d.info.library_name.empty() && d.info.library_name == name)) return &d;
    return nullptr;
}

const IndexDefinition& IndexRegistry::get(std::string_view name) const {
    if (const auto* d = find(name)) return *d;
    std::string names;
    for (const auto* d : all()) names += (names.empty() ? "" : ", ") + d->info.name;
    throw Error(Field{"index"},
                "unknown index '" + std::string(name) + "'; expected one of: " + names +
                    " (see docs/indices.md)");
}

std::vector<const IndexDefinition*> IndexRegistry::all() const {
    std::vector<const IndexDefinition*> out;
    for (const auto& d : definitions_) out.push_back(&d);
    // Registration order depends on link order; sort so every listing is stable.
    std::stable_sort(out.begin(), out.end(), [](const IndexDefinition* a, const IndexDefinition* b) {
        if (a->info.kind != b->info.kind) return a->info.kind < b->info.kind;
        return a->info.name < b->info.name;
    });
    return out;
}

std::vector<const IndexDefinition*> IndexRegistry::of_kind(IndexKind kind) const {
    std::vector<const IndexDefinition*> out;
    for (const auto* d : all())
        if (d->info.kind == kind) out.push_back(d);
    return out;
}

IndexRegistration::IndexRegistration(IndexDefinition definition) {
    IndexRegistry::instance().add(std::move(definition));
}

}  // namespace cohesion

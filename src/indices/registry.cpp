#include "indices/registry.hpp"

#include <algorithm>
#include <tuple>

#include "core/error.hpp"

namespace cohesion {

std::string kind_label(const IndexInfo& info) {
    const bool two = info.groups == IndexGroups::two_group;
    if (info.output == IndexOutput::per_area) {
        // Local indices read all groups unless they say otherwise; "local" alone stays that case.
        const std::string local = info.needs.spatial() ? "local spatial" : "local";
        return two ? local + " two-group" : local;
    }
    const std::string groups = two ? "two-group" : "multigroup";
    return info.needs.spatial() ? "spatial " + groups : groups;
}

int kind_order(const IndexInfo& info) {
    const int family = info.output == IndexOutput::per_area ? 1 : info.needs.spatial() ? 2 : 0;
    const int per_area_spatial = info.output == IndexOutput::per_area && info.needs.spatial() ? 1 : 0;
    return 4 * family + 2 * per_area_spatial + (info.groups == IndexGroups::multigroup ? 1 : 0);
}

IndexRegistry& IndexRegistry::instance() {
    static IndexRegistry registry;
    return registry;
}

void IndexRegistry::add(IndexDefinition definition) {
    const auto& info = definition.info;
    if (find(info.name)) throw Error("internal: index '" + info.name + "' registered twice");
    // The axes say which function is called; a definition without it would fail far from here.
    if (info.output == IndexOutput::one_value ? !definition.compute : !definition.compute_local)
        throw Error("internal: index '" + info.name + "' is " + kind_label(info) + " but has no " +
                    (info.output == IndexOutput::one_value ? "compute" : "compute_local") + " function");
    definitions_.push_back(std::move(definition));
}

void IndexRegistry::remove(std::string_view name) {
    definitions_.remove_if([&](const IndexDefinition& d) { return d.info.name == name; });
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
        return std::forward_as_tuple(kind_order(a->info), a->info.name) <
               std::forward_as_tuple(kind_order(b->info), b->info.name);
    });
    return out;
}

std::vector<const IndexDefinition*> IndexRegistry::where(const std::function<bool(const IndexInfo&)>& keep) const {
    std::vector<const IndexDefinition*> out;
    for (const auto* d : all())
        if (keep(d->info)) out.push_back(d);
    return out;
}

IndexRegistration::IndexRegistration(IndexDefinition definition) {
    IndexRegistry::instance().add(std::move(definition));
}

}  // namespace cohesion

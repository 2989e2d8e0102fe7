#include "analysis/enclave_tables.hpp"

#include <fmt/format.h>

#include "analysis/group_enclaves.hpp"
#include "analysis/hot_spot_tables.hpp"

namespace cohesion {

std::vector<ResultTable> enclave_tables(const SpatialData& d, const std::string& group, const HotSpotOptions& hot,
                                        const EnclaveOptions& options) {
    return enclave_tables(d.table, d.weights, area_km2(d), d.notes, group, hot, options);
}

std::vector<ResultTable> enclave_tables(const Table& table, const Weights& weights, std::span<const double> km2,
                                        const std::vector<std::string>& spatial_notes, const std::string& group,
                                        const HotSpotOptions& hot, const EnclaveOptions& options) {
    const GroupEnclaves found = group_enclaves(table, group, weights, km2, hot, options);
    ResultTable list = enclave_list_table(group, found.enclaves);
    list.notes = table.history();
    list.notes.insert(list.notes.end(), spatial_notes.begin(), spatial_notes.end());
    list.notes.push_back(found.share.description);
    for (const auto& n : hot_spot_notes(hot)) list.notes.push_back(n);
    list.notes.push_back(fmt::format("enclave = at least {} neighbouring areas, each a significant {} with {}; named "
                                     "after the places it covers{}",
                                     options.min_areas, options.use_lisa ? "LISA HH cluster" : "G* hot spot",
                                     share_rule(group, options.min_lq),
                                     options.places.empty() ? " (no place layer: its most populous area's code)" : ""));
    return {list, enclave_member_table(table, found)};
}

}  // namespace cohesion

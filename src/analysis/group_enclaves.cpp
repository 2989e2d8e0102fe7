#include "analysis/group_enclaves.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cohesion {

GroupEnclaves group_enclaves(const Table& table, const std::string& group, const Weights& weights,
                             std::span<const double> area_km2, const HotSpotOptions& hot_spots,
                             const EnclaveOptions& options) {
    GroupEnclaves g;
    g.share = group_share(table, group);
    g.hot_spots = find_hot_spots(g.share.share, weights, hot_spots);
    g.enclaves = find_enclaves(group, g.share.count, g.share.total, table.area_codes(), area_km2, weights, g.hot_spots,
                               options);
    return g;
}

ResultTable enclave_list_table(const std::string& group, const std::vector<Enclave>& enclaves) {
    ResultTable list;
    list.title = fmt::format("{} enclave{} of {}", enclaves.size(), enclaves.size() == 1 ? "" : "s", group);
    list.name = "enclaves";
    list.columns = {"enclave", "name", "areas", "core_area", "population", "group_count", "group_share",
                    "share_of_group_in_town", "area_km2"};
    for (const auto& e : enclaves)
        list.add_row({e.name, e.place, static_cast<std::int64_t>(e.members.size()), e.core_area, e.population, e.group_count,
                      e.group_share, e.share_of_group, e.area_km2});
    list.headline = list.title;
    const auto largest = std::max_element(enclaves.begin(), enclaves.end(),
                                          [](const auto& a, const auto& b) { return a.group_count < b.group_count; });
    if (largest != enclaves.end())
        list.headline += fmt::format(" (largest: {}, {:.0f} people of the group)",
                                     // the place it covers; without place names, its id (not an area code)
                                     largest->place_named ? largest->place : largest->name,
                                     largest->group_count);
    return list;
}

ResultTable enclave_member_table(const Table& table, const GroupEnclaves& found) {
    ResultTable members;
    members.title = "Member areas";
    members.name = "areas";
    members.columns = {"area", "enclave", "name", "population", "group_count", "share"};
    for (const auto& e : found.enclaves)
        for (std::size_t i : e.members)
            members.add_row({table.area_codes()[i], e.name, e.place, found.share.total[i], found.share.count[i],
                             found.share.share[i]});
    return members;
}

}  // namespace cohesion

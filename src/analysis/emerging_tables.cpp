#include "analysis/emerging_tables.hpp"

#include <fmt/format.h>

#include "analysis/group_enclaves.hpp"
#include "analysis/hot_spot_tables.hpp"
#include "change/enclave_change.hpp"
#include "core/table_operations.hpp"

namespace cohesion {

// Enclave name of each area in one year ("" for non-members).
namespace {

std::vector<std::string> enclave_of(const std::vector<Enclave>& enclaves, std::size_t n) {
    std::vector<std::string> name(n);
    for (const auto& e : enclaves)
        for (std::size_t i : e.members) name[i] = e.name;
    return name;
}

}  // namespace

std::vector<ResultTable> emerging_tables(const SpatialData& d, const Table& b_table, const EmergingRequest& o) {
    const Table b = select_area_codes(b_table, d.table.area_codes());
    const auto km2 = area_km2(d);
    const GroupEnclaves a = group_enclaves(d.table, o.group, d.weights, km2, o.hot_spots, o.enclaves);
    const GroupEnclaves later = group_enclaves(b, o.group, d.weights, km2, o.hot_spots, o.enclaves);
    const auto& codes = d.table.area_codes();
    const auto& [share_a, hot_a, enclaves_a] = a;
    const auto& [share_b, hot_b, enclaves_b] = later;
    const EnclaveChange change =
        compare_enclaves(enclaves_a, enclaves_b, share_a.count, share_a.total, share_b.count, share_b.total, o.years);

    std::size_t emerging = 0;
    for (const auto& e : change.enclaves) emerging += e.status == "emerging";
    ResultTable list;
    // The headline in years when the study knows them ("1 in 2011, 2 in 2021"); the columns
    // keep their _a/_b names.
    const bool years = o.year_a > 0 && o.year_b > 0;
    list.title = fmt::format("Enclaves of {}: {} in {}, {} in {}, {} emerging", o.group, enclaves_a.size(),
                             years ? std::to_string(o.year_a) : "A", enclaves_b.size(),
                             years ? std::to_string(o.year_b) : "B", emerging);
    list.name = "enclaves";
    list.notes.push_back("A: " + o.label_a);
    list.notes.push_back("B: " + o.label_b);
    for (const auto& n : d.table.history()) list.notes.push_back("A: " + n);
    for (const auto& n : b.history()) list.notes.push_back("B: " + n);
    list.notes.insert(list.notes.end(), d.notes.begin(), d.notes.end());
    for (const auto& n : hot_spot_notes(o.hot_spots)) list.notes.push_back(n);
    list.notes.push_back(fmt::format(
        "enclave = at least {} neighbouring areas, each a significant {} with {}, found in each "
        "year with the same weights and seed; emerging = no area was an enclave member in A; persisting = shares "
        "areas with an A enclave (measured over both years' members); dissolved = no area is a member in B",
        o.enclaves.min_areas, o.enclaves.use_lisa ? "LISA HH cluster" : "G* hot spot", share_rule("", o.enclaves.min_lq)));
    list.notes.push_back(fmt::format("growth = annualised change of the group's count over {:g} years", o.years));
    list.columns = {"enclave", "status", "areas_a", "areas_b", "core_area", "population_a", "population_b",
                    "group_a", "group_b", "share_a", "share_b", "annual_growth"};
    for (const auto& e : change.enclaves)
        list.add_row({e.enclave, e.status, static_cast<std::int64_t>(e.areas_a), static_cast<std::int64_t>(e.areas_b),
                      codes[e.core], e.population_a, e.population_b, e.group_a, e.group_b, e.share_a, e.share_b,
                      e.annual_growth});

    const auto name_a = enclave_of(enclaves_a, codes.size());
    const auto name_b = enclave_of(enclaves_b, codes.size());
    ResultTable areas;
    areas.title = "Areas: enclave membership in each year";
    areas.name = "areas";
    areas.columns = {"area", "status", "enclave_a", "enclave_b", "hot_spot_a", "hot_spot_b",
                     "share_a", "share_b", "change_pp"};
    for (std::size_t i = 0; i < codes.size(); ++i)
        areas.add_row({codes[i], change.area_status[i], name_a[i], name_b[i], hot_a.hot_spot[i], hot_b.hot_spot[i],
                       share_a.share[i], share_b.share[i], 100.0 * (share_b.share[i] - share_a.share[i])});
    return {list, areas};
}

}  // namespace cohesion

#include "analysis/licensing_screen.hpp"

#include <fmt/format.h>

#include <numeric>

namespace cohesion {

namespace {

// Candidate areas joined by contiguity into numbered zones (0 = not a candidate).
std::vector<std::size_t> candidate_zones(const std::vector<char>& candidate, const Weights* contiguity, std::size_t& zones) {
    std::vector<std::size_t> zone(candidate.size(), 0);
    zones = 0;
    for (std::size_t start = 0; start < candidate.size(); ++start) {
        if (!candidate[start] || zone[start]) continue;
        zone[start] = ++zones;
        std::vector<std::size_t> stack{start};
        while (contiguity && !stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j : contiguity->neighbours_of(i))
                if (candidate[j] && !zone[j]) zone[j] = zones, stack.push_back(j);
        }
    }
    return zone;
}

}  // namespace

std::vector<ResultTable> licensing_screen(const CensusTopics& census, const Table& tenure,
                                          const LicensingScreenOptions& o, const Weights* contiguity,
                                          std::span<const double> area_km2) {
    const bool mapped = contiguity != nullptr;
    const auto& codes = tenure.area_codes();
    const Table birth = census.topic("ts004", codes);
    const auto households = census_column(tenure, "total");
    const auto prs = census_column(tenure, "private_rented");
    const auto prs_share = census_share(prs, households);
    const auto accession = census_share(census_sum(birth, {"eu8", "eu2"}), census_column(birth, "total"));
    const std::size_t n = codes.size();
    std::vector<char> candidate(n);
    for (std::size_t i = 0; i < n; ++i) candidate[i] = prs_share[i] >= o.min_private_rented && accession[i] >= o.min_accession;
    std::size_t zones = 0;
    const auto zone = candidate_zones(candidate, contiguity, zones);
    const double prs_total = std::accumulate(prs.begin(), prs.end(), 0.0);
    std::vector<double> km2(n, 0.0);
    if (mapped) km2.assign(area_km2.begin(), area_km2.end());
    const double area_total = std::accumulate(km2.begin(), km2.end(), 0.0);

    ResultTable per_area;
    per_area.title = "Selective licensing screen per area";
    per_area.name = "areas";
    per_area.columns = {"area", "households", "private_rented", "private_rented_share", "vs_national",
                        "accession_born_share", "candidate", "zone"};
    per_area.show_on_map("zone");
    for (std::size_t i = 0; i < n; ++i)
        per_area.add_row({codes[i], households[i], prs[i], prs_share[i], prs_share[i] / national2021::private_rented_share,
                          accession[i], std::string(candidate[i] ? "yes" : "no"),
                          zone[i] ? Cell{fmt::format("zone {}", zone[i])} : Cell{}});

    ResultTable zone_table;
    zone_table.title = fmt::format("{} candidate zones", zones);
    zone_table.name = "zones";
    zone_table.notes = census_provenance(census, tenure);
    zone_table.notes.push_back(fmt::format(
        "candidate area: private rented share >= {:.4g} (default: the England & Wales 2021 share, 20.27 %, TS054 — "
        "the guidance's 'high proportion of privately rented homes' test) and EU8/EU2-born share >= {:.4g} (default: "
        "the England & Wales share, 3.21 %, TS004 — a proxy for the 'high levels of migration' condition)",
        o.min_private_rented, o.min_accession));
    zone_table.notes.push_back(
        "designations covering more than 20 % of the authority's geographical area or of its privately rented homes "
        "need the Secretary of State's confirmation (Housing Act 2004 s.80; DLUHC selective licensing guidance)");
    if (!mapped) zone_table.notes.push_back("no boundaries: each candidate area is its own zone, and land area is not known");
    zone_table.columns = {"zone", "areas", "households", "private_rented", "share_of_private_rented", "area_km2",
                          "share_of_area"};
    std::vector<double> z_prs(zones + 1, 0.0), z_hh(zones + 1, 0.0), z_km2(zones + 1, 0.0);
    std::vector<std::int64_t> z_n(zones + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (zone[i]) z_prs[zone[i]] += prs[i], z_hh[zone[i]] += households[i], z_km2[zone[i]] += km2[i], ++z_n[zone[i]];
    auto land = [&](double v) { return mapped ? Cell{v} : Cell{}; };
    for (std::size_t z = 1; z <= zones; ++z)
        zone_table.add_row({fmt::format("zone {}", z), z_n[z], z_hh[z], z_prs[z], z_prs[z] / prs_total, land(z_km2[z]),
                            land(z_km2[z] / area_total)});
    const double all_prs = std::accumulate(z_prs.begin(), z_prs.end(), 0.0);
    const double all_km2 = std::accumulate(z_km2.begin(), z_km2.end(), 0.0);
    zone_table.add_row({std::string("whole proposal"), std::accumulate(z_n.begin(), z_n.end(), std::int64_t{0}),
                        std::accumulate(z_hh.begin(), z_hh.end(), 0.0), all_prs, all_prs / prs_total, land(all_km2),
                        land(all_km2 / area_total)});
    zone_table.notes.push_back(fmt::format(
        "the proposal covers {:.1f} % of privately rented homes{}{}", 100.0 * all_prs / prs_total,
        mapped ? fmt::format(" and {:.1f} % of the land area", 100.0 * all_km2 / area_total) : std::string(),
        (all_prs / prs_total > 0.2 || (mapped && all_km2 / area_total > 0.2)) ? ": above 20 %, confirmation needed"
                                                                               : ": within the 20 % limits"));
    return {zone_table, per_area};
}

}  // namespace cohesion

#include "analysis/typology_tables.hpp"

#include <fmt/format.h>

#include <map>

#include "core/count_matrix.hpp"

namespace cohesion {

std::vector<ResultTable> typology_tables(const Table& table, const TypologyOptions& options, bool summary_only) {
    const CountMatrix m = multigroup(table);
    const auto types = classify_neighbourhoods(m, options);
    const auto& t = options;
    std::vector<std::string> notes = table.history();
    notes.push_back("view: " + m.description);
    notes.push_back(fmt::format("host group {}; thresholds: isolated >= {:g}, non-isolated >= {:g}, assimilation >= "
                                "{:g}, dominant minority >= {:g}, ghetto share >= {:g} (Poulsen, Johnston & Forrest 2001)",
                                t.host_group, t.isolated_host, t.non_isolated_host, t.assimilation,
                                t.dominant_minority, t.ghetto_share));

    ResultTable summary;
    summary.title = "Neighbourhood types";
    summary.name = "types";
    summary.notes = notes;
    summary.columns = {"type", "label", "areas", "population", "share_of_population"};
    std::map<int, std::pair<std::int64_t, double>> by_type;
    for (std::size_t i = 0; i < types.size(); ++i) {
        by_type[types[i].type].first += 1;
        by_type[types[i].type].second += m.unit_totals[i];
    }
    for (int type = 1; type <= 6; ++type)
        summary.add_row({static_cast<std::int64_t>(type), typology_label(type), by_type[type].first,
                         by_type[type].second, by_type[type].second / m.grand_total});
    if (summary_only) return {summary};

    ResultTable areas;
    areas.title = "Type of each area";
    areas.name = "areas";
    areas.columns = {"area", "type", "label", "host_share", "largest_minority", "largest_minority_share_of_minorities"};
    for (std::size_t k = 0; k < types.size(); ++k)
        areas.add_row({table.area_codes()[m.unit_rows[k]], static_cast<std::int64_t>(types[k].type), types[k].label,
                       types[k].host_share, types[k].dominant, types[k].dominant_share_of_minorities});
    return {summary, areas};
}

}  // namespace cohesion

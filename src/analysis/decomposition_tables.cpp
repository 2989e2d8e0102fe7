#include "analysis/decomposition_tables.hpp"

#include "core/count_matrix.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"

namespace cohesion {

std::vector<ResultTable> decomposition_tables(const Table& table, const std::string& within, bool skip_parts) {
    const CountMatrix m = multigroup(table);
    std::vector<std::string> notes = table.history();
    notes.push_back("view: " + m.description);
    notes.push_back("natural logarithms; H components are M components divided by the overall entropy (as R segregation)");
    if (m.dropped_units) notes.push_back(std::to_string(m.dropped_units) + " zero-population areas left out");
    std::vector<ResultTable> results;

    if (!within.empty()) {
        const Level& level = table.level(within);
        std::vector<std::string> parent;
        parent.reserve(m.units);
        for (std::size_t row : m.unit_rows) parent.push_back(level.labels[row]);
        const MutualDecomposition d = decompose_within(m, parent);
        ResultTable summary;
        summary.title = "Mutual information M and H, between and within " + within;
        summary.name = "summary";
        summary.notes = notes;
        summary.columns = {"component", "M", "H", "share_of_M"};
        summary.add_row({std::string("total"), d.total_M, d.total_H, 1.0});
        summary.add_row({"between " + within, d.between_M, d.between_H, d.between_M / d.total_M});
        summary.add_row({"within " + within, d.within_M, d.within_H, d.within_M / d.total_M});
        results.push_back(std::move(summary));
        if (!skip_parts) {
            ResultTable parts;
            parts.title = "Within-" + within + " segregation by " + within + " (largest contribution first)";
            parts.name = "parts";
            parts.columns = {within, "areas", "population_share", "entropy", "M", "H", "contribution_to_M"};
            for (const auto& p : d.parts)
                parts.add_row({p.parent, static_cast<std::int64_t>(p.units), p.population_share, p.entropy, p.M, p.H,
                               p.contribution});
            results.push_back(std::move(parts));
        }
    }

    ResultTable groups;
    groups.title = "Contribution of each group to M";
    groups.name = "groups";
    if (within.empty()) groups.notes = notes;
    groups.columns = {"group_name", "population_share", "local_segregation", "contribution_to_M", "share_of_M"};
    double M = 0.0;
    const auto contributions = decompose_by_group(m);
    for (const auto& c : contributions) M += c.contribution;
    for (const auto& c : contributions)
        groups.add_row({c.group, c.population_share, c.local_segregation, c.contribution, c.contribution / M});
    results.push_back(std::move(groups));
    return results;
}

}  // namespace cohesion

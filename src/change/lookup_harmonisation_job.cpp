#include "change/lookup_harmonisation_job.hpp"

#include <unordered_map>

#include "io/wide_csv_loader.hpp"

namespace cohesion {

Table load_weights_table(const std::string& path, const std::string& id_column, const std::string& column) {
    WideCsvOptions w;
    w.id_column = id_column;
    w.group_columns = {column.empty() ? std::string("total") : column};
    w.total_column = "-";
    return load_wide_csv(path, w);
}

HarmonisedTable harmonise_with_lookup(const Table& table, const LookupHarmonisationJob& job,
                                      const HarmoniseProgress& progress) {
    const GeographyLookup lookup = load_lookup(job.lookup, job.options);
    std::unordered_map<std::string, double> weights;
    if (!job.weights_table.empty()) {
        const Table t = load_weights_table(job.weights_table, job.weights_id, job.weights_column);
        for (std::size_t i = 0; i < t.areas(); ++i) weights[t.area_codes()[i]] = t.count(i, 0);
    }
    Harmonised h = harmonise(table, lookup, job.weights_table.empty() ? nullptr : &weights, job.allow_unmatched, progress);
    std::vector<std::string> notes = h.table.history();
    for (const auto& line : h.report.lines()) notes.push_back(line);
    notes.push_back(job.weights_table.empty()
                        ? std::string("split rule: equal shares over each area's lookup rows")
                        : "split rule: in proportion to '" +
                              (job.weights_column.empty() ? std::string("total") : job.weights_column) +
                              "' of the target areas in " + job.weights_table);
    notes.push_back("counts are estimates where areas were split (fractional people)");
    return {std::move(h.table), std::move(notes)};
}

}  // namespace cohesion

#include "analysis/index_tables.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "inference/randomisation.hpp"
#include "inference/suite_replicates.hpp"

namespace cohesion {

namespace {

// With a single group there is nothing for a multigroup index to compare (the group
// against the rest still has two sides when the table has a total), so multigroup
// indices are left out with a note instead of failing the whole table. Asked for by
// name and nothing else left, it stays an error.
SuiteRequest without_multigroup_for_one_group(const Table& table, SuiteRequest request,
                                             std::vector<std::string>& notes) {
    if (table.groups() >= 2) return request;
    std::vector<std::string> kept, skipped;
    const IndexChoice choice = choose_indices(request);
    for (const auto* d : choice.indices)
        (d->info.groups == IndexGroups::multigroup ? skipped : kept).push_back(d->info.name);
    if (skipped.empty()) return request;
    if (kept.empty())
        throw Error(Field{"index"},
                    fmt::format("{} {} multigroup and the table has one group ({}); give two or more groups, or a "
                                "two-group index",
                                fmt::join(skipped, ", "), skipped.size() == 1 ? "is" : "are",
                                table.group_names().empty() ? std::string() : table.group_names()[0]));
    // The kept ones become a named list: keep the default set's notes on what it left out.
    notes = choice.notes;
    notes.push_back(fmt::format("multigroup indices skipped: the table has a single group ({}), compared with the rest of the "
                       "population where a total is given",
                       table.group_names().empty() ? std::string() : table.group_names()[0]));
    request.indices = kept;
    return request;
}

}  // namespace

ResultTable index_table(const Table& table, const IndexTableRequest& r) {
    std::vector<std::string> one_group_notes;
    const SuitePlan plan = plan_suite(table, without_multigroup_for_one_group(table, r.suite, one_group_notes));
    if (plan.items.empty()) throw Error(Field{"index"}, "no index to compute");
    const IndexParams& params = r.suite.params;

    ResultTable out;
    out.title = "Segregation indices";
    out.name = "indices";
    out.notes = table.history();
    out.notes.insert(out.notes.end(), plan.notes.begin(), plan.notes.end());
    out.notes.insert(out.notes.end(), one_group_notes.begin(), one_group_notes.end());
    std::set<std::string> descriptions;
    for (const auto& view : plan.views) {
        if (descriptions.insert(view.description).second) out.notes.push_back("view: " + view.description);
        if (view.dropped_units)
            out.notes.push_back(std::to_string(view.dropped_units) + " zero-population areas left out of " +
                                view.description);
    }
    out.notes.push_back("simulation seed " + std::to_string(params.seed) + ", " + std::to_string(params.simulations) +
                        " simulations for simulated indices; natural logarithms");
    out.columns = {"index_name", "kind", "focal", "versus"};

    const std::vector<double> values = run_suite(plan, params);
    if (r.bootstrap > 0) {
        // With a bootstrap the headline is `estimate` (debiased by default) and the index on
        // the data as given stays beside it as `raw_value` (docs/inference.md).
        out.columns.insert(out.columns.end(), {"estimate", "raw_value", "std_error", "ci_lower", "ci_upper", "bias"});
        out.notes.push_back(fmt::format("{} bootstrap replicates (multinomial resampling of people, totals rounded to "
                                        "whole people), interval method '{}': {}",
                                        r.bootstrap, to_string(r.interval), describe(r.interval, r.confidence)));
    } else {
        out.columns.push_back("value");
    }
    if (r.randomisation > 0) {
        out.columns.insert(out.columns.end(), {"expected_if_random", "excess_over_random", "p_value", "beyond_chance"});
        out.notes.push_back(std::to_string(r.randomisation) +
                            " randomisation replicates (people allocated to areas at random, area and group sizes "
                            "fixed); excess_over_random = raw value - expected_if_random; p = P(index >= observed); "
                            "beyond_chance = yes when p < 0.05");
    }
    // One set of resamples: each replicate table is drawn once and every item evaluated on it
    // (suite_replicates.hpp); the summaries below are the only per-item work.
    std::vector<std::vector<double>> boot, rand;
    if (r.bootstrap > 0) check_bootstrap_options(r.bootstrap, r.confidence);
    if (r.randomisation > 0) check_randomisation_options(r.randomisation);
    const std::size_t tables_per_replicate = suite_replicate_bases(table, plan);
    const std::size_t total = tables_per_replicate * static_cast<std::size_t>(std::max(0, r.bootstrap) +
                                                                              std::max(0, r.randomisation));
    std::size_t offset = 0;
    auto progress = [&](std::size_t done, std::size_t) {
        if (r.progress) r.progress(offset + done, total);
    };
    if (r.bootstrap > 0) {
        boot = suite_replicates(table, plan, params,
                                {ResampleScheme::bootstrap, r.bootstrap, params.seed, progress, r.stop});
        offset += tables_per_replicate * static_cast<std::size_t>(r.bootstrap);
    }
    if (r.randomisation > 0)
        rand = suite_replicates(table, plan, params,
                                {ResampleScheme::randomisation, r.randomisation, params.seed, progress, r.stop});
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        const auto& item = plan.items[k];
        std::vector<Cell> row{item.index->info.name, kind_label(item.index->info), item.focal, item.comparison};
        if (r.bootstrap > 0) {
            const BootstrapSummary s = summarise_bootstrap(values[k], boot[k], r.confidence, r.interval);
            row.insert(row.end(), {s.estimate, s.raw_value, s.standard_error, s.ci_lower, s.ci_upper, s.bias});
        } else {
            row.emplace_back(values[k]);
        }
        if (r.randomisation > 0) {
            const auto t = summarise_randomisation(values[k], std::move(rand[k]));
            row.insert(row.end(), {t.expected, values[k] - t.expected, t.p_value,
                                   std::string(t.p_value < 0.05 ? "yes" : "no")});
        }
        out.add_row(std::move(row));
    }
    return out;
}

namespace {

// A local index's output as a file field name: snake_case, no colons (GeoPackage, SQL
// and pandas users would have to quote them). The index's main value takes the index's
// name; the rest say what they hold (local_segregation's "p" is the area's population
// share, not a p-value).
std::string local_column_name(const std::string& index, const std::string& part) {
    if (index == "local_segregation" && part == "ls") return index;
    if (index == "local_segregation" && part == "p") return "local_segregation_population_share";
    if (index == "local_entropy" && part == "entropy") return index;
    if (index == "local_entropy" && part == "entropy_normalized") return "local_entropy_normalized";
    std::string name = index + "_" + part;
    std::replace(name.begin(), name.end(), ':', '_');
    return name;
}

}  // namespace

ResultTable local_table(const Table& table, const std::vector<std::string>& indices) {
    SuiteRequest request;
    request.indices = indices;
    request.output = IndexOutput::per_area;
    const SuitePlan plan = plan_suite(table, request);
    if (plan.items.empty()) throw Error("no local index to compute");
    const std::vector<LocalColumns> results = run_local_suite(plan, request.params);

    ResultTable out;
    out.title = "Local statistics per area";
    out.name = "local";
    out.notes = table.history();
    out.notes.insert(out.notes.end(), plan.notes.begin(), plan.notes.end());
    for (const auto& view : plan.views) {
        out.notes.push_back("view: " + view.description);
        if (view.dropped_units)
            out.notes.push_back(std::to_string(view.dropped_units) +
                                " zero-population areas have empty values (see docs/conventions.md)");
    }
    // Each view's unit of every table area (-1: the view dropped it, the cell stays empty).
    std::vector<std::vector<std::ptrdiff_t>> unit_of_row;
    for (const auto& view : plan.views) {
        auto& units = unit_of_row.emplace_back(table.areas(), -1);
        for (std::size_t k = 0; k < view.units; ++k) units[view.unit_rows[k]] = static_cast<std::ptrdiff_t>(k);
    }
    out.columns = {"area", "population"};
    struct Column {
        std::size_t view;
        const std::vector<double>* values;
    };
    std::vector<Column> columns;
    for (std::size_t k = 0; k < plan.items.size(); ++k) {
        const auto& item = plan.items[k];
        const auto& name = item.index->info.name;
        // A two-group per-area index runs once per focal group: its columns carry the group.
        const std::string suffix = item.index->info.groups == IndexGroups::two_group ? "_" + item.focal : "";
        for (std::size_t c = 0; c < results[k].values.size(); ++c) {
            const auto& part = results[k].names[c];
            out.columns.push_back((results[k].names.size() == 1 ? name : local_column_name(name, part)) + suffix);
            columns.push_back({item.view, &results[k].values[c]});
        }
    }
    const std::size_t population_view = plan.items.front().view;
    for (std::size_t i = 0; i < table.areas(); ++i) {
        std::vector<Cell> row{table.area_codes()[i]};
        const auto unit = unit_of_row[population_view][i];
        row.emplace_back(unit < 0 ? 0.0 : plan.views[population_view].unit_totals[static_cast<std::size_t>(unit)]);
        for (const auto& column : columns) {
            const auto k = unit_of_row[column.view][i];
            if (k < 0) row.emplace_back();
            else row.emplace_back((*column.values)[static_cast<std::size_t>(k)]);
        }
        out.add_row(std::move(row));
    }
    return out;
}

}  // namespace cohesion

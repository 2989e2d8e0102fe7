#include "analysis/multilevel_tables.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <span>

#include <fmt/format.h>

#include "core/error.hpp"
#include "multilevel/expected_dissimilarity.hpp"
#include "multilevel/hierarchical_mutual.hpp"
#include "multilevel/variance_share_bootstrap.hpp"

namespace cohesion {

namespace {

// Labels of every row for each requested level; the first level may be the area codes.
std::vector<std::vector<std::string>> row_labels(const Table& table, const std::vector<std::string>& levels) {
    if (levels.size() < 2)
        throw Error(Field{"levels"}, "multilevel: the levels need a base level and at least one level above it, e.g. "
                    "LSOA,MSOA,LAD,RGN");
    std::vector<std::vector<std::string>> labels;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        const Level* level = table.find_level(levels[l]);
        if (!level && l == 0) labels.push_back(table.area_codes());
        else labels.push_back(table.level(levels[l]).labels);  // throws, listing the levels
    }
    return labels;
}

// Rows kept after `omit`: a row goes when any of its labels (or its code) is an omitted name.
std::vector<std::size_t> kept_rows(const Table& table, const std::vector<std::string>& omit) {
    std::vector<std::size_t> rows;
    std::vector<bool> used(omit.size(), false);
    for (std::size_t r = 0; r < table.areas(); ++r) {
        bool drop = false;
        auto check = [&](const std::string& label) {
            for (std::size_t k = 0; k < omit.size(); ++k)
                if (label == omit[k]) drop = true, used[k] = true;
        };
        check(table.area_codes()[r]);
        for (const auto& level : table.levels()) check(level.labels[r]);
        if (!drop) rows.push_back(r);
    }
    for (std::size_t k = 0; k < omit.size(); ++k)
        if (!used[k]) throw Error(Field{"omit"}, "multilevel: '" + omit[k] + "' matches no area or level label of the table");
    return rows;
}

struct ModelData {
    NestedHierarchy hierarchy;
    std::vector<std::size_t> rows;
};

ModelData model_data(const Table& table, const MultilevelRequest& request) {
    ModelData d;
    d.rows = kept_rows(table, request.omit);
    if (d.rows.empty()) throw Error(Field{"omit"}, "multilevel: omitting these leaves no areas");
    const auto all = row_labels(table, request.levels);
    std::vector<std::vector<std::string>> labels(all.size());
    for (std::size_t l = 0; l < all.size(); ++l)
        for (std::size_t r : d.rows) labels[l].push_back(all[l][r]);
    d.hierarchy = build_nested_hierarchy(request.levels, labels, table.source());
    return d;
}

std::vector<double> column_rows(std::span<const double> column, const std::vector<std::size_t>& rows) {
    std::vector<double> out;
    out.reserve(rows.size());
    for (std::size_t r : rows) out.push_back(column[r]);
    return out;
}

MultilevelDissimilarity fit_pair(const Table& table, const ModelData& d, const std::string& group,
                                 const std::string& versus) {
    const auto y_rows = column_rows(table.column(table.group_index(group)), d.rows);
    std::vector<double> x_rows;
    std::string x_name = versus;
    if (!versus.empty()) {
        x_rows = column_rows(table.column(table.group_index(versus)), d.rows);
    } else {
        const auto totals = table.unit_total();
        for (std::size_t k = 0; k < d.rows.size(); ++k) x_rows.push_back(std::max(0.0, totals[d.rows[k]] - y_rows[k]));
        x_name = "everyone else";
    }
    return multilevel_dissimilarity(d.hierarchy, sum_to_base(d.hierarchy, y_rows), sum_to_base(d.hierarchy, x_rows),
                                    group, x_name);
}

std::vector<std::string> base_notes(const Table& table, const MultilevelRequest& request, const NestedHierarchy& h) {
    std::vector<std::string> notes = table.history();
    std::string chain;
    for (std::size_t l = 0; l < h.levels(); ++l)
        chain += (l ? " within " : "") + fmt::format("{} ({} areas)", h.level_names[l], h.size(l));
    notes.push_back("levels: " + chain);
    if (!request.omit.empty()) {
        std::string o;
        for (const auto& p : request.omit) o += (o.empty() ? "" : ", ") + p;
        notes.push_back("left out before fitting: " + o);
    }
    notes.push_back("model: shares difference e_i = y_i/Y - x_i/X with a random intercept at each level above the "
                    "base, no fixed effects, maximum likelihood (as R MLID/lme4); variance shares say at which scale "
                    "the segregation sits; holdback = change in D when a level's effects are set to zero");
    return notes;
}

ResultTable areas_table(const MultilevelDissimilarity& m, std::size_t level, std::size_t top, bool all) {
    auto order = std::vector<std::size_t>(m.areas[level - 1].size());
    std::iota(order.begin(), order.end(), 0);
    const auto& areas = m.areas[level - 1];
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return areas[a].impact > areas[b].impact; });
    if (!all && order.size() > top) order.resize(top);
    ResultTable t;
    const std::string name = m.hierarchy.level_names[level];
    t.title = all ? fmt::format("{} areas: effect on D and impact (largest impact first)", name)
                  : fmt::format("{} areas with the largest impact on D (top {})", name, order.size());
    t.columns = {name, "base_areas", "effect", "effect_se", "effect_lower95", "effect_upper95", "scaled_effect",
                 "D_without_effect", "change_in_D", "share_of_D", "share_of_areas", "impact", "scaled_mean",
                 "scaled_sd", "scaled_min", "scaled_max", "share_where_Y_exceeds_X"};
    t.notes.push_back("impact = share of D / share of base areas x 100 (100 = its fair share); effects are "
                      "differences in shares (Y share - X share) attributed to the area net of the other levels; "
                      "scaled_* are divided by the residual standard deviation of e_i");
    for (std::size_t k : order) {
        const auto& a = areas[k];
        t.add_row({a.name, static_cast<std::int64_t>(a.base_units), a.effect, a.effect_se, a.lower, a.upper,
                   a.scaled_effect, a.D_without, a.D_without - m.D, a.share_of_D, a.share_of_units, a.impact,
                   a.scaled_mean, a.scaled_sd, a.scaled_min, a.scaled_max, a.share_y_above_x});
    }
    return t;
}

ResultTable mutual_table(const Table& table, const ModelData& d) {
    std::vector<std::vector<double>> columns;
    std::vector<std::string> names;
    for (std::size_t g = 0; g < table.groups(); ++g) {
        columns.push_back(sum_to_base(d.hierarchy, column_rows(table.column(g), d.rows)));
        names.push_back(table.group_names()[g]);
    }
    const HierarchicalMutual h = decompose_mutual_hierarchy(d.hierarchy, columns);
    ResultTable t;
    t.title = fmt::format("Mutual information M and H across every level ({} groups)", names.size());
    t.columns = {"component", "M", "H", "share_of_M"};
    t.notes.push_back("exact: the components add up to the total; 'between A within B' is the within-B part of "
                      "the decomposition of A areas within B (cohesion decompose); natural logarithms");
    t.add_row({fmt::format("total (between {} areas)", d.hierarchy.level_names[0]), h.total_M, h.total_H, 1.0});
    for (const auto& term : h.terms)
        t.add_row({term.within.empty() ? "between " + term.between : "between " + term.between + " within " + term.within,
                   term.M, term.H, term.share});
    return t;
}

}  // namespace

MultilevelDissimilarity fit_multilevel_dissimilarity(const Table& table, const MultilevelRequest& request) {
    if (request.group.empty()) throw Error(Field{"group"}, "multilevel: name the focal group");
    return fit_pair(table, model_data(table, request), request.group, request.versus);
}

std::vector<ResultTable> multilevel_tables(const Table& table, const MultilevelRequest& request) {
    const ModelData d = model_data(table, request);
    const NestedHierarchy& h = d.hierarchy;
    std::vector<ResultTable> results;
    const auto notes = base_notes(table, request, h);

    if (request.group.empty()) {
        if (!request.places.empty()) throw Error(Field{"places"}, "multilevel: places need a focal " + field_ref("group"));
        ResultTable t;
        t.title = "Multilevel index of dissimilarity, each group against everyone else";
        t.notes = notes;
        t.columns = {"group_name", "D"};
        for (const auto& name : h.level_names) t.columns.push_back("variance_share_" + name);
        for (const auto& name : h.level_names) t.columns.push_back("holdback_" + name);
        for (std::size_t g = 0; g < table.groups(); ++g) {
            const auto& name = table.group_names()[g];
            if (request.progress) request.progress(fmt::format("fitting {}/{}: {}", g + 1, table.groups(), name));
            const auto m = fit_pair(table, d, name, {});
            std::vector<Cell> row{name, m.D};
            for (const auto& l : m.levels) row.emplace_back(l.variance_share);
            for (const auto& l : m.levels) row.emplace_back(l.holdback);
            t.add_row(std::move(row));
        }
        results.push_back(std::move(t));
        results.push_back(mutual_table(table, d));
        return results;
    }

    if (request.progress) request.progress("fitting " + request.group);
    const auto m = fit_pair(table, d, request.group, request.versus);
    ResultTable index;
    index.title = fmt::format("Multilevel index of dissimilarity: {} vs {}", m.group_y, m.group_x);
    index.notes = notes;
    index.notes.push_back(fmt::format("D = {:.3f}: {:.1f}% of either group would have to move for the two to be "
                                      "spread alike over the {} {} areas",
                                      m.D, 100.0 * m.D, h.size(0), h.level_names[0]));
    if (!m.fit.converged) index.notes.push_back("warning: the variance optimiser stopped before converging");
    index.columns = {"level", "areas", "variance", "variance_share", "holdback"};
    VarianceShareIntervals ci;
    if (request.bootstrap > 0) {
        if (request.progress)
            request.progress(fmt::format("parametric bootstrap of the variance shares, {} refits", request.bootstrap));
        ci = bootstrap_variance_shares(h, m.fit, request.bootstrap, request.seed);
        index.columns.insert(index.columns.begin() + 4, {"share_lower95", "share_upper95"});
        index.notes.push_back(fmt::format("variance share intervals: 95% percentile, parametric bootstrap of the fitted "
                                          "model, {} refits, seed {}; they assume the model's normal effects, and share differences are "
                                          "heavy-tailed (a few areas with large effects), so read them as a lower bound on the "
                                          "uncertainty",
                                          ci.replicates, ci.seed));
    }
    for (std::size_t k = 0; k < m.levels.size(); ++k) {
        const auto& l = m.levels[k];
        std::vector<Cell> row{l.name, static_cast<std::int64_t>(l.units), l.variance, l.variance_share};
        if (ci.replicates) {
            row.emplace_back(ci.lower[k]);
            row.emplace_back(ci.upper[k]);
        }
        row.emplace_back(l.holdback);
        index.add_row(std::move(row));
    }
    results.push_back(std::move(index));

    ResultTable summary;
    summary.title = "Index and model";
    summary.columns = {"measure", "value"};
    summary.add_row({std::string("D"), m.D});
    if (request.expected_draws > 0) {
        if (request.progress) request.progress(fmt::format("D expected under random allocation, {} draws", request.expected_draws));
        const auto totals = sum_to_base(h, column_rows(table.unit_total(), d.rows));
        const auto ed = expected_dissimilarity(m.y, m.x, totals, request.expected_draws, request.seed);
        summary.add_row({std::string("D expected under random allocation"), ed.mean});
        summary.add_row({std::string("expected D as a share of D"), ed.mean / m.D});
        summary.notes.push_back(fmt::format(
            "expected D: mean of {} draws (seed {}) allocating each area's people at random, as R MLID's "
            "id(expected = TRUE); sd of a draw {:.4f}. When it is a large share of D, small numbers drive D: "
            "aggregate to a coarser base (e.g. LSOA instead of OA)",
            ed.draws, ed.seed, ed.sd));
    }
    summary.add_row({std::string("base areas"), static_cast<std::int64_t>(h.size(0))});
    summary.add_row({std::string("residual sd of e_i"), m.sigma_e});
    summary.add_row({std::string("log-likelihood (ML)"), m.fit.log_likelihood});
    summary.add_row({std::string("likelihood evaluations"), static_cast<std::int64_t>(m.fit.evaluations)});
    results.push_back(std::move(summary));

    if (!request.places.empty()) {
        const PlacesEffect e = effect_of_places(m, request.places);
        std::string names;
        for (const auto& p : e.places) names += (names.empty() ? "" : ", ") + p;
        ResultTable t;
        t.title = "Effect of " + names + " on D";
        t.columns = {"measure", "value"};
        t.add_row({std::string("D"), e.D});
        t.add_row({std::string("D with their effects set to zero"), e.D_effects_zeroed});
        t.add_row({std::string("D if shares were equal everywhere else (their contribution)"), e.D_only_places});
        t.add_row({std::string("D within them alone"), e.D_within_places});
        t.add_row({std::string("impact (100 = their share of the base areas)"), e.impact});
        t.add_row({std::string("R-squared of the share differences on being in them"), e.r_squared});
        t.add_row({std::string("base areas in them"), static_cast<std::int64_t>(e.base_units)});
        t.add_row({std::string("R-squared as MLID prints it (offset counted as fitted)"), e.r_squared_mlid});
        t.notes.push_back("as MLID's effect(): ID1, ID2 and ID3 are the second, third and fourth rows; MLID's printed "
                          "R-squared (R <= 4.2 summary.lm) counts the X shares offset as explained, so it is higher "
                          "than the share of the variation in the share differences explained (sixth row)");
        results.push_back(std::move(t));
    }

    results.push_back(mutual_table(table, d));

    const std::size_t map_level = request.map_level.empty() ? 1 : h.level_index(request.map_level);
    if (map_level == 0)
        throw Error(Field{"map_level"}, "multilevel: the map level must be a level above the base (" + h.level_names[0] + " has no effect)");
    for (std::size_t l = h.levels() - 1; l >= 1; --l)
        if (l != map_level) results.push_back(areas_table(m, l, request.top, false));
    results.push_back(areas_table(m, map_level, request.top, true));
    return results;
}

}  // namespace cohesion

#include "analysis/group_ranking.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "core/progress_count.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "sampling/people_sampler.hpp"
#include "sampling/random.hpp"
#include "inference/resampling.hpp"

namespace cohesion {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

const IndexDefinition& two_group_index(const std::string& name) {
    const auto& d = IndexRegistry::instance().get(name);
    // One value per group vs the rest, from the counts alone (the ranking resamples only counts).
    if (d.info.groups != IndexGroups::two_group || d.info.output != IndexOutput::one_value || d.info.needs.any())
        throw Error(Field{"index"}, "'" + name + "' is not a two-group index; groups are ranked by one");
    return d;
}

// The whole table as one matrix to resample: the groups, plus the people in no listed
// group when a declared total (e.g. Persons) exceeds their sum — two-group indices count
// them in "everyone else" (docs/conventions.md), so a replicate must draw them too.
CountMatrix joint_matrix(const Table& t) {
    const std::size_t n = t.areas(), k = t.groups();
    std::vector<double> cells;
    cells.reserve(n * (k + 1));
    for (std::size_t g = 0; g < k; ++g) cells.insert(cells.end(), t.column(g).begin(), t.column(g).end());
    std::vector<std::string> names = t.group_names();
    if (t.has_declared_total()) {
        const auto total = t.unit_total();
        const auto sum = t.group_sum();
        std::vector<double> residual(n);
        double any = 0.0;
        for (std::size_t i = 0; i < n; ++i) any += residual[i] = std::max(0.0, total[i] - sum[i]);
        if (any > 0.0) {
            cells.insert(cells.end(), residual.begin(), residual.end());
            names.push_back("(in no group)");
        }
    }
    return make_count_matrix(std::move(cells), n, std::move(names), "all groups");
}

// Every index on group g vs everyone else in `m` (columns as joint_matrix). NaN where the
// replicate left the group (or everyone else) empty: the index is undefined there.
void indices_of_group(const CountMatrix& m, std::size_t g, const std::vector<const IndexDefinition*>& indices,
                      const IndexParams& params, double* out) {
    std::vector<double> cells(2 * m.units);
    double x_total = 0.0, y_total = 0.0;
    const auto x = m.column(g);
    for (std::size_t i = 0; i < m.units; ++i) {
        cells[i] = x[i];
        cells[m.units + i] = m.unit_totals[i] - x[i];
        x_total += cells[i];
        y_total += cells[m.units + i];
    }
    if (!(x_total > 0.0 && y_total > 0.0)) {
        for (std::size_t j = 0; j < indices.size(); ++j) out[j] = nan;
        return;
    }
    const CountMatrix view = make_count_matrix(std::move(cells), m.units, {m.group_names[g], "rest"});
    for (std::size_t j = 0; j < indices.size(); ++j) out[j] = indices[j]->compute(IndexInput{view, params});
}

}  // namespace

std::string describe(const RankingRule& rule) {
    return fmt::format("groups are ranked only with at least {:g}% of residents and at least {:g} people, and, when "
                       "tested, an index beyond what random allocation gives (p < {:g})",
                       100.0 * rule.min_share, rule.min_people, rule.alpha);
}

const GroupRanking* GroupRankings::top() const {
    for (const auto& g : groups)
        if (g.rank == 1) return &g;
    return nullptr;
}

const GroupRanking* GroupRankings::find(const std::string& group) const {
    for (const auto& g : groups)
        if (g.group == group) return &g;
    return nullptr;
}

std::string ranking_exclusion(double estimate, double people, double share, const std::optional<ChanceSummary>& chance,
                              const RankingRule& rule) {
    // The rule, in the order a reader would check it: size first, then chance.
    if (!std::isfinite(estimate)) return "index undefined";
    if (people < rule.min_people) return fmt::format("fewer than {:g} people", rule.min_people);
    if (share < rule.min_share) return fmt::format("under {:g}% of residents", 100.0 * rule.min_share);
    if (chance && !(chance->p_value < rule.alpha))
        return fmt::format("not distinguishable from random allocation (p = {:.2g})", chance->p_value);
    return {};
}

std::vector<RankInterval> rank_intervals(const std::vector<std::vector<double>>& values, double confidence) {
    const std::size_t n = values.size();
    std::vector<RankInterval> out(n);
    if (n == 0) return out;
    const std::size_t replicates = values[0].size();
    const double tail = (1.0 - confidence) / 2.0;
    for (std::size_t e = 0; e < n; ++e) {
        std::vector<double> ranks(replicates);
        for (std::size_t r = 0; r < replicates; ++r) {
            const double v = values[e][r];
            int rank = 1;
            for (std::size_t f = 0; f < n; ++f) {
                if (f == e) continue;
                const double w = values[f][r];
                // An undefined value ranks last.
                if (std::isnan(v) ? !std::isnan(w) || f < e : (!std::isnan(w) && (w > v || (w == v && f < e))))
                    ++rank;
            }
            ranks[r] = rank;
        }
        std::sort(ranks.begin(), ranks.end());
        out[e].lower = static_cast<int>(std::floor(percentile_of_sorted(ranks, tail)));
        out[e].upper = static_cast<int>(std::ceil(percentile_of_sorted(ranks, 1.0 - tail)));
    }
    return out;
}

GroupRankings rank_groups(const Table& table, const GroupRankingOptions& o) {
    if (table.groups() < 2) throw Error("ranking groups needs at least two groups");
    if (o.bootstrap == 1) throw Error(Field{"bootstrap"}, "expected 0 or at least 2 bootstrap replicates");
    if (o.randomisation == 1)
        throw Error(Field{"randomisation"}, "expected 0 or at least 2 randomisation replicates");
    std::vector<const IndexDefinition*> indices{&two_group_index(o.index)};
    for (const auto& name : o.also) indices.push_back(&two_group_index(name));
    const std::size_t n_groups = table.groups(), n_indices = indices.size();
    IndexParams params;
    params.seed = o.seed;

    GroupRankings out;
    out.index = o.index;
    out.also = o.also;
    out.rule = o.rule;
    out.interval = o.interval;
    out.confidence = o.confidence;
    out.bootstrap = o.bootstrap;
    out.randomisation = o.randomisation;

    // Observed values on the table's own two-group views, so they equal `cohesion indices`.
    std::vector<double> observed(n_groups * n_indices);
    std::vector<double> people(n_groups, 0.0);
    for (std::size_t g = 0; g < n_groups; ++g) {
        const CountMatrix view = two_group_vs_rest(table, table.group_names()[g]);
        for (std::size_t j = 0; j < n_indices; ++j)
            observed[g * n_indices + j] = indices[j]->compute(IndexInput{view, params});
        for (double v : table.column(g)) people[g] += v;
    }
    const double residents = std::accumulate(people.begin(), people.end(), 0.0);

    const CountMatrix joint = joint_matrix(table);
    const std::size_t total_work = static_cast<std::size_t>(o.bootstrap + o.randomisation);
    ProgressCount done(o.progress, total_work);
    auto tick = [&done] { done.tick(); };
    // replicates[(r * n_groups + g) * n_indices + j]
    std::vector<double> boot(static_cast<std::size_t>(o.bootstrap) * n_groups * n_indices);
    if (o.bootstrap > 0) {
        const PeopleSampler sampler(joint);
        run_replicates(
            o.bootstrap,
            [&](int r) {
                auto engine = replicate_engine(o.seed, static_cast<std::uint64_t>(r));
                const CountMatrix sample = sampler.draw(engine);
                for (std::size_t g = 0; g < n_groups; ++g)
                    indices_of_group(sample, g, indices, params,
                                     &boot[(static_cast<std::size_t>(r) * n_groups + g) * n_indices]);
                tick();
                return 0.0;
            },
            {}, o.stop);
    }
    std::vector<double> random(static_cast<std::size_t>(o.randomisation) * n_groups);
    if (o.randomisation > 0) {
        // A stream distinct from the bootstrap's for the same seed (as randomisation_test).
        const std::uint64_t seed = splitmix64(o.seed ^ 0xA5A5A5A5A5A5A5A5ULL);
        const std::vector<const IndexDefinition*> ranking_index{indices[0]};
        run_replicates(
            o.randomisation,
            [&](int r) {
                auto engine = replicate_engine(seed, static_cast<std::uint64_t>(r));
                CountMatrix allocated = allocate_at_random(joint, engine);
                for (std::size_t g = 0; g < n_groups; ++g)
                    indices_of_group(allocated, g, ranking_index, params,
                                     &random[static_cast<std::size_t>(r) * n_groups + g]);
                tick();
                return 0.0;
            },
            {}, o.stop);
    }

    std::vector<GroupRanking> rows(n_groups);
    auto replicates_of = [&](std::size_t g, std::size_t j) {
        std::vector<double> v(static_cast<std::size_t>(o.bootstrap));
        for (std::size_t r = 0; r < v.size(); ++r) v[r] = boot[(r * n_groups + g) * n_indices + j];
        return v;
    };
    auto summary = [&](std::size_t g, std::size_t j) {
        const double raw = observed[g * n_indices + j];
        if (o.bootstrap == 0) {
            BootstrapSummary s;
            s.method = o.interval;
            s.confidence = o.confidence;
            s.raw_value = s.estimate = raw;
            s.standard_error = s.ci_lower = s.ci_upper = s.bias = s.replicate_mean = nan;
            return s;
        }
        return summarise_bootstrap(raw, replicates_of(g, j), o.confidence, o.interval);
    };
    for (std::size_t g = 0; g < n_groups; ++g) {
        GroupRanking& row = rows[g];
        row.group = table.group_names()[g];
        row.people = people[g];
        row.share = residents > 0.0 ? people[g] / residents : nan;
        row.value = summary(g, 0);
        for (std::size_t j = 1; j < n_indices; ++j) row.also.push_back(summary(g, j));
        if (o.randomisation > 0) {
            ChanceSummary c;
            double sum = 0.0;
            std::size_t used = 0, at_least = 0;
            for (int r = 0; r < o.randomisation; ++r) {
                const double v = random[static_cast<std::size_t>(r) * n_groups + g];
                if (!std::isfinite(v)) continue;
                sum += v;
                ++used;
                at_least += v >= row.value.raw_value;
            }
            c.expected = used ? sum / static_cast<double>(used) : nan;
            c.excess = row.value.raw_value - c.expected;
            c.p_value = (1.0 + static_cast<double>(at_least)) / (1.0 + static_cast<double>(used));
            row.chance = c;
        }
        row.reason = ranking_exclusion(row.value.estimate, row.people, row.share, row.chance, o.rule);
        row.eligible = row.reason.empty();
    }

    // Rank the eligible groups by the headline estimate (ties keep table order).
    std::vector<std::size_t> order(n_groups);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rows[a].eligible != rows[b].eligible) return rows[a].eligible;
        const double ea = rows[a].value.estimate, eb = rows[b].value.estimate;
        if (std::isnan(ea) != std::isnan(eb)) return !std::isnan(ea);
        return ea > eb;
    });
    std::vector<std::size_t> eligible;
    for (std::size_t k = 0; k < order.size(); ++k)
        if (rows[order[k]].eligible) {
            rows[order[k]].rank = static_cast<int>(k + 1);
            eligible.push_back(order[k]);
        }

    // Rank intervals: rank the eligible groups within each replicate by the replicate
    // values the interval is taken from (debiased replicates for the debiased method).
    if (o.bootstrap > 0 && !eligible.empty()) {
        std::vector<std::vector<double>> values;  // per eligible group, per replicate
        for (std::size_t g : eligible)
            values.push_back(interval_replicates(observed[g * n_indices], replicates_of(g, 0), o.interval));
        const std::vector<RankInterval> intervals = rank_intervals(values, o.confidence);
        for (std::size_t e = 0; e < eligible.size(); ++e) {
            rows[eligible[e]].rank_lower = intervals[e].lower;
            rows[eligible[e]].rank_upper = intervals[e].upper;
        }
    }
    for (std::size_t g : order) out.groups.push_back(std::move(rows[g]));

    out.notes = table.history();
    out.notes.push_back("each group against everyone else in its areas (" + joint.description +
                        (table.has_declared_total() ? "; unit total = " + table.declared_total_name() : "") + ")");
    if (o.bootstrap > 0)
        out.notes.push_back(fmt::format("{} bootstrap replicates (the whole table resampled once per replicate, people "
                                        "drawn with replacement), seed {}; interval method '{}': {}",
                                        o.bootstrap, o.seed, to_string(o.interval), describe(o.interval, o.confidence)));
    if (o.bootstrap > 0)
        out.notes.push_back(fmt::format("rank_lower-rank_upper: {:g}% interval of each ranked group's rank over the "
                                        "replicates (1 = most apart)",
                                        100.0 * o.confidence));
    if (o.randomisation > 0)
        out.notes.push_back(fmt::format("{} randomisation replicates (people allocated to areas at random, area and "
                                        "group sizes fixed); excess_over_random = raw value - expected_if_random",
                                        o.randomisation));
    out.notes.push_back(describe(o.rule) + " (docs/inference.md)");
    return out;
}

ResultTable ranking_table(const GroupRankings& k) {
    ResultTable t;
    t.title = "Who lives most apart: groups ranked by " + k.index + " from everyone else";
    t.name = "ranking";
    t.notes = k.notes;
    t.columns = {"rank", "group_name", "people", "share", k.index, "raw_value", "ci_lower", "ci_upper", "rank_lower",
                 "rank_upper"};
    for (const auto& name : k.also) t.columns.insert(t.columns.end(), {name, name + "_ci_lower", name + "_ci_upper"});
    if (k.randomisation > 0) t.columns.insert(t.columns.end(), {"expected_if_random", "excess_over_random", "p_value"});
    t.columns.insert(t.columns.end(), {"ranked", "reason"});
    // What each column holds, so the report shows it in people's words (report/display_table.hpp).
    for (const auto& c : t.columns) {
        const ColumnKind kind = c == "rank" || c == "rank_lower" || c == "rank_upper" ? ColumnKind::rank
                                : c == "group_name"                                   ? ColumnKind::group
                                : c == "people"                                       ? ColumnKind::count
                                : c == "share"                                        ? ColumnKind::share
                                : c == "p_value"                                      ? ColumnKind::p_value
                                : c == "ranked" || c == "reason"                      ? ColumnKind::text
                                                                                      : ColumnKind::index;
        t.set_kind(c, kind);
    }
    auto whole = [](int v) { return v > 0 ? Cell{static_cast<std::int64_t>(v)} : Cell{}; };
    // Whole counts print as integers (census tables); harmonised tables may have fractions.
    auto count = [](double v) { return std::floor(v) == v && std::abs(v) < 9e15 ? Cell{static_cast<std::int64_t>(v)} : Cell{v}; };
    for (const auto& g : k.groups) {
        std::vector<Cell> row{whole(g.rank), g.group, count(g.people), g.share, g.value.estimate, g.value.raw_value,
                              g.value.ci_lower, g.value.ci_upper, whole(g.rank_lower), whole(g.rank_upper)};
        for (const auto& a : g.also) row.insert(row.end(), {a.estimate, a.ci_lower, a.ci_upper});
        if (k.randomisation > 0) {
            if (g.chance) row.insert(row.end(), {g.chance->expected, g.chance->excess, g.chance->p_value});
            else row.insert(row.end(), {Cell{}, Cell{}, Cell{}});
        }
        row.emplace_back(std::string(g.eligible ? "yes" : "no"));
        row.emplace_back(g.reason);
        t.add_row(std::move(row));
    }
    return t;
}

}  // namespace cohesion

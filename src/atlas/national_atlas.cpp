#include "atlas/national_atlas.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "core/cancellation.hpp"
#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "indices/index_suite.hpp"

namespace cohesion {

namespace {

// Each coordinate minus its mean over rows, over its standard deviation; NaN → 0 (the mean).
void standardise(std::vector<std::vector<double>>& rows) {
    if (rows.empty()) return;
    for (std::size_t c = 0; c < rows[0].size(); ++c) {
        double sum = 0.0, sq = 0.0;
        std::size_t n = 0;
        for (const auto& r : rows)
            if (std::isfinite(r[c])) sum += r[c], sq += r[c] * r[c], ++n;
        const double mean = n ? sum / static_cast<double>(n) : 0.0;
        const double var = n > 1 ? (sq - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1) : 0.0;
        const double sd = var > 0.0 ? std::sqrt(var) : 0.0;
        for (auto& r : rows) r[c] = std::isfinite(r[c]) && sd > 0.0 ? (r[c] - mean) / sd : 0.0;
    }
}

std::vector<std::vector<AtlasPeer>> nearest(const std::vector<std::vector<double>>& rows, int k) {
    std::vector<std::vector<AtlasPeer>> out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<AtlasPeer> all;
        for (std::size_t j = 0; j < rows.size(); ++j) {
            if (j == i) continue;
            double d = 0.0;
            for (std::size_t c = 0; c < rows[i].size(); ++c) d += (rows[i][c] - rows[j][c]) * (rows[i][c] - rows[j][c]);
            all.push_back({j, std::sqrt(d)});
        }
        const std::size_t keep = std::min<std::size_t>(static_cast<std::size_t>(k), all.size());
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                          [](const AtlasPeer& a, const AtlasPeer& b) {
                              return a.distance < b.distance || (a.distance == b.distance && a.unit < b.unit);
                          });
        all.resize(keep);
        out[i] = std::move(all);
    }
    return out;
}


}  // namespace

AtlasWorkList plan_atlas_units(const Table& national, const AtlasOptions& o) {
    const Level& level = national.level(o.unit_level);
    AtlasWorkList work;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < level.labels.size(); ++i) {
        const auto [it, added] = index.emplace(level.labels[i], work.names.size());
        if (added) {
            work.names.push_back(level.labels[i]);
            work.rows.emplace_back();
        }
        work.rows[it->second].push_back(i);
    }
    return work;
}

Table unit_table(const Table& national, const AtlasWorkList& work, std::size_t k) {
    Table t = select_areas(national, work.rows.at(k));
    t.note("atlas unit " + work.names[k]);
    return t;
}

std::vector<AtlasUnit> compute_atlas_units(const Table& national, const AtlasWorkList& work, const AtlasOptions& o,
                                           const std::function<void(std::size_t, std::size_t)>& progress,
                                           std::stop_token stop) {
    check_atlas_options(o);
    std::vector<AtlasUnit> out(work.names.size());
    std::mutex report;
    std::size_t done = 0;
    // Grain 1: LADs differ in size ~20-fold (Birmingham vs City of London), so TBB's work
    // stealing balances them.
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, work.names.size(), 1), [&](const auto& range) {
        for (std::size_t k = range.begin(); k != range.end(); ++k) {
            if (stop.stop_requested()) throw Cancelled();
            out[k] = compute_atlas_unit(unit_table(national, work, k), work.names[k], o);
            std::lock_guard lock(report);
            ++done;
            if (progress) progress(done, work.names.size());
        }
    });
    return out;
}

NationalAtlas assemble_atlas(std::vector<AtlasUnit> units, const AtlasOptions& o, const Table* national) {
    NationalAtlas atlas;
    atlas.options = o;
    atlas.units = std::move(units);
    auto& u = atlas.units;

    // Ranks across LADs for each (index, group).
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::size_t, std::size_t>>> by_key;
    for (std::size_t i = 0; i < u.size(); ++i)
        for (std::size_t v = 0; v < u[i].values.size(); ++v)
            by_key[{u[i].values[v].index, u[i].values[v].group}].push_back({i, v});
    for (auto& [key, members] : by_key) {
        std::vector<std::pair<std::size_t, std::size_t>> eligible;
        for (auto [i, v] : members) {
            AtlasValue& x = u[i].values[v];
            const auto g = std::find(u[i].groups.begin(), u[i].groups.end(), x.group);
            const double people = g == u[i].groups.end() ? u[i].people : u[i].group_people[static_cast<std::size_t>(g - u[i].groups.begin())];
            const double share = u[i].people > 0.0 ? people / u[i].people : 0.0;
            x.reason = ranking_exclusion(x.value.estimate, people, share, x.chance, o.rule);
            x.ranked = x.reason.empty();
            if (x.ranked) eligible.push_back({i, v});
        }
        std::stable_sort(eligible.begin(), eligible.end(), [&](auto a, auto b) {
            return u[a.first].values[a.second].value.estimate > u[b.first].values[b.second].value.estimate;
        });
        for (std::size_t r = 0; r < eligible.size(); ++r) {
            AtlasValue& x = u[eligible[r].first].values[eligible[r].second];
            x.rank = static_cast<int>(r + 1);
            x.ranked_among = static_cast<int>(eligible.size());
        }
        if (o.bootstrap > 0 && !eligible.empty()) {
            std::vector<std::vector<double>> values;
            for (auto [i, v] : eligible) values.push_back(u[i].values[v].rank_replicates);
            const auto intervals = rank_intervals(values, o.confidence);
            for (std::size_t e = 0; e < eligible.size(); ++e) {
                AtlasValue& x = u[eligible[e].first].values[eligible[e].second];
                x.rank_lower = intervals[e].lower;
                x.rank_upper = intervals[e].upper;
            }
        }
    }

    // Peers.
    std::vector<std::vector<double>> composition, profile;
    for (const auto& unit : u) {
        std::vector<double> shares;
        for (double p : unit.group_people) shares.push_back(unit.people > 0.0 ? p / unit.people : 0.0);
        composition.push_back(std::move(shares));
        std::vector<double> seg;
        for (const auto& g : unit.groups) {
            const AtlasValue* d = unit.find("dissimilarity", g);
            seg.push_back(d ? d->value.raw_value : NAN);
        }
        const AtlasValue* m = unit.find("mutual_information", "all groups");
        seg.push_back(m ? m->value.raw_value : NAN);
        profile.push_back(std::move(seg));
    }
    standardise(composition);
    standardise(profile);
    atlas.composition_peers = nearest(composition, o.peers);
    atlas.segregation_peers = nearest(profile, o.peers);

    if (national) {
        // The same indices on the whole table: the "England & Wales" comparison.
        SuiteRequest request;
        for (const auto* index : {"dissimilarity", "isolation"})
            if (wants(o, index)) request.indices.push_back(index);
        if (wants(o, "mutual_information"))
            request.indices.insert(request.indices.end(), {"mutual_information", "information_theory"});
        request.include_stochastic = false;
        for (std::size_t g = 0; g < national->groups(); ++g) {
            const auto c = national->column(g);
            if (std::accumulate(c.begin(), c.end(), 0.0) > 0.0) request.focal.push_back(national->group_names()[g]);
        }
        if (!request.indices.empty()) {
            const SuitePlan plan = plan_suite(*national, request);
            const std::vector<double> values = run_suite(plan, request.params);
            for (std::size_t k = 0; k < plan.items.size(); ++k) {
                AtlasValue v;
                v.index = plan.items[k].index->info.name;
                v.group = plan.items[k].focal;
                v.value.raw_value = v.value.estimate = values[k];
                atlas.national_values.push_back(std::move(v));
            }
        }
    }
    if (national && o.hierarchy.size() == 2 && national->find_level(o.region_level)) {
        // Chain rule over OA ⊂ LSOA ⊂ MSOA ⊂ LAD ⊂ region for the whole table.
        const auto& h = o.hierarchy;
        const MutualDecomposition a = decompose_within_level(*national, h[0]);
        const Table t1 = aggregate(*national, h[0]);
        const MutualDecomposition b = decompose_within_level(t1, h[1]);
        const Table t2 = aggregate(t1, h[1]);
        const MutualDecomposition c = decompose_within_level(t2, o.unit_level);
        const Table t3 = aggregate(t2, o.unit_level);
        const MutualDecomposition d = decompose_within_level(t3, o.region_level);
        const double e = a.entropy;
        auto hh = [e](double m) { return e > 0.0 ? m / e : NAN; };
        atlas.national_hierarchy = {{"areas within " + h[0], a.within_M, hh(a.within_M)},
                                    {h[0] + " within " + h[1], b.within_M, hh(b.within_M)},
                                    {h[1] + " within " + o.unit_level, c.within_M, hh(c.within_M)},
                                    {o.unit_level + " within " + o.region_level, d.within_M, hh(d.within_M)},
                                    {"between " + o.region_level, d.between_M, hh(d.between_M)}};
    }

    atlas.notes.push_back(fmt::format("{} local authorities; seed {} (each LAD's own seed, in the seed column, is "
                                      "derived from this seed and the LAD's name, so results do not depend on the "
                                      "order or split of the work)",
                                      u.size(), o.seed));
    if (o.bootstrap > 0)
        atlas.notes.push_back(fmt::format("{} bootstrap replicates per LAD, interval method '{}': {}", o.bootstrap,
                                          to_string(o.interval), describe(o.interval, o.confidence)));
    else
        atlas.notes.push_back("no bootstrap: estimate = the index on the data as given; no intervals, no rank intervals");
    if (o.randomisation > 0)
        atlas.notes.push_back(fmt::format("{} randomisation replicates per LAD (people allocated to areas at random, "
                                          "area and group sizes fixed); excess_over_random = raw value - expected",
                                          o.randomisation));
    atlas.notes.push_back("LADs ranked per group, 1 = most segregated; " + describe(o.rule));
    atlas.notes.push_back(fmt::format("peers: the {} nearest LADs by Euclidean distance on standardised group shares "
                                      "(composition) or on standardised D of every group and M (segregation)",
                                      o.peers));
    return atlas;
}

PeerStanding peer_standing(const NationalAtlas& atlas, std::size_t unit, std::string_view index, std::string_view group) {
    PeerStanding s;
    const AtlasValue* self = atlas.units.at(unit).find(index, group);
    if (!self || !std::isfinite(self->value.estimate)) return s;
    s.rank = 1;
    s.of = 1;
    for (const auto& p : atlas.composition_peers.at(unit)) {
        const AtlasValue* v = atlas.units[p.unit].find(index, group);
        if (!v || !std::isfinite(v->value.estimate)) continue;
        ++s.of;
        if (v->value.estimate > self->value.estimate) ++s.rank;
    }
    return s;
}

}  // namespace cohesion

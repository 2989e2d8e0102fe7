#include "atlas/atlas_unit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "indices/index_suite.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "inference/randomisation.hpp"
#include "inference/suite_replicates.hpp"
#include "sampling/random.hpp"

namespace cohesion {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

MutualDecomposition decompose_within_level(const Table& table, const std::string& parent_level) {
    const CountMatrix m = multigroup(table);
    const Level& parents = table.level(parent_level);
    std::vector<std::string> parent_of_unit;
    parent_of_unit.reserve(m.units);
    for (std::size_t row : m.unit_rows) parent_of_unit.push_back(parents.labels[row]);
    return decompose_within(m, parent_of_unit);
}

bool wants(const AtlasOptions& o, std::string_view measure) {
    return o.measures.empty() || std::find(o.measures.begin(), o.measures.end(), measure) != o.measures.end();
}

void check_atlas_options(const AtlasOptions& o) {
    for (const auto& m : o.measures)
        if (std::find(std::begin(atlas_measure_names), std::end(atlas_measure_names), m) == std::end(atlas_measure_names))
            throw Error(Field{"measures"},
                        "unknown measure '" + m + "'; expected dissimilarity, isolation, mutual_information, decomposition "
                        "or change");
    if (o.bootstrap > 0) check_bootstrap_options(o.bootstrap, o.confidence);
    if (o.randomisation > 0) check_randomisation_options(o.randomisation);
    if (o.bootstrap < 0 || o.randomisation < 0) throw Error(Field{"bootstrap"}, "replicates must be >= 0");
    if (o.peers < 0) throw Error(Field{"peers"}, "the number of peers must be >= 0");
}

std::uint64_t unit_seed(std::uint64_t atlas_seed, std::string_view key) {
    std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ULL;
    return splitmix64(atlas_seed ^ h);
}

const AtlasValue* AtlasUnit::find(std::string_view index, std::string_view group) const {
    for (const auto& v : values)
        if (v.index == index && v.group == group) return &v;
    return nullptr;
}

AtlasUnit compute_atlas_unit(const Table& table, const std::string& name, const AtlasOptions& o) {
    AtlasUnit u;
    u.name = name;
    if (const Level* r = table.find_level(o.region_level); r && !r->labels.empty()) u.region = r->labels.front();
    u.seed = unit_seed(o.seed, name);
    u.areas = table.areas();
    u.groups = table.group_names();
    for (std::size_t g = 0; g < table.groups(); ++g) {
        const auto c = table.column(g);
        u.group_people.push_back(std::accumulate(c.begin(), c.end(), 0.0));
    }
    u.people = std::accumulate(u.group_people.begin(), u.group_people.end(), 0.0);

    SuiteRequest request;
    if (wants(o, "dissimilarity")) request.indices.push_back("dissimilarity");
    if (wants(o, "isolation")) request.indices.push_back("isolation");
    if (wants(o, "mutual_information")) request.indices.insert(request.indices.end(), {"mutual_information", "information_theory"});
    request.include_stochastic = false;
    // A group with nobody in the LAD (e.g. Bangladeshi on the Isles of Scilly) has no
    // two-group index: it gets an undefined row, not an error for the whole atlas.
    std::vector<std::string> absent;
    for (std::size_t g = 0; g < u.groups.size(); ++g)
        (u.group_people[g] > 0.0 ? request.focal : absent).push_back(u.groups[g]);
    request.params.seed = u.seed;
    if (!request.indices.empty()) {
        const SuitePlan plan = plan_suite(table, request);
        const std::vector<double> values = run_suite(plan, request.params);
        std::vector<std::vector<double>> boot, rand;
        if (o.bootstrap > 0)
            boot = suite_replicates(table, plan, request.params, {ResampleScheme::bootstrap, o.bootstrap, u.seed, {}, {}});
        if (o.randomisation > 0)
            rand = suite_replicates(table, plan, request.params,
                                    {ResampleScheme::randomisation, o.randomisation, u.seed, {}, {}});
        for (std::size_t k = 0; k < plan.items.size(); ++k) {
            AtlasValue v;
            v.index = plan.items[k].index->info.name;
            v.group = plan.items[k].focal;
            if (o.bootstrap > 0) {
                v.value = summarise_bootstrap(values[k], boot[k], o.confidence, o.interval);
                v.rank_replicates = interval_replicates(values[k], boot[k], o.interval);
            } else {
                v.value.method = o.interval;
                v.value.confidence = o.confidence;
                v.value.raw_value = v.value.estimate = values[k];
                v.value.standard_error = v.value.ci_lower = v.value.ci_upper = v.value.bias = v.value.replicate_mean = nan;
            }
            if (o.randomisation > 0) {
                const RandomisationResult r = summarise_randomisation(values[k], std::move(rand[k]));
                v.chance = ChanceSummary{r.expected, values[k] - r.expected, r.p_value};
            }
            u.values.push_back(std::move(v));
        }
        for (const auto& index : request.indices) {
            if (IndexRegistry::instance().get(index).info.groups != IndexGroups::two_group) continue;
            for (const auto& g : absent) {
                AtlasValue v;
                v.index = index;
                v.group = g;
                v.value.method = o.interval;
                v.value.confidence = o.confidence;
                v.value.raw_value = v.value.estimate = v.value.standard_error = v.value.ci_lower = v.value.ci_upper =
                    v.value.bias = v.value.replicate_mean = nan;
                if (o.bootstrap > 0) v.rank_replicates.assign(static_cast<std::size_t>(o.bootstrap), nan);
                u.values.push_back(std::move(v));
            }
        }
    }

    if (wants(o, "decomposition") && o.hierarchy.size() == 2) {
        // Chain rule of M over nested levels: M(OA) = [M(OA) − M(LSOA)] + [M(LSOA) − M(MSOA)] + M(MSOA),
        // each bracket the within part of decompose_within one level up.
        const MutualDecomposition fine = decompose_within_level(table, o.hierarchy[0]);
        const MutualDecomposition coarse = decompose_within_level(aggregate(table, o.hierarchy[0]), o.hierarchy[1]);
        const double e = fine.entropy;
        auto h = [e](double m) { return e > 0.0 ? m / e : nan; };
        u.hierarchy.push_back({"areas within " + o.hierarchy[0], fine.within_M, h(fine.within_M)});
        u.hierarchy.push_back({o.hierarchy[0] + " within " + o.hierarchy[1], coarse.within_M, h(coarse.within_M)});
        u.hierarchy.push_back({"between " + o.hierarchy[1], coarse.between_M, h(coarse.between_M)});
    }
    return u;
}

}  // namespace cohesion

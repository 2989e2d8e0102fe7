#include "atlas/atlas_change.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <mutex>

#include "change/lookup_harmonisation_job.hpp"
#include "core/table_operations.hpp"
#include "io/table_input.hpp"

namespace cohesion {

namespace {

// −Σ p ln p over the table's group totals: H = M / entropy.
double group_entropy(const Table& t) {
    std::vector<double> totals(t.groups(), 0.0);
    double all = 0.0;
    for (std::size_t g = 0; g < t.groups(); ++g)
        for (double v : t.column(g)) totals[g] += v, all += v;
    double e = 0.0;
    for (double v : totals)
        if (v > 0.0 && all > 0.0) e -= v / all * std::log(v / all);
    return e;
}

}  // namespace

AtlasChangeSources atlas_change_sources(const std::string& data, const std::string& schemes) {
    namespace fs = std::filesystem;
    auto at = [](const std::string& folder, const std::string& name) { return (fs::path(folder) / name).string(); };
    return {at(data, "ew2011_oa_ethnicity.csv.gz"), at(schemes, "ethnicity2011_broad5.csv"),
            at(data, "ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz"), at(schemes, "ethnicity2021_broad5.csv"),
            at(data, "lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz")};
}

AtlasChangeInputs load_atlas_change_inputs(const AtlasChangeSources& s, const std::string& unit_level,
                                           const std::string& lsoa_level) {
    AtlasChangeInputs in;
    in.unit_level = unit_level;
    // The same inputs `run --town` builds per town (project/national_town.cpp), read once.
    TableInput earlier;
    earlier.path = s.earlier;
    earlier.where = s.earlier_where;
    earlier.aggregate_to = lsoa_level;
    earlier.scheme_path = s.earlier_scheme;
    in.earlier = load_table(earlier);
    in.earlier.level(unit_level);  // an error naming the levels when the table has no such level
    TableInput later;
    later.path = s.later;
    later.scheme_path = s.later_scheme;
    later.groups = in.earlier.group_names();
    in.later = load_table(later);
    LookupOptions options;
    options.from_column = "lsoa11_code";
    options.to_column = "lsoa21_code";
    options.change_column = "change_code";
    in.lookup = load_lookup(s.lookup, options);
    const Table w = load_weights_table(s.later, "", "");
    for (std::size_t i = 0; i < w.areas(); ++i) in.weights[w.area_codes()[i]] = w.count(i, 0);
    std::string groups;
    for (const auto& g : in.earlier.group_names()) groups += (groups.empty() ? "" : ", ") + g;
    in.notes = {
        fmt::format("change 2011 -> 2021 in the five broad groups of Census 2021 ({}): the 2011 table's 14 groups "
                    "aggregated by {}, the 2021 groups named by {}",
                    groups, s.earlier_scheme, s.later_scheme),
        fmt::format("change on the common geography of the 2021 LSOAs: each LAD's 2011 LSOAs moved through {} "
                    "(splits shared in proportion to the 2021 LSOA populations of {}), then compared with the 2021 "
                    "counts of the LSOAs they map to — as a one-town study's change step does",
                    s.lookup, s.later),
        "change parts (Shapley decomposition of M_2021 - M_2011; Elbers 2021): group_marginal = change in the groups' "
        "sizes, unit_marginal = change in the areas' sizes, structural = change in who lives where with both held "
        "fixed, additions/removals = areas or groups in one year only; the parts add up to the change"};
    return in;
}

std::vector<AtlasChange> compute_atlas_change(const AtlasChangeInputs& in, const std::vector<std::string>& names,
                                              const std::function<void(std::size_t, std::size_t)>& progress) {
    std::unordered_map<std::string, std::vector<std::size_t>> rows;
    const Level& units = in.earlier.level(in.unit_level);
    for (std::size_t i = 0; i < units.labels.size(); ++i) rows[units.labels[i]].push_back(i);
    std::vector<AtlasChange> out(names.size());
    std::mutex report;
    std::size_t done = 0;
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, names.size(), 1), [&](const auto& range) {
        for (std::size_t k = range.begin(); k != range.end(); ++k) {
            AtlasChange& c = out[k];
            c.name = names[k];
            const auto r = rows.find(names[k]);
            if (r == rows.end()) {
                constexpr double nan = std::numeric_limits<double>::quiet_NaN();
                c.difference.M1 = c.difference.M2 = c.difference.diff = c.H1 = c.H2 = nan;
                c.reason = "not in the 2011 table";
            } else {
                const Harmonised h = harmonise(select_areas(in.earlier, r->second), in.lookup, &in.weights);
                const Table later = select_area_codes(in.later, h.table.area_codes());
                c.difference = mutual_difference(h.table, later);
                c.difference.units.clear();
                c.areas = h.table.areas();
                for (std::size_t g = 0; g < h.table.groups(); ++g)
                    for (double v : h.table.column(g)) c.people_earlier += v;
                for (std::size_t g = 0; g < later.groups(); ++g)
                    for (double v : later.column(g)) c.people_later += v;
                const double e1 = group_entropy(h.table), e2 = group_entropy(later);
                c.H1 = e1 > 0.0 ? c.difference.M1 / e1 : std::numeric_limits<double>::quiet_NaN();
                c.H2 = e2 > 0.0 ? c.difference.M2 / e2 : std::numeric_limits<double>::quiet_NaN();
            }
            std::lock_guard lock(report);
            ++done;
            if (progress) progress(done, names.size());
        }
    });
    return out;
}

}  // namespace cohesion

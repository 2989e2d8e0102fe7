#include "change/areal_interpolation.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "geo/area_overlaps.hpp"

namespace cohesion {

namespace {

constexpr std::size_t max_examples = 5;

// Per source polygon, the shares of its people going to each target it overlaps.
struct Weight {
    std::size_t target;
    double share;
};

std::vector<std::vector<Weight>> area_weights(const AreaOverlaps& o, std::size_t sources,
                                              ArealInterpolationReport& report) {
    std::vector<std::vector<Weight>> w(sources);
    std::vector<double> covered(sources, 0.0);
    for (const auto& p : o.pairs) {
        w[p.source].push_back({p.target, p.area_m2});
        covered[p.source] += p.area_m2;
    }
    for (std::size_t s = 0; s < sources; ++s) {
        if (w[s].empty()) continue;
        for (auto& x : w[s]) x.share /= covered[s];
        const double coverage = o.source_area_m2[s] > 0.0 ? covered[s] / o.source_area_m2[s] : 1.0;
        if (coverage < 0.99) ++report.partly_covered;
        if (coverage > 1.01) ++report.overlapping;
        report.least_coverage = std::min(report.least_coverage, coverage);
    }
    report.overlap_pairs = o.pairs.size();
    report.repaired_intersections = o.repaired_intersections;
    return w;
}

// Replace the area weights of sources that hold finer population by population shares.
void apply_dasymetric(std::vector<std::vector<Weight>>& w, const PopulationPoints& points, const AreaLayer& source,
                      const AreaLayer& target, ArealInterpolationReport& report) {
    const auto in_source = locate_points(source, points.x, points.y);
    const auto in_target = locate_points(target, points.x, points.y);
    std::vector<std::unordered_map<std::size_t, double>> people(w.size());
    for (std::size_t k = 0; k < points.x.size(); ++k) {
        if (in_source[k] == no_area || in_target[k] == no_area) {
            ++report.points_outside;
            continue;
        }
        if (points.population[k] > 0.0) people[in_source[k]][in_target[k]] += points.population[k];
    }
    for (std::size_t s = 0; s < w.size(); ++s) {
        if (w[s].empty()) continue;
        double total = 0.0;
        for (const auto& [t, p] : people[s]) total += p;
        if (!(total > 0.0)) {
            ++report.area_fallback_sources;
            continue;
        }
        std::vector<Weight> d;
        for (const auto& [t, p] : people[s]) d.push_back({t, p / total});
        std::sort(d.begin(), d.end(), [](const Weight& a, const Weight& b) { return a.target < b.target; });
        w[s] = std::move(d);
        ++report.dasymetric_sources;
    }
}

}  // namespace

std::vector<std::string> ArealInterpolationReport::lines() const {
    std::vector<std::string> out;
    out.push_back(fmt::format("areal interpolation: {} source areas onto {} target areas through {} overlapping pairs",
                              source_areas, target_areas, overlap_pairs));
    if (without_polygon + without_overlap > 0)
        out.push_back(fmt::format("dropped {} areas without a polygon and {} overlapping no target ({:g} people), e.g. {}",
                                  without_polygon, without_overlap, dropped_people, fmt::join(dropped_examples, ", ")));
    out.push_back(fmt::format("{} source areas less than 99% covered by the targets (least {:.1f}%); {} overlapped by "
                              "targets adding up to more than 101%; their people are spread over the covered part, so "
                              "totals are preserved",
                              partly_covered, 100.0 * least_coverage, overlapping));
    if (dasymetric_sources + area_fallback_sources > 0)
        out.push_back(fmt::format("dasymetric weights for {} source areas; {} had no finer population and use area "
                                  "weights; {} finer points fell outside the layers",
                                  dasymetric_sources, area_fallback_sources, points_outside));
    if (repaired_intersections > 0)
        out.push_back(fmt::format("{} intersections were recomputed on a 1 cm grid after a GEOS topology failure",
                                  repaired_intersections));
    return out;
}

ArealInterpolated areal_interpolate(const Table& table, const AreaLayer& source, const AreaLayer& target,
                                    const ArealInterpolationOptions& options) {
    ArealInterpolated out;
    auto& report = out.report;
    report.source_areas = table.areas();
    report.target_areas = target.size();

    std::unordered_map<std::string, std::size_t> polygon_of;
    for (std::size_t i = 0; i < source.size(); ++i) polygon_of.emplace(source.codes[i], i);

    const AreaOverlaps overlaps = area_overlaps(source, target, options.progress);
    auto weights = area_weights(overlaps, source.size(), report);
    if (options.dasymetric) apply_dasymetric(weights, *options.dasymetric, source, target, report);

    const auto unit_total = table.unit_total();
    std::vector<std::vector<double>> counts(table.groups(), std::vector<double>(target.size(), 0.0));
    std::vector<double> totals(target.size(), 0.0);
    for (std::size_t i = 0; i < table.areas(); ++i) {
        const auto it = polygon_of.find(table.area_codes()[i]);
        const bool has_polygon = it != polygon_of.end();
        if (!has_polygon || weights[it->second].empty()) {
            (has_polygon ? report.without_overlap : report.without_polygon) += 1;
            report.dropped_people += unit_total[i];
            if (report.dropped_examples.size() < max_examples) report.dropped_examples.push_back(table.area_codes()[i]);
            continue;
        }
        for (const auto& w : weights[it->second]) {
            for (std::size_t g = 0; g < table.groups(); ++g) counts[g][w.target] += w.share * table.count(i, g);
            if (table.has_declared_total()) totals[w.target] += w.share * table.declared_total()[i];
        }
    }
    if ((report.without_polygon + report.without_overlap) > 0 && !options.allow_unmatched)
        throw Error(fmt::format("{}: {} areas have no polygon in {} and {} overlap no area of {} ({:g} people would be "
                                "lost), e.g. {}; check the boundary files, or pass {} to drop them",
                                table.source(), report.without_polygon, source.source, report.without_overlap,
                                target.source, report.dropped_people, fmt::join(report.dropped_examples, ", "),
                                field_ref("allow_unmatched")));

    Table t(target.codes, table.group_names());
    for (std::size_t g = 0; g < table.groups(); ++g) std::copy(counts[g].begin(), counts[g].end(), t.column(g).begin());
    if (table.has_declared_total()) t.set_declared_total(table.declared_total_name(), std::move(totals));
    t.set_source(table.source());
    for (const auto& h : table.history()) t.note(h);
    t.note(fmt::format("areal-weighted interpolation from {} onto {}{}", source.source, target.source,
                       options.dasymetric ? " (dasymetric: " + options.dasymetric->source + ")" : std::string()));
    out.table = std::move(t);
    return out;
}

}  // namespace cohesion

#include "geo/area_overlaps.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "core/error.hpp"
#include "core/progress_count.hpp"
#include "geo/geos_context.hpp"

namespace cohesion {

namespace {

std::vector<geos::Geometry> to_geos(const geos::Context& ctx, const AreaLayer& layer) {
    std::vector<geos::Geometry> out;
    out.reserve(layer.size());
    for (std::size_t i = 0; i < layer.size(); ++i) {
        GEOSGeometry* g = layer.geometry[i]->exportToGEOS(ctx.get());
        if (!g) throw Error(fmt::format("{}: feature {} ('{}'): its polygon could not be handed to GEOS", layer.source,
                                        i + 1, layer.codes[i]));
        out.push_back(geos::own(ctx.get(), g));
    }
    return out;
}

// An STR-tree over a layer's envelopes; items are indices into the layer.
class EnvelopeTree {
public:
    EnvelopeTree(const geos::Context& ctx, const std::vector<geos::Geometry>& geometries)
        : ctx_(ctx), tree_(GEOSSTRtree_create_r(ctx.get(), 10)), ids_(geometries.size()) {
        std::iota(ids_.begin(), ids_.end(), std::size_t{0});
        for (std::size_t i = 0; i < geometries.size(); ++i)
            GEOSSTRtree_insert_r(ctx.get(), tree_, geometries[i].get(), &ids_[i]);
    }
    ~EnvelopeTree() { GEOSSTRtree_destroy_r(ctx_.get(), tree_); }
    EnvelopeTree(const EnvelopeTree&) = delete;
    EnvelopeTree& operator=(const EnvelopeTree&) = delete;

    std::vector<std::size_t> query(const GEOSGeometry* g) const {
        std::vector<std::size_t> hits;
        GEOSSTRtree_query_r(
            ctx_.get(), tree_, g,
            [](void* item, void* out) {
                static_cast<std::vector<std::size_t>*>(out)->push_back(*static_cast<std::size_t*>(item));
            },
            &hits);
        std::sort(hits.begin(), hits.end());
        return hits;
    }

private:
    const geos::Context& ctx_;
    GEOSSTRtree* tree_;
    std::vector<std::size_t> ids_;
};

double area_of(GEOSContextHandle_t h, const GEOSGeometry* g) {
    double a = 0.0;
    return g && GEOSArea_r(h, g, &a) ? a : 0.0;
}

}  // namespace

AreaOverlaps area_overlaps(const AreaLayer& source, const AreaLayer& target, const OverlapProgress& progress) {
    if (source.crs != target.crs)
        throw Error(fmt::format("{} is in {} but {} is in {}; load both in the same projected CRS", source.source,
                                source.crs, target.source, target.crs));
    const geos::Context main;
    const auto s = to_geos(main, source);
    const auto t = to_geos(main, target);
    AreaOverlaps out;
    out.source_area_m2.resize(s.size());
    out.target_area_m2.resize(t.size());
    for (std::size_t i = 0; i < s.size(); ++i) out.source_area_m2[i] = area_of(main.get(), s[i].get());
    for (std::size_t j = 0; j < t.size(); ++j) out.target_area_m2[j] = area_of(main.get(), t[j].get());

    // Candidate pairs sequentially (the tree builds itself on the first query), overlays in parallel.
    const EnvelopeTree tree(main, t);
    std::vector<std::vector<std::size_t>> candidates(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) candidates[i] = tree.query(s[i].get());

    std::vector<std::vector<AreaOverlap>> per_source(s.size());
    std::vector<std::size_t> repaired(s.size(), 0);
    tbb::enumerable_thread_specific<geos::Context> contexts;
    ProgressCount overlaid(progress, s.size());
    tbb::parallel_for(std::size_t{0}, s.size(), [&](std::size_t i) {
        const GEOSContextHandle_t h = contexts.local().get();
        const geos::Prepared prepared(GEOSPrepare_r(h, s[i].get()), geos::PreparedDeleter{h});
        for (std::size_t j : candidates[i]) {
            double a = 0.0;
            if (GEOSPreparedContains_r(h, prepared.get(), t[j].get()) == 1) {
                a = out.target_area_m2[j];  // whole target inside: no overlay needed
            } else {
                if (GEOSPreparedIntersects_r(h, prepared.get(), t[j].get()) != 1) continue;
                geos::Geometry x = geos::own(h, GEOSIntersection_r(h, s[i].get(), t[j].get()));
                if (!x) {
                    // A topology failure on nearly coincident edges: redo the overlay snapped to 1 cm.
                    x = geos::own(h, GEOSIntersectionPrec_r(h, s[i].get(), t[j].get(), 0.01));
                    ++repaired[i];
                }
                if (!x) throw Error(fmt::format("GEOS could not intersect {} '{}' with {} '{}'", source.source,
                                                source.codes[i], target.source, target.codes[j]));
                a = area_of(h, x.get());
            }
            if (a > 0.0) per_source[i].push_back({i, j, a});
        }
        overlaid.tick();
    });
    for (std::size_t i = 0; i < s.size(); ++i) {
        out.pairs.insert(out.pairs.end(), per_source[i].begin(), per_source[i].end());
        out.repaired_intersections += repaired[i];
    }
    return out;
}

std::vector<std::size_t> locate_points(const AreaLayer& layer, const std::vector<double>& x,
                                       const std::vector<double>& y) {
    const geos::Context main;
    const auto polygons = to_geos(main, layer);
    const EnvelopeTree tree(main, polygons);
    std::vector<geos::Prepared> prepared;
    prepared.reserve(polygons.size());
    for (const auto& g : polygons) prepared.emplace_back(GEOSPrepare_r(main.get(), g.get()), geos::PreparedDeleter{main.get()});
    std::vector<std::size_t> out(x.size(), no_area);
    for (std::size_t k = 0; k < x.size(); ++k) {
        const geos::Geometry point = geos::own(main.get(), GEOSGeom_createPointFromXY_r(main.get(), x[k], y[k]));
        for (std::size_t i : tree.query(point.get()))
            if (GEOSPreparedIntersects_r(main.get(), prepared[i].get(), point.get()) == 1) {
                out[k] = i;
                break;
            }
    }
    return out;
}

}  // namespace cohesion

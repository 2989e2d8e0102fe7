#include "weights/distance_weights.hpp"

#include <fmt/format.h>
#include <nanoflann.hpp>
#include <tbb/parallel_for.h>

#include <cmath>
#include <memory>

#include "core/error.hpp"

namespace cohesion {

namespace {

struct Cloud {
    const Points& p;
    std::size_t kdtree_get_point_count() const { return p.size(); }
    double kdtree_get_pt(std::size_t i, std::size_t dim) const { return dim == 0 ? p.x[i] : p.y[i]; }
    template <class Box>
    bool kdtree_get_bbox(Box&) const { return false; }
};

using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 2, std::size_t>;

struct Index {
    explicit Index(const Points& points) : cloud{points}, tree(2, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {
        if (points.size() == 0) throw Error("no points to build weights from");
        for (std::size_t i = 0; i < points.size(); ++i)
            if (!std::isfinite(points.x[i]) || !std::isfinite(points.y[i]))
                throw Error("area " + (points.ids.empty() ? std::to_string(i + 1) : points.ids[i]) +
                            " has no valid centroid");
        tree.buildIndex();
    }
    // (index, distance) pairs within `radius` (metres), including the query point itself.
    std::vector<std::pair<std::size_t, double>> within(std::size_t i, double radius) const {
        const double q[2] = {cloud.p.x[i], cloud.p.y[i]};
        std::vector<std::pair<std::size_t, double>> found;
        nanoflann::SearchParams params;
        params.sorted = true;
        tree.radiusSearch(q, radius * radius, found, params);
        for (auto& f : found) f.second = std::sqrt(f.second);
        return found;
    }
    std::vector<std::pair<std::size_t, double>> nearest(std::size_t i, std::size_t k) const {
        const double q[2] = {cloud.p.x[i], cloud.p.y[i]};
        std::vector<std::size_t> idx(k);
        std::vector<double> d2(k);
        const std::size_t found = tree.knnSearch(q, k, idx.data(), d2.data());
        std::vector<std::pair<std::size_t, double>> out;
        for (std::size_t m = 0; m < found; ++m) out.emplace_back(idx[m], std::sqrt(d2[m]));
        return out;
    }
    Cloud cloud;
    Tree tree;
};

double kernel(KernelFunction f, double z) {
    switch (f) {
        case KernelFunction::triangular: return 1.0 - z;
        case KernelFunction::uniform: return 0.5;
        case KernelFunction::quadratic: return 0.75 * (1.0 - z * z);
        case KernelFunction::quartic: return (15.0 / 16.0) * (1.0 - z * z) * (1.0 - z * z);
        case KernelFunction::gaussian: return std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI);
    }
    return 0.0;
}

}  // namespace

KernelFunction parse_kernel_function(const std::string& name) {
    if (name == "triangular") return KernelFunction::triangular;
    if (name == "uniform") return KernelFunction::uniform;
    if (name == "quadratic" || name == "epanechnikov") return KernelFunction::quadratic;
    if (name == "quartic" || name == "bisquare") return KernelFunction::quartic;
    if (name == "gaussian") return KernelFunction::gaussian;
    throw Error(Field{"kernel"},
                "unknown kernel '" + name + "'; expected triangular, uniform, quadratic, quartic or gaussian");
}

std::string to_string(KernelFunction f) {
    switch (f) {
        case KernelFunction::triangular: return "triangular";
        case KernelFunction::uniform: return "uniform";
        case KernelFunction::quadratic: return "quadratic";
        case KernelFunction::quartic: return "quartic";
        case KernelFunction::gaussian: return "gaussian";
    }
    return "?";
}

Weights knn_weights(const Points& points, int k) {
    if (k < 1 || static_cast<std::size_t>(k) >= points.size())
        throw Error(Field{"weights"}, "k must be between 1 and the number of areas minus one (" +
                                                std::to_string(points.size() - 1) + ")");
    const Index index(points);
    std::vector<std::vector<std::pair<std::size_t, double>>> rows(points.size());
    tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t i) {
        for (const auto& [j, d] : index.nearest(i, static_cast<std::size_t>(k) + 1))
            if (j != i && rows[i].size() < static_cast<std::size_t>(k)) rows[i].emplace_back(j, 1.0);
    });
    return weights_from_weighted_lists(std::move(rows), points.ids, fmt::format("{} nearest neighbours, binary", k));
}

Weights distance_band_weights(const Points& points, double threshold, double power) {
    if (!(threshold > 0.0)) throw Error(Field{"weights"}, "the distance band must be positive");
    const Index index(points);
    std::vector<std::vector<std::pair<std::size_t, double>>> rows(points.size());
    tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t i) {
        for (const auto& [j, d] : index.within(i, threshold))
            if (j != i) rows[i].emplace_back(j, power > 0.0 ? std::pow(std::max(d, 1e-9), -power) : 1.0);
    });
    return weights_from_weighted_lists(std::move(rows), points.ids,
                     power > 0.0 ? fmt::format("distance band {:g} m, inverse distance^{:g}", threshold, power)
                                 : fmt::format("distance band {:g} m, binary", threshold));
}

Weights kernel_weights(const Points& points, const KernelOptions& o) {
    if (o.adaptive_k <= 0 && !(o.bandwidth > 0.0))
        throw Error(Field{"weights"}, "a kernel needs a positive bandwidth or an adaptive k");
    const Index index(points);
    std::vector<std::vector<std::pair<std::size_t, double>>> rows(points.size());
    tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t i) {
        double h = o.bandwidth;
        if (o.adaptive_k > 0) {
            const auto near = index.nearest(i, static_cast<std::size_t>(o.adaptive_k) + 1);
            h = near.back().second * 1.0000001;  // libpysal's nudge so the k-th neighbour is inside
        }
        for (const auto& [j, d] : index.within(i, h)) {
            if (j == i) {
                rows[i].emplace_back(i, o.self_weight_one ? 1.0 : kernel(o.function, 0.0));
                continue;
            }
            const double z = d / h;
            if (z < 1.0) rows[i].emplace_back(j, kernel(o.function, z));
        }
    });
    return weights_from_weighted_lists(std::move(rows), points.ids,
                     o.adaptive_k > 0 ? fmt::format("{} kernel, adaptive bandwidth (k = {})", to_string(o.function), o.adaptive_k)
                                      : fmt::format("{} kernel, bandwidth {:g} m", to_string(o.function), o.bandwidth));
}

}  // namespace cohesion

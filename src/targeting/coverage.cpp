#include "targeting/coverage.hpp"

#include <nanoflann.hpp>
#include <tbb/parallel_for.h>

namespace cohesion {

namespace {

struct Cloud {
    const std::vector<Point2>& p;
    std::size_t kdtree_get_point_count() const { return p.size(); }
    double kdtree_get_pt(std::size_t i, std::size_t dim) const { return dim == 0 ? p[i].x : p[i].y; }
    template <class Box>
    bool kdtree_get_bbox(Box&) const { return false; }
};
using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 2, std::size_t>;

}  // namespace

Coverage find_coverage(const std::vector<Point2>& demand, const std::vector<Point2>& candidates, double distance) {
    Cloud cloud{candidates};
    Tree tree(2, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16));
    tree.buildIndex();
    Coverage c;
    c.sites_of.resize(demand.size());
    // Squared radius nudged up so a site at exactly the service distance counts as reaching.
    const double r2 = distance * distance * (1.0 + 1e-12);
    tbb::parallel_for(std::size_t{0}, demand.size(), [&](std::size_t i) {
        const double q[2] = {demand[i].x, demand[i].y};
        std::vector<std::pair<std::size_t, double>> found;
        nanoflann::SearchParams params;
        params.sorted = false;
        tree.radiusSearch(q, r2, found, params);
        auto& s = c.sites_of[i];
        s.reserve(found.size());
        for (const auto& f : found) s.push_back(f.first);
        std::sort(s.begin(), s.end());
    });
    c.points_of.resize(candidates.size());
    for (std::size_t i = 0; i < demand.size(); ++i)
        for (std::size_t j : c.sites_of[i]) c.points_of[j].push_back(i);
    return c;
}

}  // namespace cohesion

// Segregation profiles against pysal `segregation` 2.5's spatially implicit indices
// (bedford2011_spatial.json, segregation_profile_pysal_2_5; tolerance 1e-4 absolute as
// the file says, since pysal rounds smoothed counts), plus kernel weights by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "geo/table_join.hpp"
#include "indices/registry.hpp"
#include "spatial/segregation_profile.hpp"
#include "support/bedford.hpp"
#include "weights/contiguity.hpp"
#include "weights/distance_weights.hpp"

using namespace cohesion;

TEST(SegregationProfile, BedfordMatchesPysalSpatiallyImplicitIndices) {
    const auto ref = test::read_reference_json("bedford2011_spatial.json")["segregation_profile_pysal_2_5"];
    const Table& table = test::bedford_oa_2011();
    const AreaLayer layer = load_area_layer((test::shared_data_dir() / "bedford" / "oa2011.geojson").string());
    const TableLayerJoin join = join_table_to_layer(table, layer);
    Points centroids;
    for (std::size_t f : join.layer_index) {
        centroids.x.push_back(layer.centroid_x[f]);
        centroids.y.push_back(layer.centroid_y[f]);
        centroids.ids.push_back(layer.codes[f]);
    }
    std::vector<ProfileScale> scales;
    for (int d : {500, 1000, 2000}) {
        KernelOptions k;
        k.bandwidth = d;
        k.self_weight_one = true;
        scales.push_back({"distance_" + std::to_string(d), kernel_weights(centroids, k)});
    }
    scales.push_back({"w_queen", with_self(subset(contiguity_weights(layer), join.layer_index))});
    auto& registry = IndexRegistry::instance();
    const std::vector<std::pair<std::string, std::string>> two = {
        {"dissimilarity", "Dissim"}, {"isolation", "Isolation"}, {"interaction", "Interaction"},
        {"entropy", "Entropy"},      {"gini", "Gini"}};
    const std::vector<std::pair<std::string, std::string>> multi = {{"multi_dissimilarity", "MultiDissim"},
                                                                    {"information_theory", "MultiInfoTheory"},
                                                                    {"normalized_exposure", "MultiNormExposure"},
                                                                    {"multi_gini", "MultiGini"}};
    LocalEnvironmentOptions pysal;
    pysal.round_to_integers = true;
    int checked = 0;
    for (const auto& [pairs, matrix] : {std::pair{two, two_group_vs_rest(table, "Pakistani")}, std::pair{multi, multigroup(table)}}) {
        std::vector<const IndexDefinition*> indices;
        for (const auto& [ours, theirs] : pairs) indices.push_back(&registry.get(ours));
        const auto profile = segregation_profile(matrix, indices, scales, pysal);
        for (const auto& point : profile) {
            std::string theirs;
            for (const auto& [o, t] : pairs)
                if (o == point.index) theirs = t;
            const std::string key = theirs + "_" + point.scale;
            if (!ref.contains(key)) continue;
            EXPECT_NEAR(point.value, ref[key].get<double>(), 1e-4) << key;
            ++checked;
        }
    }
    EXPECT_GE(checked, 30);
}

TEST(KernelWeights, TriangularAndUniformByHand) {
    // Three points on a line at 0, 300 and 1000 m; bandwidth 500 m.
    const Points p{{0, 300, 1000}, {0, 0, 0}, {"a", "b", "c"}};
    KernelOptions o;
    o.bandwidth = 500;
    const Weights w = kernel_weights(p, o);
    // a: itself (k(0) = 1) and b at z = .6 → 1 − .6 = .4; c is outside the band.
    ASSERT_EQ(w.cardinality(0), 2u);
    EXPECT_DOUBLE_EQ(w.weights_of(0)[0], 1.0);
    EXPECT_NEAR(w.weights_of(0)[1], 0.4, 1e-12);
    EXPECT_EQ(w.cardinality(2), 1u);  // c only has itself
    o.function = KernelFunction::uniform;
    EXPECT_DOUBLE_EQ(kernel_weights(p, o).weights_of(0)[1], 0.5);
    o.function = KernelFunction::quartic;
    EXPECT_NEAR(kernel_weights(p, o).weights_of(0)[1], 15.0 / 16.0 * std::pow(1 - 0.36, 2), 1e-12);
    // k nearest neighbours: every row has exactly k, never itself.
    const Weights knn = knn_weights(p, 1);
    EXPECT_EQ(knn.neighbours_of(0)[0], 1u);
    EXPECT_EQ(knn.neighbours_of(2)[0], 1u);
    // A band narrower than every distance makes every area an island.
    EXPECT_EQ(distance_band_weights(p, 100).islands().size(), 3u);
    EXPECT_THROW(knn_weights(p, 3), Error);
}

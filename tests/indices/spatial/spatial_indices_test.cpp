// Spatial indices on the Bedford output areas against pysal `segregation` 2.5
// (../shared/reference/bedford2011_spatial.json), and a hand-computed toy map.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "geo/table_join.hpp"
#include "weights/unit_geometry_builder.hpp"
#include "indices/registry.hpp"
#include "support/bedford.hpp"
#include "weights/contiguity.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {

double compute(const std::string& name, const CountMatrix& m, const IndexParams& params) {
    return IndexRegistry::instance().get(name).compute(IndexInput{m, params});
}

}  // namespace

TEST(SpatialReference, BedfordMatchesPysal) {
    const auto ref = test::read_reference_json("bedford2011_spatial.json")["spatial_indices_pysal_2_5"];
    const Table& table = test::bedford_oa_2011();
    const AreaLayer layer = load_area_layer((test::shared_data_dir() / "bedford" / "oa2011.geojson").string());
    const TableLayerJoin join = join_table_to_layer(table, layer);
    ASSERT_EQ(join.table_rows.size(), 501u);
    const Weights queen = subset(contiguity_weights(layer), join.layer_index);
    const CountMatrix m = two_group_vs_rest(table, "Pakistani");
    const UnitGeometry geometry = build_unit_geometry(layer, join.layer_index, queen);
    std::vector<double> areas = geometry.area_km2;
    IndexParams params;
    params.weights = &queen;
    params.geometry = &geometry;
    params.unit_areas = areas;
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"spatial_dissimilarity", "SpatialDissim"},
        {"spatial_dissimilarity_standardized", "SpatialDissim_w_queen_standardize"},
        {"boundary_spatial_dissimilarity", "BoundarySpatialDissim"},
        {"perimeter_area_dissimilarity", "PARDissim"},
        {"absolute_concentration", "AbsoluteConcentration"},
        {"relative_concentration", "RelativeConcentration"},
        {"absolute_centralization", "AbsoluteCentralization"},
        {"relative_centralization", "RelativeCentralization"},
        {"absolute_centralization_median", "AbsoluteCentralization_center_median"},
        {"relative_centralization_median", "RelativeCentralization_center_median"},
        {"delta", "Delta"},
        {"spatial_proximity_profile", "SpatialProxProf"}};
    for (const auto& [ours, theirs] : pairs) {
        const double value = compute(ours, m, params), expected = ref[theirs].get<double>();
        EXPECT_TRUE(near_relative(value, expected)) << ours << " = " << value << ", pysal " << expected;
    }
}

TEST(SpatialToy, TwoByTwoGridByHand) {
    // 2×2 grid of 1 km squares: u0 u1 on the bottom row, u2 u3 on top; rook neighbours
    // 0-1, 0-2, 1-3, 2-3, each sharing 1000 m. x = (10, 0, 10, 0), t = 10 each.
    const CountMatrix m = make_count_matrix({10, 0, 10, 0, 0, 10, 0, 10}, 4, {"x", "rest"});
    const Weights w = weights_from_lists({{1, 2}, {0, 3}, {0, 3}, {1, 2}}, {}, "rook");
    UnitGeometry g;
    g.area_km2 = {1, 1, 1, 1};
    g.perimeter_m = {4000, 4000, 4000, 4000};
    g.x = {500, 1500, 500, 1500};
    g.y = {500, 500, 1500, 1500};
    g.shared_boundary_m = w;
    for (auto& v : g.shared_boundary_m.values) v = 1000.0;
    IndexParams params;
    params.weights = &w;
    params.geometry = &g;
    // D = 1 (complete segregation). z = (1, 0, 1, 0): 0-1 and 2-3 differ, 0-2 and 1-3 do not,
    // so half of the 8 directed links differ: D(adj) = 1 − 4/8 = .5; with equal boundary
    // lengths Wong's D(w) is the same, and D(s) = 1 − Σ c |Δz| (2·P/A)/(2·max P/A) = .5.
    EXPECT_DOUBLE_EQ(compute("spatial_dissimilarity", m, params), 0.5);
    EXPECT_DOUBLE_EQ(compute("spatial_dissimilarity_standardized", m, params), 0.5);
    EXPECT_DOUBLE_EQ(compute("boundary_spatial_dissimilarity", m, params), 0.5);
    EXPECT_DOUBLE_EQ(compute("perimeter_area_dissimilarity", m, params), 0.5);
    // Every unit is equally far from the centre (1000, 1000): the ordering is by index,
    // u0 (group), u1 (rest), u2 (group), u3 (rest). Cumulative X = .5, .5, 1, 1 and
    // Y = 0, .5, .5, 1: RCE = Σ X_{i−1} Y_i − X_i Y_{i−1} = (.25 − 0) + (.25 − .5) + (1 − .5) = .5.
    EXPECT_DOUBLE_EQ(compute("relative_centralization", m, params), 0.5);
    EXPECT_THROW(compute("spatial_dissimilarity", m, IndexParams{}), Error);
}

TEST(SpatialToy, ProximityIndicesOnTwoDistantAreas) {
    // Two 1 km² areas 100 km apart (c_01 = e^−100 ≈ 0), one all group, one all rest.
    // c_00 = c_11 = exp(−√0.6). P_xx = c_00, P_yy = c_11, P_tt = c_00 / 2:
    // SP = (10 c + 10 c) / (20 c / 2) = 2; RCL = 0; ACL = (10c − 5c) / (10c − 5c) = 1;
    // distance-decay isolation = 1, exposure = 0.
    const CountMatrix m = make_count_matrix({10, 0, 0, 10}, 2, {"x", "rest"});
    UnitGeometry g;
    g.area_km2 = {1, 1};
    g.perimeter_m = {4000, 4000};
    g.x = {0, 100000};
    g.y = {0, 0};
    IndexParams params;
    params.geometry = &g;
    EXPECT_NEAR(compute("spatial_proximity", m, params), 2.0, 1e-12);
    EXPECT_NEAR(compute("relative_clustering", m, params), 0.0, 1e-12);
    EXPECT_NEAR(compute("absolute_clustering", m, params), 1.0, 1e-12);
    EXPECT_NEAR(compute("distance_decay_isolation", m, params), 1.0, 1e-12);
    EXPECT_NEAR(compute("distance_decay_exposure", m, params), 0.0, 1e-12);
    // Moving the areas together raises exposure.
    g.x = {0, 500};
    EXPECT_GT(compute("distance_decay_exposure", m, params), 0.1);
}

TEST(SpatialReference, GlobalDistortionMatchesPysal) {
    const auto ref = test::read_reference_json("bedford2011_spatial.json")["multigroup_spatial"]["GlobalDistortion"];
    const Table& table = test::bedford_oa_2011();
    const AreaLayer layer = load_area_layer((test::shared_data_dir() / "bedford" / "oa2011.geojson").string());
    const TableLayerJoin join = join_table_to_layer(table, layer);
    const Weights queen = subset(contiguity_weights(layer), join.layer_index);
    const CountMatrix m = multigroup(table);
    const UnitGeometry geometry = build_unit_geometry(layer, join.layer_index, queen);
    IndexParams params;
    params.geometry = &geometry;
    EXPECT_TRUE(near_relative(compute("global_distortion", m, params), ref.get<double>()));
    // Identical composition everywhere: every neighbourhood looks like the town.
    const CountMatrix even = make_count_matrix({10, 20, 30, 10, 20, 30}, 3, {"a", "b"});
    UnitGeometry g;
    g.area_km2 = {1, 1, 1};
    g.x = {0, 1000, 2000};
    g.y = {0, 0, 0};
    params.geometry = &g;
    EXPECT_NEAR(compute("global_distortion", even, params), 0.0, 1e-15);
}

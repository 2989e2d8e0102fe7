// Multigroup indices: pysal / R reference values on Bedford, hand-computed toy cases,
// and invariants every multigroup index must satisfy.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "indices/registry.hpp"
#include "support/bedford.hpp"

using namespace cohesion;
using cohesion::test::near_relative;

namespace {

double compute(const std::string& name, const CountMatrix& m) {
    const IndexParams params;
    return IndexRegistry::instance().get(name).compute(IndexInput{m, params});
}

// Units × groups given row by row, for readable toy tables.
CountMatrix from_rows(const std::vector<std::vector<double>>& rows, std::vector<std::string> names = {}) {
    const std::size_t n = rows.size(), k = rows.front().size();
    if (names.empty())
        for (std::size_t g = 0; g < k; ++g) names.push_back("g" + std::to_string(g));
    std::vector<double> cells(n * k);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t g = 0; g < k; ++g) cells[g * n + i] = rows[i][g];
    return make_count_matrix(cells, n, names);
}

const std::vector<std::string> kSegregationIndices = {"multi_dissimilarity", "multi_gini", "normalized_exposure",
                                                      "information_theory", "mutual_information", "relative_diversity",
                                                      "squared_coefficient_of_variation", "divergence"};

}  // namespace

TEST(MultigroupReference, BedfordMatchesPysalAndR) {
    const auto ref = test::read_reference_json("bedford2011_aspatial.json");
    const CountMatrix m = multigroup(test::bedford_oa_2011());
    ASSERT_EQ(m.units, 501u);
    ASSERT_EQ(m.grand_total, 157364.0);  // the 14 groups, not Persons
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"multi_dissimilarity", "MultiDissim"},         {"multi_gini", "MultiGini"},
        {"normalized_exposure", "MultiNormExposure"},   {"information_theory", "MultiInfoTheory"},
        {"relative_diversity", "MultiRelativeDiversity"}, {"squared_coefficient_of_variation", "MultiSquaredCoefVar"},
        {"diversity", "MultiDiversity"},                {"diversity_normalized", "MultiDiversity_normalized"},
        {"simpsons_concentration", "SimpsonsConcentration"}, {"simpsons_interaction", "SimpsonsInteraction"},
        {"divergence", "MultiDivergence"}};
    for (const auto& [ours, theirs] : pairs) {
        const double expected = ref["multigroup"][theirs].get<double>();
        EXPECT_TRUE(near_relative(compute(ours, m), expected)) << ours << " = " << compute(ours, m) << ", pysal " << expected;
    }
    EXPECT_TRUE(near_relative(compute("mutual_information", m), ref["mutual_information"]["M"].get<double>()));
    EXPECT_TRUE(near_relative(compute("information_theory", m), ref["mutual_information"]["H"].get<double>()));
    // Lookup by the libraries' names works too.
    EXPECT_EQ(&IndexRegistry::instance().get("MultiGini"), &IndexRegistry::instance().get("multi_gini"));
}

TEST(MultigroupToy, HandComputedValues) {
    // Two units, two groups: u0 = (3, 1), u1 = (1, 3). T = 8, π = (.5, .5), I = .5.
    const CountMatrix m = from_rows({{3, 1}, {1, 3}});
    // D = Σ t_i |π_im − π_m| / (2 T I) = (4·.25·2 + 4·.25·2) / (2·8·.5) = 4 / 8 = .5
    EXPECT_DOUBLE_EQ(compute("multi_dissimilarity", m), 0.5);
    // Gini: per group Σ_ij t_i t_j |π_i − π_j| = 2·16·.5 = 16; two groups 32 / (2·64·.5) = .5
    EXPECT_DOUBLE_EQ(compute("multi_gini", m), 0.5);
    // Σ_i t_i (π_im − π_m)² = 2·4·.0625 = .5 per group.
    // Relative diversity = 1 / (8 · .5) = .25; normalized exposure = (.5/.5 + .5/.5) / 8 = .25;
    // squared coefficient of variation = (.5/.5 + .5/.5) / (1 · 8) = .25.
    EXPECT_DOUBLE_EQ(compute("relative_diversity", m), 0.25);
    EXPECT_DOUBLE_EQ(compute("normalized_exposure", m), 0.25);
    EXPECT_DOUBLE_EQ(compute("squared_coefficient_of_variation", m), 0.25);
    // M = ln 2 − H(.75, .25) = ln 2 + .75 ln .75 + .25 ln .25; H = M / ln 2.
    const double M = std::log(2.0) + 0.75 * std::log(0.75) + 0.25 * std::log(0.25);
    EXPECT_NEAR(compute("mutual_information", m), M, 1e-15);
    EXPECT_NEAR(compute("information_theory", m), M / std::log(2.0), 1e-15);
    EXPECT_DOUBLE_EQ(compute("diversity", m), std::log(2.0));
    EXPECT_DOUBLE_EQ(compute("diversity_normalized", m), 1.0);
    EXPECT_DOUBLE_EQ(compute("simpsons_concentration", m), 0.5);
    EXPECT_DOUBLE_EQ(compute("simpsons_interaction", m), 0.5);
}

TEST(MultigroupInvariants, EvenAndCompleteSegregation) {
    const CountMatrix even = from_rows({{10, 20, 30}, {1, 2, 3}, {5, 10, 15}});
    const CountMatrix apart = from_rows({{10, 0, 0}, {0, 20, 0}, {0, 0, 30}});
    for (const auto& name : kSegregationIndices) {
        EXPECT_NEAR(compute(name, even), 0.0, 1e-12) << name;
        if (name != "mutual_information" && name != "divergence") {
            EXPECT_NEAR(compute(name, apart), 1.0, 1e-12) << name;
        }
    }
    // Complete segregation: M equals the group entropy.
    EXPECT_NEAR(compute("mutual_information", apart), compute("diversity", apart), 1e-12);
}

TEST(MultigroupInvariants, RelabellingScalingAndReorderingChangeNothing) {
    const CountMatrix base = multigroup(test::bedford_oa_2011());
    // Groups in reverse order, units in reverse order, counts × 7.
    std::vector<double> cells(base.cells.size());
    for (std::size_t g = 0; g < base.groups; ++g)
        for (std::size_t i = 0; i < base.units; ++i)
            cells[(base.groups - 1 - g) * base.units + (base.units - 1 - i)] = 7.0 * base.at(i, g);
    std::vector<std::string> names(base.group_names.rbegin(), base.group_names.rend());
    const CountMatrix shuffled = make_count_matrix(cells, base.units, names);
    const auto aspatial_multigroup = [](const IndexInfo& i) {
        return i.groups == IndexGroups::multigroup && i.output == IndexOutput::one_value && !i.needs.any();
    };
    for (const auto* d : IndexRegistry::instance().where(aspatial_multigroup)) {
        const double a = compute(d->info.name, base), b = compute(d->info.name, shuffled);
        EXPECT_TRUE(near_relative(b, a, 1e-12)) << d->info.name << ": " << a << " vs " << b;
        EXPECT_GE(a, d->info.min_value) << d->info.name;
        EXPECT_LE(a, d->info.max_value) << d->info.name;
    }
}

// M and H across every level of the hierarchy: the parts add up to the total and each part is
// the within-component of the one-level decomposition (indices/decomposition) for its level pair.
#include <cmath>

#include <gtest/gtest.h>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "indices/multigroup/multigroup_terms.hpp"
#include "io/table_input.hpp"
#include "multilevel/hierarchical_mutual.hpp"

namespace cohesion {
namespace {

TEST(HierarchicalMutual, AddsUpAndMatchesOneLevelDecompositions) {
    TableInput input;
    input.path = std::string(COHESION_EXAMPLE_DATA) + "/bedford/oa2011_ethnicity.csv";
    const Table t = load_table(input);
    std::vector<std::vector<std::string>> labels{t.area_codes(), t.level("LSOA").labels, t.level("MSOA").labels};
    const auto h = build_nested_hierarchy({"OA", "LSOA", "MSOA"}, labels);
    std::vector<std::vector<double>> columns;
    for (std::size_t g = 0; g < t.groups(); ++g) columns.push_back(sum_to_base(h, {t.column(g).begin(), t.column(g).end()}));
    const auto r = decompose_mutual_hierarchy(h, columns);
    ASSERT_EQ(r.terms.size(), 3u);  // between MSOA, LSOA within MSOA, OA within LSOA
    double sum = 0.0;
    for (const auto& term : r.terms) sum += term.M;
    EXPECT_NEAR(sum, r.total_M, 1e-12);
    EXPECT_GT(r.total_M, 0.0);
    EXPECT_NEAR(r.total_H, r.total_M / r.entropy, 1e-15);

    // Level l's areas × groups as a CountMatrix with their parents' labels.
    auto level_matrix = [&](std::size_t l) {
        std::vector<double> cells(h.size(l) * t.groups(), 0.0);
        for (std::size_t g = 0; g < t.groups(); ++g)
            for (std::size_t i = 0; i < h.size(0); ++i) cells[g * h.size(l) + h.ancestor(i, l)] += columns[g][i];
        return make_count_matrix(cells, h.size(l), t.group_names());
    };
    const CountMatrix oa = level_matrix(0);
    EXPECT_NEAR(r.total_M, multigroup_terms::mutual_information(oa), 1e-12);
    for (std::size_t l = 0; l + 1 < h.levels(); ++l) {
        const CountMatrix m = level_matrix(l);
        ASSERT_EQ(m.dropped_units, 0u);
        std::vector<std::string> parent;
        for (std::size_t k = 0; k < h.size(l); ++k) parent.push_back(h.labels[l + 1][h.parent[l][k]]);
        const auto d = decompose_within(m, parent);
        const auto& term = r.terms[h.levels() - 1 - l];  // terms run top down
        EXPECT_EQ(term.between, h.level_names[l]);
        EXPECT_NEAR(term.M, d.within_M, 1e-12) << term.between;
        EXPECT_NEAR(term.H, d.within_M / r.entropy, 1e-12) << term.between;
        if (l + 2 == h.levels()) {
            EXPECT_NEAR(r.terms[0].M, d.between_M, 1e-12);
        }
    }
}

TEST(HierarchicalMutual, ToyByHand) {
    // Two regions, each two areas; groups perfectly separated by region, mixed within.
    const auto h = build_nested_hierarchy({"area", "region"}, {{"a", "b", "c", "d"}, {"r1", "r1", "r2", "r2"}});
    const auto r = decompose_mutual_hierarchy(h, {{5, 5, 0, 0}, {0, 0, 5, 5}});
    EXPECT_NEAR(r.total_M, std::log(2.0), 1e-15);
    EXPECT_NEAR(r.terms[0].M, std::log(2.0), 1e-15);  // between regions
    EXPECT_NEAR(r.terms[1].M, 0.0, 1e-15);            // nothing within
    EXPECT_NEAR(r.total_H, 1.0, 1e-15);
    EXPECT_THROW(decompose_mutual_hierarchy(h, {{1, 1, 1, 1}}), Error);
}

}  // namespace
}  // namespace cohesion

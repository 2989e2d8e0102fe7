// Atkinson index A_b (two-group), for shape parameters b = 0.5 (pysal default), 0.1 and 0.9.
//
//   A_b = 1 − P/(1−P) · | Σ_i (1−p_i)^(1−b) p_i^b t_i / (P T) |^(1/(1−b)),   p_i = x_i / t_i
//
// An unevenness index in which b says whose under-representation counts more: b < 0.5 weights
// units where the focal group is under-represented, b > 0.5 units where it is over-represented.
// Source: Atkinson, A. B. (1970). On the measurement of inequality. Journal of Economic Theory
// 2(3), 244–263; segregation form in Massey, D. S. & Denton, N. A. (1988). The dimensions of
// residential segregation. Social Forces 67(2), 281–315.
// Matches pysal `segregation` Atkinson(b) exactly (to rounding).
#include <cmath>
#include <string>

#include "indices/count_kernels.hpp"
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double atkinson(const IndexInput& in, double b) {
    const TwoGroupColumns c(in.counts);
    // Units without the focal group, or with nobody else, add 0 (p^b or (1−p)^(1−b) is 0): most
    // units for a small group, skipped before any pow(). (1−p)^(1−b) p^b is computed as
    // (1−p)·(p/(1−p))^b, one pow() instead of two. For b = ½ (pysal's default) the term
    // t_i √(p_i (1−p_i)) is √(x_i (t_i − x_i)): no division or pow(), and the loop vectorises
    // (count_kernels.hpp).
    if (b == 0.5) {
        const double r = count_kernels::root_product_sum(c.x, c.t, c.units) / (c.P * c.T);
        return 1.0 - c.P / (1.0 - c.P) * r * r;
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) {
        const double p = c.x[i] / c.t[i];
        if (!(p > 0.0) || !(p < 1.0)) continue;
        sum += (1.0 - p) * std::pow(p / (1.0 - p), b) * c.t[i];
    }
    return 1.0 - c.P / (1.0 - c.P) * std::pow(std::abs(sum / (c.P * c.T)), 1.0 / (1.0 - b));
}

// One definition per b so each variant is a separate index on the CLI and in reports.
IndexDefinition atkinson_definition(std::string name, std::string b_text, double b, std::string library_name) {
    return IndexDefinition{
        IndexInfo{.name = std::move(name),
                  .title = "Atkinson (b = " + b_text + ")",
                  .description = "Unevenness of the focal group across units; b = " + b_text +
                                 " sets whether under- (b < 0.5) or over-representation (b > 0.5) weighs more.",
                  .formula = "A = 1 - P/(1-P) * | sum_i (1-p_i)^(1-b) p_i^b t_i / (P T) |^(1/(1-b)), b = " + b_text,
                  .reference = "Atkinson, A. B. (1970). On the measurement of inequality. Journal of Economic Theory "
                               "2(3), 244-263; Massey, D. S. & Denton, N. A. (1988). The dimensions of residential "
                               "segregation. Social Forces 67(2), 281-315.",
                  .library_name = std::move(library_name),
                  .groups = IndexGroups::two_group},
        [b](const IndexInput& in) { return atkinson(in, b); },
        {}};
}

// pysal has one class with a b argument; the name must stay unique in the registry, whose
// lookup also matches library_name, so only b = 0.5 carries the bare "Atkinson".
const IndexRegistration registration_b05{atkinson_definition("atkinson", "0.5", 0.5, "Atkinson")};
const IndexRegistration registration_b01{atkinson_definition("atkinson_b01", "0.1", 0.1, "Atkinson(b=0.1)")};
const IndexRegistration registration_b09{atkinson_definition("atkinson_b09", "0.9", 0.9, "Atkinson(b=0.9)")};

}  // namespace
}  // namespace cohesion

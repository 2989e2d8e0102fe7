// Delta index (Hoover's concentration index, two-group).
//
//   DEL = ½ Σ_i | x_i/X − a_i/A |,   a_i = land area of unit i, A = Σ a_i
//
// The share of the focal group that would have to move to have the same density everywhere:
// a dissimilarity index between the group and land area.
// Source: Hoover, E. M. (1941). Interstate redistribution of population, 1850–1940. Journal of
// Economic History 1(2), 199–205; as used in Massey, D. S. & Denton, N. A. (1988). The dimensions
// of residential segregation. Social Forces 67(2), 281–315.
// Areas come in IndexParams::unit_areas either per CountMatrix unit (populated units only) or per
// row of the source table (units + dropped_units, mapped through CountMatrix::unit_rows). Only the
// second counts the land of unpopulated units, as pysal does (its A is the whole study area and
// each empty unit adds |0 − a_i/A|); with it the value matches pysal `segregation` Delta exactly
// given the same areas. With per-unit areas the empty land is left out of A.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/message_text.hpp"
#include "indices/registry.hpp"
#include "indices/twogroup/two_group_columns.hpp"

namespace cohesion {
namespace {

double delta(const IndexInput& in) {
    const TwoGroupColumns c(in.counts);
    const auto areas = in.params.unit_areas;
    const std::size_t table_rows = c.units + in.counts.dropped_units;
    const bool per_table_row =
        in.counts.dropped_units > 0 && areas.size() == table_rows && in.counts.unit_rows.size() == c.units;
    if (areas.empty())
        throw Error("the delta index needs the land area of every unit (unit areas), and none were given");
    if (areas.size() != c.units && !per_table_row)
        throw Error("the delta index needs one land area per unit: got " + std::to_string(areas.size()) +
                    " areas for " + std::to_string(c.units) + " units with people" +
                    (in.counts.dropped_units > 0 ? " (" + std::to_string(table_rows) + " with the empty ones)" : ""));
    double A = 0.0;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (!std::isfinite(areas[i]) || areas[i] < 0.0)
            throw Error("the delta index needs non-negative land areas; unit " + std::to_string(i + 1) + " has " +
                        number_text(areas[i]));
        A += areas[i];
    }
    if (!(A > 0.0)) throw Error("the delta index needs a total land area above zero");
    double sum = 0.0, populated_land = 0.0;
    for (std::size_t i = 0; i < c.units; ++i) {
        const double a = areas[per_table_row ? in.counts.unit_rows[i] : i];
        sum += std::abs(c.x[i] / c.X - a / A);
        populated_land += a;
    }
    // Empty units hold none of the group, so each adds |0 − a_i/A|: together their land share.
    if (per_table_row) sum += std::max(0.0, (A - populated_land) / A);
    return 0.5 * sum;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "delta",
              .title = "Delta (Hoover)",
              .description = "Share of the focal group that would have to move to live at the same density "
                             "everywhere.",
              .formula = "DEL = 1/2 * sum_i | x_i/X - a_i/A |, a_i = land area of unit i",
              .reference = "Hoover, E. M. (1941). Interstate redistribution of population, 1850-1940. Journal of "
                           "Economic History 1(2), 199-205; Massey, D. S. & Denton, N. A. (1988). The dimensions "
                           "of residential segregation. Social Forces 67(2), 281-315.",
              .library_name = "Delta",
              .groups = IndexGroups::two_group,
              .needs = {.unit_areas = true}},
    delta,
    {}}};

}  // namespace
}  // namespace cohesion

// Location quotients (local, one column per group).
//
//   LQ_im = π_im / π_m = (c_im / t_i) / (T_m / T)
//
// How over- (> 1) or under-represented (< 1) each group is in each area compared with
// the whole study area; the basic map of where a group lives.
// Source: Isard, W. (1960). Methods of Regional Analysis. MIT Press; in segregation
// research e.g. Brown, L. A. & Chung, S.-Y. (2006). Spatial segregation, segregation
// indices and the geographical perspective. Population, Space and Place 12, 125–143.
#include "indices/registry.hpp"

namespace cohesion {
namespace {

LocalColumns location_quotient(const IndexInput& in) {
    const CountMatrix& m = in.counts;
    LocalColumns out;
    for (std::size_t g = 0; g < m.groups; ++g) {
        out.names.push_back(m.group_names[g]);
        auto& column = out.values.emplace_back(m.units);
        const double pi_g = m.group_totals[g] / m.grand_total;
        for (std::size_t i = 0; i < m.units; ++i) column[i] = m.at(i, g) / m.unit_totals[i] / pi_g;
    }
    return out;
}

const IndexRegistration registration{IndexDefinition{
    IndexInfo{.name = "location_quotient",
              .title = "Location quotient",
              .description = "Each group's share in the area divided by its share overall (1 = as in the whole area).",
              .formula = "LQ_im = (c_im / t_i) / (T_m / T)",
              .reference = "Isard, W. (1960). Methods of Regional Analysis. MIT Press.",
              .library_name = "",
              .groups = IndexGroups::multigroup,
              .output = IndexOutput::per_area},
    {},
    location_quotient}};

}  // namespace
}  // namespace cohesion

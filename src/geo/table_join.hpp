#pragma once
// Joining a count table to an area layer by area code. Areas must match exactly;
// unmatched codes on either side are counted and a few are named, because a silent
// partial join drops people. Nothing matching at all is an error.
#include <string>
#include <vector>

#include "core/table.hpp"
#include "geo/area_layer.hpp"

namespace cohesion {

struct TableLayerJoin {
    std::vector<std::size_t> table_rows;   // matched areas, in table order
    std::vector<std::size_t> layer_index;  // the layer feature of each matched area
    std::size_t table_only = 0, layer_only = 0;
    std::vector<std::string> warnings;     // e.g. "12 table areas have no polygon (E0..., ...)"
};

TableLayerJoin join_table_to_layer(const Table& table, const AreaLayer& layer);

}  // namespace cohesion

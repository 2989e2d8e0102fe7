#include "geo/table_join.hpp"

#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

namespace {
std::string examples(const std::vector<std::string>& codes) {
    std::string out;
    for (std::size_t k = 0; k < codes.size() && k < 5; ++k) out += (k ? ", " : "") + codes[k];
    if (codes.size() > 5) out += ", ...";
    return out;
}
}  // namespace

TableLayerJoin join_table_to_layer(const Table& table, const AreaLayer& layer) {
    std::unordered_map<std::string_view, std::size_t> feature;
    for (std::size_t i = 0; i < layer.size(); ++i) feature.emplace(layer.codes[i], i);
    TableLayerJoin join;
    std::vector<char> used(layer.size(), 0);
    std::vector<std::string> missing_polygon, missing_row;
    for (std::size_t row = 0; row < table.areas(); ++row) {
        const auto it = feature.find(table.area_codes()[row]);
        if (it == feature.end()) {
            missing_polygon.push_back(table.area_codes()[row]);
            continue;
        }
        join.table_rows.push_back(row);
        join.layer_index.push_back(it->second);
        used[it->second] = 1;
    }
    for (std::size_t i = 0; i < layer.size(); ++i)
        if (!used[i]) missing_row.push_back(layer.codes[i]);
    join.table_only = missing_polygon.size();
    join.layer_only = missing_row.size();
    if (join.table_rows.empty()) {
        // The usual cause with national data: output-area rows and LSOA (or MSOA) polygons.
        // A level of the table whose values are the layer's codes says what to aggregate to.
        for (const auto& level : table.levels()) {
            std::size_t matched = 0;
            for (std::size_t row = 0; row < level.labels.size() && row < 2000; ++row)
                matched += feature.contains(level.labels[row]);
            if (matched > 0)
                throw Error(Location{layer.source, 0, layer.code_field},
                            "no area code of the table matches the layer: the table's areas look like '" +
                                table.area_codes()[0] + "' and the polygons are " + level.name + "s (like '" +
                                layer.codes[0] + "'); add " + field_ref("aggregate") + " " + level.name +
                                " to sum the table's areas to the polygons' level");
        }
        throw Error(Location{layer.source, 0, layer.code_field},
                    "no area code of the table matches the layer (table codes look like '" +
                        (table.areas() ? table.area_codes()[0] : std::string()) + "', layer codes like '" +
                        layer.codes[0] + "'); choose the code field with " + field_ref("code_field") + ", or " +
                        field_ref("aggregate") + " LEVEL where "
                        "the polygons are of a higher level than the table's areas");
    }
    if (!missing_polygon.empty())
        join.warnings.push_back(std::to_string(missing_polygon.size()) + " table areas have no polygon and are left out (" +
                                examples(missing_polygon) + ")");
    if (!missing_row.empty())
        join.warnings.push_back(std::to_string(missing_row.size()) + " polygons have no row in the table (" +
                                examples(missing_row) + ")");
    return join;
}

}  // namespace cohesion

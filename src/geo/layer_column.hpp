#pragma once
// One attribute column of a vector layer keyed by area code — to map results that were
// written as layers by earlier commands (e.g. change.geojson's `pace`) in the report.
#include <map>
#include <string>

namespace cohesion {

struct LayerColumn {
    bool numeric = false;
    std::map<std::string, std::string> text;  // code -> value as written ("" = null)
    std::map<std::string, double> number;     // code -> value, numeric columns only
};

// Throws Error naming the layer when it cannot be opened or lacks either field.
LayerColumn read_layer_column(const std::string& source, const std::string& code_field, const std::string& column);

// Whether the layer's first table has the field (false when it cannot be opened).
bool layer_has_field(const std::string& source, const std::string& field);

}  // namespace cohesion

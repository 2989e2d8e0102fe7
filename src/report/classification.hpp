#pragma once
// Class breaks for choropleth maps: quantiles (equal counts) and Fisher–Jenks natural
// breaks (Jenks 1977; the optimal partition minimising within-class squared deviation,
// Fisher 1958, by dynamic programming). NaN values (no data) are ignored. Breaks are the
// k + 1 class edges, from the minimum to the maximum; fewer classes come back when there
// are fewer distinct values.
#include <cstddef>
#include <string>
#include <vector>

namespace cohesion {

std::vector<double> quantile_breaks(const std::vector<double>& values, std::size_t classes);
// Values beyond `max_values` distinct points are sampled evenly (sorted order) first, so
// the O(k n²) optimisation stays fast on national layers.
std::vector<double> natural_breaks(const std::vector<double>& values, std::size_t classes,
                                   std::size_t max_values = 3000);
// Class of a value (0-based) for breaks from the functions above; -1 for NaN.
int class_of(double value, const std::vector<double>& breaks);

// The one classification of a numeric map, shared by the report's figures and the API
// (which hands it to the dashboard), so the same data looks the same in both: natural
// breaks into `classes` classes on a viridis ramp. When many tied values (typically
// zeros) would merge classes, the breaks are taken over the distinct values instead, so
// ties never collapse the map into one or two colours.
struct MapClasses {
    std::vector<double> breaks;        // k + 1 edges, minimum to maximum
    std::vector<std::string> colours;  // k colours, "#rrggbb"
};
MapClasses map_classes(const std::vector<double>& values, std::size_t classes = 5);

}  // namespace cohesion

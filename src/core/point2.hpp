#pragma once
// A point in a projected coordinate system (metres): candidate sites, demand points.
// In core because geography (site layers) and targeting (location models) both use it
// and neither may depend on the other.
namespace cohesion {

struct Point2 {
    double x = 0.0, y = 0.0;
};

}  // namespace cohesion

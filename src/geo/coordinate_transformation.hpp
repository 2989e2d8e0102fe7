#pragma once
// Coordinate transformations made once per process. Making one searches PROJ's database for
// the operation (milliseconds each, and a run makes the same few dozens of times: every layer
// read, every map file written, every thread of a projection); copying a made one is cheap.
// Each caller gets its own copy, since a transformation must not be shared between threads.
#include <ogr_spatialref.h>

#include <memory>

namespace cohesion {

// Null when GDAL cannot make the transformation (as OGRCreateCoordinateTransformation; the
// failure is not remembered, so its message is raised again for the next caller).
std::unique_ptr<OGRCoordinateTransformation> make_transformation(const OGRSpatialReference& from,
                                                                 const OGRSpatialReference& to);

}  // namespace cohesion

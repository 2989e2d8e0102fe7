#include "geo/coordinate_transformation.hpp"

#include <cpl_conv.h>

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace cohesion {

namespace {

// The CRS as WKT with its axis order: two references that print the same transform the same.
std::string key_of(const OGRSpatialReference& crs) {
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2018", nullptr};
    crs.exportToWkt(&wkt, options);
    std::string key = wkt ? wkt : "";
    CPLFree(wkt);
    for (int axis : crs.GetDataAxisToSRSAxisMapping()) key += "|" + std::to_string(axis);
    return key;
}

}  // namespace

std::unique_ptr<OGRCoordinateTransformation> make_transformation(const OGRSpatialReference& from,
                                                                 const OGRSpatialReference& to) {
    static std::mutex lock;
    static std::map<std::pair<std::string, std::string>, std::unique_ptr<OGRCoordinateTransformation>> made;
    auto key = std::make_pair(key_of(from), key_of(to));
    {
        const std::lock_guard<std::mutex> hold(lock);
        if (const auto it = made.find(key); it != made.end())
            return std::unique_ptr<OGRCoordinateTransformation>(it->second->Clone());
    }
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&from, &to));
    if (!t) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> copy(t->Clone());
    const std::lock_guard<std::mutex> hold(lock);
    made.try_emplace(std::move(key), std::move(t));
    return copy;
}

}  // namespace cohesion

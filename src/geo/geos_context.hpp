#pragma once
// RAII for GEOS's re-entrant C API: a context handle per thread, and owned geometries.
// GEOS geometries are plain immutable objects once built, so geometries made in one
// context may be read from others; each thread needs its own handle for the calls.
#include <memory>

#include <geos_c.h>

namespace cohesion::geos {

class Context {
public:
    Context() : handle_(GEOS_init_r()) {}
    ~Context() { GEOS_finish_r(handle_); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    GEOSContextHandle_t get() const noexcept { return handle_; }

private:
    GEOSContextHandle_t handle_;
};

struct GeometryDeleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g) GEOSGeom_destroy_r(handle, g);
    }
};
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t handle;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g) GEOSPreparedGeom_destroy_r(handle, g);
    }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline Geometry own(GEOSContextHandle_t h, GEOSGeometry* g) { return Geometry(g, GeometryDeleter{h}); }

}  // namespace cohesion::geos

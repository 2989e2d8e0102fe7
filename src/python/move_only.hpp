#pragma once
// AreaLayer holds unique_ptr geometries (and SpatialData an AreaLayer), yet
// std::is_copy_constructible says yes because vector's copy constructor is not
// constrained; tell pybind11 to move them, never copy. Included by every binding file
// that names these types, so all translation units agree.
#include <pybind11/pybind11.h>

#include <type_traits>

#include "analysis/spatial_data.hpp"

template <>
struct pybind11::detail::is_copy_constructible<cohesion::AreaLayer> : std::false_type {};
template <>
struct pybind11::detail::is_copy_constructible<cohesion::SpatialData> : std::false_type {};

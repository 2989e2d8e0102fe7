#pragma once
// An AtlasUnit as bytes and back, exactly: how MPI ranks send their units to rank 0
// (src/cli/batch_runner_mpi.cpp). JSON (nlohmann), doubles printed with 17 significant
// digits so they read back bit-for-bit; NaN (an undefined index or interval) travels as
// null. Only the unit's computed fields travel; ranks and peers are made on rank 0.
#include <string>

#include "atlas/atlas_unit.hpp"

namespace cohesion {

std::string encode_unit(const AtlasUnit& unit);
// Throws Error when `bytes` is not an encoded unit.
AtlasUnit decode_unit(const std::string& bytes);

}  // namespace cohesion

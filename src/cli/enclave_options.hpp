#pragma once
// The enclave rule's options, shared by `enclaves`, `emerging` and `report`: LISA instead
// of G*, the smallest enclave, the least location quotient of a member area, and a
// place layer (e.g. wards) that names the enclaves.
#include <CLI/CLI.hpp>

#include <string>

#include "analysis/spatial_data.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion::cli {

struct EnclaveOptionValues {
    EnclaveOptions options;
    std::string places;  // --places FILE ("" = none)
};

// --min-lq and --places; with `shape`, also --lisa and --min-areas.
void add_enclave_options(CLI::App& command, EnclaveOptionValues& values, bool shape = true);
// Fills options.places (one place name per table area of `data`) from the --places layer.
void apply_places(EnclaveOptionValues& values, const SpatialData& data);

}  // namespace cohesion::cli

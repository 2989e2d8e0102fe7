#include "cli/enclave_options.hpp"

#include "geo/place_layer.hpp"

namespace cohesion::cli {

void add_enclave_options(CLI::App& command, EnclaveOptionValues& v, bool shape) {
    auto* g = "Enclaves";
    if (shape) {
        command.add_flag("--lisa", v.options.use_lisa, "Use LISA HH clusters instead of Getis-Ord G* hot spots")->group(g);
        command.add_option("--min-areas", v.options.min_areas, "Smallest number of areas that makes an enclave")
            ->default_val(2)->check(CLI::Range(1, 100000))->group(g);
    }
    command.add_option("--min-lq", v.options.min_lq,
                       "An enclave's areas must have at least this location quotient (area share / town share) besides "
                       "being hot spots; 0 = hot spots above the town share")
        ->default_val(1.5)->check(CLI::Range(0.0, 1000.0))->group(g);
    command.add_option("--places", v.places,
                       "Layer of named places (e.g. wards, a name field ending in NM or 'name'): enclaves are named "
                       "after the places they cover, and the report's maps carry the names")
        ->check(CLI::ExistingFile)->group(g);
}

void apply_places(EnclaveOptionValues& v, const SpatialData& data) {
    if (v.places.empty()) return;
    const AreaLayer areas = subset_layer(data.layer, data.feature);
    v.options.places = place_of_areas(areas, load_place_layer(v.places, areas.crs));
}

}  // namespace cohesion::cli

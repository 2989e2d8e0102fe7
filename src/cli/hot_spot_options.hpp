#pragma once
// Options and helpers shared by `hotspots` and `enclaves`: the focal group, the
// permutation test settings, and the group's share per area.
#include <CLI/CLI.hpp>

#include "analysis/group_share.hpp"
#include "analysis/hot_spot_tables.hpp"
#include "autocorrelation/hot_spots.hpp"
#include "cli/spatial_options.hpp"

namespace cohesion::cli {

struct HotSpotOptionValues {
    std::string group;
    HotSpotOptions options;
    bool raw_p = false;
};

void add_hot_spot_options(CLI::App& command, HotSpotOptionValues& values);

}  // namespace cohesion::cli

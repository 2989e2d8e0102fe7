#pragma once
// Options and helpers shared by `hotspots` and `enclaves`: the focal group, the
// permutation test settings, and the group's share per area.
#include <CLI/CLI.hpp>

#include "autocorrelation/hot_spots.hpp"
#include "cli/spatial_options.hpp"

namespace cohesion::cli {

struct HotSpotOptionValues {
    std::string group;
    HotSpotOptions options;
    bool raw_p = false;
};

void add_hot_spot_options(CLI::App& command, HotSpotOptionValues& values);
std::vector<std::string> hot_spot_notes(const HotSpotOptions& options);

struct GroupShare {
    std::vector<double> count, total, share;
    std::string description;  // which total the share divides by
};
// Share of `group` in each area, over the declared total (e.g. Persons) when present.
// Zero-population areas get share 0 (documented in docs/conventions.md).
GroupShare group_share(const Table& table, const std::string& group);

}  // namespace cohesion::cli

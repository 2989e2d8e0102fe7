#pragma once
// A small finished atlas (three local authorities, no bootstrap, no randomisation: so the ranking rule ranks by people and share alone, and the map has classes)
// for the tests of what reads an atlas back: `atlas --from`, atlas.html, `serve --atlas`.
// About 3 s; made once per test process.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "run_cli.hpp"

namespace cohesion::test {

inline std::filesystem::path small_atlas() {
    static const std::filesystem::path folder = [] {
        const auto out = scratch_dir() / "small_atlas";
        const CliRun run = run_cli("atlas " + shared_data() + "/ew2011_oa_ethnicity.csv.gz --where "
                                   "'LAD=Bedford,Luton,Watford' --randomisation 0 --peers 2 --out " + out.string());
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return out;
    }();
    return folder;
}

}  // namespace cohesion::test

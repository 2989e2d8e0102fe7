#pragma once
// The national 2011 output-area table (181,408 areas × 14 groups), loaded once per
// benchmark program from ../shared/data (or COHESION_SHARED_DATA).
#include "core/table.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/shared_data.hpp"

namespace cohesion::bench {

inline std::string national_oa_path() {
    return (test::shared_data_dir() / "ew2011_oa_ethnicity.csv.gz").string();
}

inline const Table& national_oa() {
    static const Table table = load_wide_csv(national_oa_path());
    return table;
}

}  // namespace cohesion::bench

#pragma once
// The Bedford 2011 output-area table (501 OAs) every reference test uses, loaded once.
#include "core/table.hpp"
#include "core/table_operations.hpp"
#include "io/wide_csv_loader.hpp"
#include "support/shared_data.hpp"

namespace cohesion::test {

inline const Table& bedford_oa_2011() {
    static const Table table = [] {
        const auto path = shared_data_dir() / "ew2011_oa_ethnicity.csv.gz";
        return filter_areas(load_wide_csv(path.string()), "LAD", "Bedford");
    }();
    return table;
}

// Relative comparison used for all reference values (1e-9 relative, per the issue).
inline bool near_relative(double actual, double expected, double rel = 1e-9) {
    const double scale = std::max(std::abs(expected), 1e-300);
    return std::abs(actual - expected) <= rel * scale;
}

}  // namespace cohesion::test

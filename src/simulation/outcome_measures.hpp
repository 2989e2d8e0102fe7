#pragma once
// What a simulated or projected town is scored on: each area's group shares, the mean
// absolute error of those shares against the census, and the indices the issue names —
// dissimilarity D and isolation xPx of each group against the rest (Duncan & Duncan 1955;
// Bell 1954) and the multigroup mutual information index M (Theil 1971; Mora & Ruiz-Castillo
// 2011) — computed through the index registry so they match `cohesion indices`.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cohesion {

// Counts are column-major [g * areas + i]. Areas with nobody get shares 0.
std::vector<double> area_shares(const std::vector<double>& counts, std::size_t areas, std::size_t groups);
std::vector<double> to_double(const std::vector<std::int64_t>& counts);

// Per area, mean over groups of |a_ig − b_ig| (the bootstrap resamples these).
std::vector<double> area_share_errors(const std::vector<double>& shares_a, const std::vector<double>& shares_b,
                                      std::size_t areas, std::size_t groups);
double mean(const std::vector<double>& values);

struct IndexValues {
    std::vector<double> dissimilarity, isolation;  // per group, vs the rest of the population
    double mutual_information = 0.0;
};
IndexValues index_values(const std::vector<double>& counts, std::size_t areas, std::size_t groups);

}  // namespace cohesion

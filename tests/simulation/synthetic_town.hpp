#pragma once
// A synthetic town for model tests: an R × C grid of areas (1 km apart) with rook+diagonal
// (queen) neighbours, two or more groups, capacity a little above households.
#include <cstdint>
#include <vector>

#include "simulation/residential_model.hpp"

namespace cohesion::test {

inline SimulationSetup grid_town(std::size_t rows, std::size_t cols, std::int64_t households_per_area,
                                 std::size_t groups = 2, int years = 10) {
    SimulationSetup s;
    const std::size_t n = rows * cols;
    std::vector<std::vector<std::size_t>> lists(n);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const std::size_t i = r * cols + c;
            s.area_codes.push_back("A" + std::to_string(i));
            s.x_km.push_back(static_cast<double>(c));
            s.y_km.push_back(static_cast<double>(r));
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const long rr = static_cast<long>(r) + dr, cc = static_cast<long>(c) + dc;
                    if (rr < 0 || cc < 0 || rr >= static_cast<long>(rows) || cc >= static_cast<long>(cols)) continue;
                    lists[i].push_back(static_cast<std::size_t>(rr) * cols + static_cast<std::size_t>(cc));
                }
        }
    s.neighbourhood = row_standardised(weights_from_lists(lists, s.area_codes, "queen incl. self"));
    for (std::size_t g = 0; g < groups; ++g) s.group_names.push_back("G" + std::to_string(g));
    s.start.assign(n * groups, 0);
    for (std::size_t i = 0; i < n; ++i) {
        // Group 0 everywhere, the others richer towards the east.
        std::int64_t left = households_per_area;
        for (std::size_t g = groups; g-- > 1;) {
            const auto share = 0.1 + 0.3 * static_cast<double>(i % cols) / static_cast<double>(cols) / static_cast<double>(g);
            const auto h = static_cast<std::int64_t>(static_cast<double>(households_per_area) * share / static_cast<double>(groups - 1));
            s.start[g * n + i] = h;
            left -= h;
        }
        s.start[i] = left;
        s.capacity_start.push_back(static_cast<double>(households_per_area) * 1.03);
        s.capacity_end.push_back(static_cast<double>(households_per_area) * 1.10);
        s.private_share.push_back(0.1 + 0.3 * static_cast<double>(i % 3) / 2);
        s.social_share.push_back(0.15);
    }
    s.group_growth.assign(groups, 1.0);
    if (groups > 1) s.group_growth[1] = 1.04;
    s.years = years;
    return s;
}

}  // namespace cohesion::test

#include "inference/resampling.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

std::int64_t draw_binomial(std::int64_t n, double p, Engine& engine) {
    if (n <= 0 || !(p > 0.0)) return 0;
    if (p >= 1.0) return n;
    // Small expected counts (most cells of a census table): inversion is exact and cheaper
    // than setting up the general algorithm.
    if (static_cast<double>(n) * p < 16.0 && n > 64) {
        const double q = 1.0 - p;
        const double s = p / q;
        const double a = static_cast<double>(n + 1) * s;
        double r = std::pow(q, static_cast<double>(n));
        if (r > 0.0) {
            std::uniform_real_distribution<double> uniform(0.0, 1.0);
            double u = uniform(engine);
            std::int64_t x = 0;
            while (u > r) {
                u -= r;
                ++x;
                if (x > n) return n;
                r *= (a / static_cast<double>(x) - s);
            }
            return x;
        }
    }
    return std::binomial_distribution<std::int64_t>(n, p)(engine);
}

void draw_multinomial(std::int64_t n, std::span<const double> weights, std::span<double> out, Engine& engine) {
    double remaining_weight = 0.0;
    for (double w : weights) remaining_weight += w;
    std::int64_t remaining = n;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (remaining <= 0 || !(remaining_weight > 0.0)) {
            out[k] = 0.0;
            continue;
        }
        const double p = std::min(1.0, weights[k] / remaining_weight);
        const std::int64_t x = k + 1 == weights.size() ? remaining : draw_binomial(remaining, p, engine);
        out[k] = static_cast<double>(x);
        remaining -= x;
        remaining_weight -= weights[k];
    }
}

CountMatrix resample_people(const CountMatrix& m, Engine& engine) {
    const auto people = static_cast<std::int64_t>(std::llround(m.grand_total));
    std::vector<double> cells(m.cells.size());
    // Two stages (units, then groups within each unit) draw the same multinomial as one
    // stage over all cells, with shorter remaining-weight sums and better locality.
    std::vector<double> per_unit(m.units);
    draw_multinomial(people, m.unit_totals, per_unit, engine);
    std::vector<double> row(m.groups), drawn(m.groups);
    for (std::size_t i = 0; i < m.units; ++i) {
        if (per_unit[i] <= 0.0) continue;
        for (std::size_t g = 0; g < m.groups; ++g) row[g] = m.cells[g * m.units + i];
        draw_multinomial(static_cast<std::int64_t>(per_unit[i]), row, drawn, engine);
        for (std::size_t g = 0; g < m.groups; ++g) cells[g * m.units + i] = drawn[g];
    }
    return make_count_matrix(std::move(cells), m.units, m.group_names, m.description);
}

CountMatrix allocate_at_random(const CountMatrix& m, Engine& engine) {
    // Whole people per unit and per group; the group sizes are rescaled to the same total
    // as the unit sizes so both margins describe one population.
    std::vector<std::int64_t> unit_size(m.units), group_size(m.groups);
    std::int64_t units_total = 0, groups_total = 0;
    for (std::size_t i = 0; i < m.units; ++i) units_total += unit_size[i] = std::llround(m.unit_totals[i]);
    for (std::size_t g = 0; g < m.groups; ++g) groups_total += group_size[g] = std::llround(m.group_totals[g]);
    if (units_total != groups_total) group_size.back() += units_total - groups_total;
    if (group_size.back() < 0) throw Error("randomisation: the table's margins cannot be rounded consistently");
    // Each unit in turn takes its people one by one, without replacement, from those not yet
    // placed: a person's group is group g with probability (people of g left) / (people left).
    // That is the sequential form of shuffling every person's label and dealing them out in
    // order, so the table has exactly the permutation distribution with both margins fixed, and
    // each unit's composition is a multivariate hypergeometric draw given the units before it.
    // It needs one random number per person and no 2-byte label per person (the shuffle moved
    // ~110 MB at random per national replicate). Groups are searched largest first, so the
    // search usually stops at the first or second group.
    std::vector<std::size_t> order(m.groups);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return group_size[a] > group_size[b]; });
    std::vector<std::uint64_t> left(m.groups);
    for (std::size_t k = 0; k < m.groups; ++k) left[k] = static_cast<std::uint64_t>(group_size[order[k]]);
    auto people_left = static_cast<std::uint64_t>(units_total);
    FastRandom random(engine);
    std::vector<double> cells(m.cells.size(), 0.0);
    std::vector<std::uint64_t> drawn(m.groups);
    for (std::size_t i = 0; i < m.units; ++i) {
        std::fill(drawn.begin(), drawn.end(), 0);
        for (std::int64_t person = 0; person < unit_size[i]; ++person) {
            std::uint64_t u = random.below(people_left);
            std::size_t k = 0;
            while (u >= left[k]) u -= left[k++];
            --left[k];
            --people_left;
            ++drawn[k];
        }
        for (std::size_t k = 0; k < m.groups; ++k) cells[order[k] * m.units + i] = static_cast<double>(drawn[k]);
    }
    return make_count_matrix(std::move(cells), m.units, m.group_names, m.description);
}

}  // namespace cohesion

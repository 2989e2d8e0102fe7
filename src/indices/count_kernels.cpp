// Inner loops over count columns (count_kernels.hpp). Compiled with -fassociative-math and the
// flags it needs (src/CMakeLists.txt), so the compiler may split each sum into vector lanes.
#include "indices/count_kernels.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#define COHESION_CLONES [[gnu::target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")]]

namespace cohesion::count_kernels {

const double* log_table() {
    static const std::vector<double> table = [] {
        std::vector<double> t(log_table_size, 0.0);
        for (std::size_t k = 1; k < t.size(); ++k) t[k] = std::log(static_cast<double>(k));
        return t;
    }();
    return table.data();
}

namespace {
// Table index of a count: 0 (ln 0 = 0 in the table) unless it is in 0 … 65,535. Branch-free
// so the loops below vectorise; whether c was a whole number in range is
// static_cast<double>(k) == c (k = 0 for c out of range only matches c = 0).
inline std::int32_t table_index(double c) {
    return static_cast<std::int32_t>(c >= 0.0 && c < 65536.0 ? c : 0.0);
}
}  // namespace

COHESION_CLONES
double mutual_information_column(const double* c, const double* log_t, double log_share, std::size_t n,
                                 bool& whole) {
    const double* table = log_table();
    double sum = 0.0;
    unsigned bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t k = table_index(c[i]);
        bad |= static_cast<double>(k) == c[i] ? 0u : 1u;
        sum += c[i] * ((table[k] - log_t[i]) - log_share);
    }
    whole = bad == 0;
    return sum;
}

// ln c_i for n counts: the table for whole counts below 65,536 in one branch-free pass, then
// log_count for the others (none in a census table or a replicate).
COHESION_CLONES
void log_counts(const double* c, double* out, std::size_t n) {
    const double* table = log_table();
    unsigned bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t k = table_index(c[i]);
        bad |= static_cast<double>(k) == c[i] ? 0u : 1u;
        out[i] = table[k];
    }
    if (bad)
        for (std::size_t i = 0; i < n; ++i) out[i] = log_count(c[i]);
}

COHESION_CLONES
double unit_entropy_sum(const double* x, const double* t, std::size_t n, bool& whole) {
    const double* table = log_table();
    double sum = 0.0;
    unsigned bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = t[i] - x[i];
        const std::int32_t kx = table_index(x[i]), ky = table_index(y), kt = table_index(t[i]);
        const bool whole_cells = static_cast<double>(kx) == x[i] && static_cast<double>(ky) == y &&
                                 static_cast<double>(kt) == t[i];
        bad |= whole_cells ? 0u : 1u;
        // Each unit's term is ≥ 0 and computed from three table values, so the sum keeps
        // ~1e-15 relative accuracy (no cancellation between large sums).
        sum += (t[i] * table[kt] - x[i] * table[kx]) - y * table[ky];
    }
    whole = bad == 0;
    return sum;
}

COHESION_CLONES
double root_product_sum(const double* x, const double* t, std::size_t n) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = t[i] - x[i];
        const double product = x[i] > 0.0 && y > 0.0 ? x[i] * y : 0.0;
        sum += std::sqrt(product);
    }
    return sum;
}

COHESION_CLONES
double squared_deviation(const double* c, const double* t, const double* inverse_t, double share, std::size_t n) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = c[i] - share * t[i];
        sum += d * d * inverse_t[i];
    }
    return sum;
}

COHESION_CLONES
double absolute_deviation(const double* c, const double* t, double share, std::size_t n) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += std::abs(c[i] - t[i] * share);
    return sum;
}

namespace {

// Runs block(start, length, partial) for every block of block_units units, in parallel; partial
// points at that block's `width` slots of a zeroed buffer. Returns the slots summed over blocks
// in block order (width entries).
template <class Block>
std::vector<double> sum_over_blocks(std::size_t units, std::size_t width, const Block& block) {
    const std::size_t blocks = (units + block_units - 1) / block_units;
    std::vector<double> partial(blocks * width, 0.0);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks), [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
            const std::size_t start = b * block_units;
            block(start, std::min(block_units, units - start), partial.data() + b * width);
        }
    });
    std::vector<double> total(width, 0.0);
    for (std::size_t b = 0; b < blocks; ++b)
        for (std::size_t k = 0; k < width; ++k) total[k] += partial[b * width + k];
    return total;
}

}  // namespace

std::vector<double> squared_deviations(const CountMatrix& m, std::span<const double> share) {
    return sum_over_blocks(m.units, m.groups, [&](std::size_t start, std::size_t length, double* partial) {
        std::array<double, block_units> inverse_t;
        for (std::size_t i = 0; i < length; ++i) inverse_t[i] = 1.0 / m.unit_totals[start + i];
        for (std::size_t g = 0; g < m.groups; ++g)
            partial[g] = squared_deviation(m.cells.data() + g * m.units + start, m.unit_totals.data() + start,
                                           inverse_t.data(), share[g], length);
    });
}

double absolute_deviations(const CountMatrix& m, std::span<const double> share) {
    const std::vector<double> per_group =
        sum_over_blocks(m.units, m.groups, [&](std::size_t start, std::size_t length, double* partial) {
            for (std::size_t g = 0; g < m.groups; ++g)
                partial[g] = absolute_deviation(m.cells.data() + g * m.units + start, m.unit_totals.data() + start,
                                                share[g], length);
        });
    double sum = 0.0;
    for (double v : per_group) sum += v;
    return sum;
}

double mutual_information_sum(const CountMatrix& m) {
    std::vector<double> log_share(m.groups, 0.0);
    for (std::size_t g = 0; g < m.groups; ++g)
        if (m.group_totals[g] > 0.0) log_share[g] = std::log(m.group_totals[g] / m.grand_total);
    // Slots 0 … K−1: each group's sum; K … 2K−1: 1 where a block of the group was not whole.
    const std::vector<double> slots =
        sum_over_blocks(m.units, 2 * m.groups, [&](std::size_t start, std::size_t length, double* partial) {
            std::array<double, block_units> log_t;
            log_counts(m.unit_totals.data() + start, log_t.data(), length);
            for (std::size_t g = 0; g < m.groups; ++g) {
                if (!(m.group_totals[g] > 0.0)) continue;
                bool whole = true;
                partial[g] = mutual_information_column(m.cells.data() + g * m.units + start, log_t.data(),
                                                       log_share[g], length, whole);
                partial[m.groups + g] = whole ? 0.0 : 1.0;
            }
        });
    double sum = 0.0;
    for (std::size_t g = 0; g < m.groups; ++g) {
        if (!(m.group_totals[g] > 0.0)) continue;
        if (slots[m.groups + g] == 0.0) {
            sum += slots[g];
            continue;
        }
        // Not whole counts: a logarithm per non-empty cell.
        const double* col = m.cells.data() + g * m.units;
        double column = 0.0;
        for (std::size_t i = 0; i < m.units; ++i)
            if (col[i] > 0.0) column += col[i] * ((log_count(col[i]) - log_count(m.unit_totals[i])) - log_share[g]);
        sum += column;
    }
    return sum;
}

double unit_entropy_sum(const CountMatrix& m, bool& whole) {
    const std::vector<double> slots =
        sum_over_blocks(m.units, 2, [&](std::size_t start, std::size_t length, double* partial) {
            bool block_whole = true;
            partial[0] = unit_entropy_sum(m.cells.data() + start, m.unit_totals.data() + start, length, block_whole);
            partial[1] = block_whole ? 0.0 : 1.0;
        });
    whole = slots[1] == 0.0;
    return slots[0];
}

}  // namespace cohesion::count_kernels

#include "sampling/people_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {
namespace {

// Larger means (rare in census tables) draw from std::poisson_distribution instead of a table
// of ~18·√mean entries.
constexpr double largest_tabulated_mean = 4096.0;
// Cells per block of the surplus-removal index (MultinomialSampler::Scratch::blocks).
constexpr std::size_t block = 64;
// An alias entry in one 64-bit word: the keep threshold's top 48 bits (P(keep column) · 2^64,
// rounded down to a multiple of 2^16: an error below 2^-48 per outcome, under the pmf's own
// rounding) and the alias in the low 16 bits. Half the memory of a pair, so the tables of a
// national table's distinct means stay in cache. Tables have at most ~1,200 entries (mean ≤ 4096).
constexpr std::uint64_t alias_bits = 0xFFFF;
constexpr std::uint64_t always_keep = ~alias_bits;
std::uint64_t pack(std::uint64_t threshold, std::uint32_t alias) {
    if (alias > alias_bits) throw Error("internal: alias table too large to pack");
    return threshold == std::numeric_limits<std::uint64_t>::max() ? always_keep : ((threshold & ~alias_bits) | alias);
}

}  // namespace

MultinomialSampler::MultinomialSampler(std::span<const double> weights, std::int64_t n)
    : weights_(weights.size()), n_(n) {
    if (weights.size() > UINT32_MAX) throw Error("table too large to resample");
    // Parameter 0 is the point mass at 0, for zero weights.
    parameters_.push_back(Parameter{0, 1, 0, 0.0});
    entries_.push_back(always_keep);
    parameter_of_.assign(weights.size(), 0);
    long double total = 0.0L;
    for (double w : weights)
        if (w > 0.0) total += w;
    if (!(total > 0.0L)) {
        n_ = 0;
        return;
    }
    // The Poisson total's mean λ may be anything: given S the cells are Multinomial(S, p) for
    // every λ, so the correction makes the table exactly Multinomial(n, p) whatever λ is. λ =
    // n − 2√n makes S < n nearly always (S > n has probability ~2%), and adding a person (one
    // alias draw) is far cheaper than removing one (a sorted sample of positions and a scan).
    const long double lambda = std::max(0.0L, static_cast<long double>(n) - 2.0L * std::sqrt(static_cast<long double>(n)));
    std::unordered_map<double, std::uint32_t> slot;
    exact_null::LatticePmf cell_pmf;
    for (std::size_t c = 0; c < weights.size(); ++c) {
        if (!(weights[c] > 0.0)) continue;
        const double mean = static_cast<double>(weights[c] / total * lambda);
        auto [it, inserted] = slot.try_emplace(mean, static_cast<std::uint32_t>(parameters_.size()));
        if (inserted) {
            Parameter p{static_cast<std::uint32_t>(entries_.size()), 0, 0, mean};
            if (mean <= largest_tabulated_mean) {
                const LatticeAlias table(exact_null::poisson_pmf(mean));
                p.size = static_cast<std::uint32_t>(table.size());
                p.lo = table.lo();
                for (std::size_t k = 0; k < table.size(); ++k) entries_.push_back(pack(table.threshold(k), table.alias(k)));
            }
            parameters_.push_back(p);
        }
        index_.push_back(static_cast<std::uint32_t>(c));
        parameter_of_[c] = it->second;
        cell_pmf.p.push_back(static_cast<double>(weights[c] / total));
    }
    cell_ = LatticeAlias(cell_pmf);
}

inline std::int64_t MultinomialSampler::draw_one(const Parameter& p, FastRandom& random) const {
    if (p.size == 0) return std::poisson_distribution<std::int64_t>(p.mean)(random);  // fresh: no cached state
    // LatticeAlias::draw on the flat layout: the high bits of u·size pick the column, the low
    // bits decide between it and its alias.
    __extension__ using u128 = unsigned __int128;
    const u128 product = static_cast<u128>(random()) * p.size;
    const auto column = static_cast<std::uint32_t>(product >> 64);
    const std::uint64_t e = entries_[p.offset + column];
    const std::uint64_t threshold = e & ~alias_bits;
    const bool keep = static_cast<std::uint64_t>(product) < threshold || threshold == always_keep;
    return p.lo + static_cast<std::int64_t>(keep ? column : (e & alias_bits));
}

void MultinomialSampler::draw(std::mt19937_64& engine, std::span<double> out, Scratch& scratch) const {
    if (out.size() != weights_) throw Error("internal: multinomial draw into a vector of the wrong length");
    draw_impl<false>(engine, out, out.size(), {}, {}, scratch);
}

void MultinomialSampler::draw_table(std::mt19937_64& engine, std::span<double> out, std::size_t rows,
                                    std::span<double> row_sums, std::span<double> column_sums,
                                    Scratch& scratch) const {
    if (out.size() != weights_ || rows == 0 || out.size() % rows != 0 || row_sums.size() != rows ||
        column_sums.size() != out.size() / rows)
        throw Error("internal: multinomial draw into a table of the wrong shape");
    draw_impl<true>(engine, out, rows, row_sums, column_sums, scratch);
}

template <bool sums>
void MultinomialSampler::draw_impl(std::mt19937_64& engine, std::span<double> out, std::size_t rows,
                                   std::span<double> row_sums, std::span<double> column_sums,
                                   Scratch& scratch) const {
    const std::size_t columns = rows == 0 ? 0 : out.size() / rows;
    if constexpr (sums) {
        std::fill(row_sums.begin(), row_sums.end(), 0.0);
        std::fill(column_sums.begin(), column_sums.end(), 0.0);
    }
    if (index_.empty() || n_ <= 0) {
        std::fill(out.begin(), out.end(), 0.0);
        return;
    }
    FastRandom random(engine);
    // Independent Poisson cells (the Poissonised multinomial), with the sums in the same pass.
    // Only cells with a positive weight are drawn (index_, in cell order): a zero-weight cell
    // is always 0, and census tables are ~46% empty cells, so skipping them saves as many
    // draws. Per block of `block` consecutive cells, the people drawn into it: removing surplus
    // people then scans only the blocks that hold one, not the whole table.
    std::fill(out.begin(), out.end(), 0.0);
    auto& blocks = scratch.blocks;
    blocks.assign((out.size() + block - 1) / block, 0);
    std::int64_t total = 0;
    std::size_t next = 0;  // position in index_
    for (std::size_t g = 0; g < columns; ++g) {
        const std::size_t first = g * rows, end = first + rows;
        std::int64_t column_total = 0;
        for (; next < index_.size() && index_[next] < end; ++next) {
            const std::size_t c = index_[next];
            const std::int64_t x = draw_one(parameters_[parameter_of_[c]], random);
            out[c] = static_cast<double>(x);
            if constexpr (sums) row_sums[c - first] += static_cast<double>(x);
            blocks[c / block] += x;
            column_total += x;
        }
        if constexpr (sums) column_sums[g] = static_cast<double>(column_total);
        total += column_total;
    }
    auto adjust = [&](std::size_t c, double by) {
        out[c] += by;
        if constexpr (sums) {
            row_sums[c % rows] += by;
            column_sums[c / rows] += by;
        }
    };
    if (total < n_) {
        // Too few: add people drawn i.i.d. from the cell probabilities.
        for (std::int64_t extra = n_ - total; extra > 0; --extra) adjust(index_[static_cast<std::size_t>(cell_.draw(random()))], 1.0);
    } else if (total > n_) {
        // Too many: remove a uniformly random subset of total − n drawn people. Their positions
        // (people numbered cell by cell) are distinct uniform draws; sorted, one scan finds cells.
        const auto surplus = static_cast<std::size_t>(total - n_);
        auto& picks = scratch.picks;
        picks.clear();
        while (picks.size() < surplus) {
            for (std::size_t k = picks.size(); k < surplus; ++k) picks.push_back(random.below(static_cast<std::uint64_t>(total)));
            std::sort(picks.begin(), picks.end());
            picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        }
        std::uint64_t before = 0;  // people in the blocks before b
        std::size_t next = 0;
        for (std::size_t b = 0; b < blocks.size() && next < surplus; ++b) {
            const std::uint64_t after = before + static_cast<std::uint64_t>(blocks[b]);
            if (picks[next] < after) {
                std::uint64_t running = before;  // people in the cells up to c
                for (std::size_t c = b * block; c < std::min(out.size(), (b + 1) * block) && next < surplus; ++c) {
                    const auto in_cell = static_cast<std::uint64_t>(out[c]);
                    if (in_cell == 0) continue;
                    running += in_cell;
                    std::size_t removed = 0;
                    while (next < surplus && picks[next] < running) ++next, ++removed;
                    if (removed) adjust(c, -static_cast<double>(removed));
                }
            }
            before = after;
        }
    }
}

PeopleSampler::PeopleSampler(const CountMatrix& counts)
    : counts_(counts), sampler_(counts.cells, std::llround(counts.grand_total)) {}

void PeopleSampler::draw_into(std::mt19937_64& engine, CountMatrix& out, MultinomialSampler::Scratch& scratch) const {
    const std::size_t units = counts_.units, groups = counts_.groups;
    out.cells.resize(units * groups);
    out.unit_totals.resize(units);
    out.group_totals.resize(groups);
    sampler_.draw_table(engine, out.cells, units, out.unit_totals, out.group_totals, scratch);
    const bool empty_unit = std::any_of(out.unit_totals.begin(), out.unit_totals.end(), [](double t) { return !(t > 0.0); });
    if (empty_unit || sampler_.trials() <= 0) {
        // The zero-population rule drops units nobody was drawn into (rare): the general path.
        out = make_count_matrix(std::move(out.cells), units, counts_.group_names, counts_.description);
        return;
    }
    out.units = units;
    out.groups = groups;
    out.grand_total = 0.0;
    for (double v : out.group_totals) out.grand_total += v;
    if (out.group_names != counts_.group_names) out.group_names = counts_.group_names;
    if (out.description != counts_.description) out.description = counts_.description;
    if (out.dropped_units != 0 || out.unit_rows.size() != units) {
        out.unit_rows.resize(units);
        std::iota(out.unit_rows.begin(), out.unit_rows.end(), std::size_t{0});
    }
    out.dropped_units = 0;
}

CountMatrix PeopleSampler::draw(std::mt19937_64& engine) const {
    CountMatrix out;
    MultinomialSampler::Scratch scratch;
    draw_into(engine, out, scratch);
    return out;
}

}  // namespace cohesion

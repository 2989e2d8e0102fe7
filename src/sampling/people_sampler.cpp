#include "sampling/people_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {
namespace {

// Larger means (rare in census tables) draw from std::poisson_distribution instead of a table
// of ~18·√mean entries.
constexpr double largest_tabulated_mean = 4096.0;

}  // namespace

MultinomialSampler::MultinomialSampler(std::span<const double> weights, std::int64_t n)
    : weights_(weights.size()), n_(n) {
    if (weights.size() > UINT32_MAX) throw Error("table too large to resample");
    long double total = 0.0L;
    for (double w : weights)
        if (w > 0.0) total += w;
    if (!(total > 0.0L)) {
        n_ = 0;
        return;
    }
    std::unordered_map<double, std::uint32_t> slot;
    exact_null::LatticePmf cell_pmf;
    for (std::size_t c = 0; c < weights.size(); ++c) {
        if (!(weights[c] > 0.0)) continue;
        const double mean = static_cast<double>(weights[c] / total * static_cast<long double>(n));
        auto [it, inserted] = slot.try_emplace(mean, static_cast<std::uint32_t>(means_.size()));
        if (inserted) {
            means_.push_back(mean);
            tables_.push_back(mean <= largest_tabulated_mean ? LatticeAlias(exact_null::poisson_pmf(mean))
                                                             : LatticeAlias());
        }
        index_.push_back(static_cast<std::uint32_t>(c));
        parameter_of_.push_back(it->second);
        cell_pmf.p.push_back(static_cast<double>(weights[c] / total));
    }
    cell_ = LatticeAlias(cell_pmf);
}

void MultinomialSampler::draw(std::mt19937_64& engine, std::span<double> out, Scratch& scratch) const {
    std::fill(out.begin(), out.end(), 0.0);
    const std::size_t m = index_.size();
    if (m == 0 || n_ <= 0) return;
    auto& drawn = scratch.drawn;
    drawn.resize(m);
    std::int64_t total = 0;
    for (std::size_t k = 0; k < m; ++k) {
        const LatticeAlias& table = tables_[parameter_of_[k]];
        // A fresh distribution object for large means: libstdc++'s Poisson caches state, which
        // must not carry over from another replicate.
        const std::int64_t x = table.size()
                                   ? table.draw(engine())
                                   : std::poisson_distribution<std::int64_t>(means_[parameter_of_[k]])(engine);
        drawn[k] = x;
        total += x;
    }
    if (total < n_) {
        for (std::int64_t extra = n_ - total; extra > 0; --extra) ++drawn[static_cast<std::size_t>(cell_.draw(engine()))];
    } else if (total > n_) {
        // Remove people uniformly: a Fenwick tree over the drawn counts finds the cell of
        // the j-th remaining person in O(log m).
        auto& tree = scratch.tree;
        tree.assign(m + 1, 0);
        for (std::size_t k = 0; k < m; ++k) {
            tree[k + 1] += drawn[k];
            const std::size_t parent = (k + 1) + ((k + 1) & (~(k + 1) + 1));
            if (parent <= m) tree[parent] += tree[k + 1];
        }
        std::size_t top = 1;
        while (top * 2 <= m) top *= 2;
        for (std::int64_t remaining = total; remaining > n_; --remaining) {
            std::uniform_int_distribution<std::int64_t> pick(0, remaining - 1);
            std::int64_t target = pick(engine);
            std::size_t position = 0;
            for (std::size_t step = top; step > 0; step /= 2)
                if (position + step <= m && tree[position + step] <= target) {
                    position += step;
                    target -= tree[position];
                }
            --drawn[position];  // position is the 0-based cell holding that person
            for (std::size_t i = position + 1; i <= m; i += i & (~i + 1)) --tree[i];
        }
    }
    for (std::size_t k = 0; k < m; ++k) out[index_[k]] = static_cast<double>(drawn[k]);
}

PeopleSampler::PeopleSampler(const CountMatrix& counts)
    : counts_(counts), sampler_(counts.cells, std::llround(counts.grand_total)) {}

void PeopleSampler::draw_cells(std::mt19937_64& engine, std::vector<double>& cells,
                               MultinomialSampler::Scratch& scratch) const {
    cells.resize(counts_.cells.size());
    sampler_.draw(engine, cells, scratch);
}

CountMatrix PeopleSampler::draw(std::mt19937_64& engine) const {
    std::vector<double> cells;
    MultinomialSampler::Scratch scratch;
    draw_cells(engine, cells, scratch);
    return make_count_matrix(std::move(cells), counts_.units, counts_.group_names, counts_.description);
}

}  // namespace cohesion

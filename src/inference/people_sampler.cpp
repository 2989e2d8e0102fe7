#include "inference/people_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

PeopleSampler::PeopleSampler(const CountMatrix& counts)
    : counts_(counts), people_(std::llround(counts.grand_total)) {
    if (counts.cells.size() > UINT32_MAX) throw Error("table too large to resample");
    const double scale = static_cast<double>(people_) / counts.grand_total;
    std::unordered_map<double, std::uint32_t> index;
    for (std::size_t c = 0; c < counts.cells.size(); ++c) {
        if (!(counts.cells[c] > 0.0)) continue;
        const double mean = counts.cells[c] * scale;
        auto [it, inserted] = index.try_emplace(mean, static_cast<std::uint32_t>(parameters_.size()));
        if (inserted) parameters_.emplace_back(mean);
        cell_.push_back(static_cast<std::uint32_t>(c));
        parameter_of_cell_.push_back(it->second);
    }
    cdf_.resize(parameters_.size());
    for (std::size_t k = 0; k < parameters_.size(); ++k) {
        const double mean = parameters_[k].mean();
        if (mean > 64.0) continue;
        // P(X ≤ x) up to where the remaining tail is below double precision.
        double p = std::exp(-mean), cumulative = p;
        auto& table = cdf_[k];
        table.push_back(cumulative);
        for (int x = 1; cumulative < 1.0 - 1e-15 && x < 400; ++x) {
            p *= mean / x;
            cumulative += p;
            table.push_back(cumulative);
        }
    }
    // Vose's alias table over the non-empty cells, probabilities c / T.
    const std::size_t m = cell_.size();
    alias_probability_.resize(m);
    alias_.resize(m);
    std::vector<double> scaled(m);
    std::vector<std::uint32_t> small, large;
    for (std::size_t k = 0; k < m; ++k) {
        scaled[k] = counts.cells[cell_[k]] / counts.grand_total * static_cast<double>(m);
        (scaled[k] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(k));
    }
    while (!small.empty() && !large.empty()) {
        const std::uint32_t s = small.back(), l = large.back();
        small.pop_back();
        alias_probability_[s] = scaled[s];
        alias_[s] = l;
        scaled[l] = (scaled[l] + scaled[s]) - 1.0;
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (auto k : large) alias_probability_[k] = 1.0, alias_[k] = k;
    for (auto k : small) alias_probability_[k] = 1.0, alias_[k] = k;
}

std::size_t PeopleSampler::draw_cell(std::mt19937_64& engine) const {
    std::uniform_int_distribution<std::size_t> column(0, cell_.size() - 1);
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    const std::size_t k = column(engine);
    return coin(engine) < alias_probability_[k] ? k : alias_[k];
}

CountMatrix PeopleSampler::draw(std::mt19937_64& engine) const {
    const std::size_t m = cell_.size();
    std::vector<std::int64_t> drawn(m);
    std::int64_t total = 0;
    // Fresh distribution objects per replicate: libstdc++'s Poisson keeps a cached normal
    // deviate, which must not carry over from another replicate.
    std::poisson_distribution<std::int64_t> poisson;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (std::size_t k = 0; k < m; ++k) {
        const std::uint32_t parameter = parameter_of_cell_[k];
        const auto& table = cdf_[parameter];
        std::int64_t x;
        if (!table.empty()) {
            const double u = uniform(engine);
            const auto it = std::upper_bound(table.begin(), table.end(), u);
            x = it != table.end() ? it - table.begin() : poisson(engine, parameters_[parameter]);
        } else {
            x = poisson(engine, parameters_[parameter]);
        }
        drawn[k] = x;
        total += x;
    }
    if (total < people_) {
        for (std::int64_t extra = people_ - total; extra > 0; --extra) ++drawn[draw_cell(engine)];
    } else if (total > people_) {
        // Remove people uniformly: a Fenwick tree over the drawn counts finds the cell of
        // the j-th remaining person in O(log m).
        std::vector<std::int64_t> tree(m + 1, 0);
        for (std::size_t k = 0; k < m; ++k) {
            tree[k + 1] += drawn[k];
            const std::size_t parent = (k + 1) + ((k + 1) & (~(k + 1) + 1));
            if (parent <= m) tree[parent] += tree[k + 1];
        }
        std::size_t top = 1;
        while (top * 2 <= m) top *= 2;
        for (std::int64_t remaining = total; remaining > people_; --remaining) {
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
    std::vector<double> cells(counts_.cells.size(), 0.0);
    for (std::size_t k = 0; k < m; ++k) cells[cell_[k]] = static_cast<double>(drawn[k]);
    return make_count_matrix(std::move(cells), counts_.units, counts_.group_names, counts_.description);
}

}  // namespace cohesion

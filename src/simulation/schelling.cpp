#include "simulation/schelling.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "sampling/random.hpp"

namespace cohesion {

namespace {

struct Torus {
    int L;
    std::vector<std::int8_t>& g;
    // Like and occupied neighbours of cell c for group `who`.
    std::pair<int, int> neighbours(int c, int who) const {
        const int x = c % L, y = c / L;
        int like = 0, occupied = 0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                if (!dx && !dy) continue;
                const int v = g[((y + dy + L) % L) * L + (x + dx + L) % L];
                if (v < 0) continue;
                ++occupied;
                like += v == who;
            }
        return {like, occupied};
    }
    bool content(int c, double threshold) const {
        const auto [like, occupied] = neighbours(c, g[c]);
        return occupied == 0 || like >= threshold * occupied - 1e-12;
    }
};

}  // namespace

SchellingResult run_schelling(const SchellingOptions& o) {
    if (o.size < 3 || o.size > 4096) throw Error("schelling: size must be 3 to 4096");
    if (!(o.empty > 0 && o.empty < 1)) throw Error("schelling: the share of empty cells must be between 0 and 1");
    SchellingResult r;
    const int cells = o.size * o.size;
    r.grid.assign(cells, -1);
    auto rng = replicate_engine(o.seed, 0);
    const int agents = static_cast<int>(cells * (1 - o.empty));
    const int ones = static_cast<int>(agents * o.minority);
    for (int c = 0; c < agents; ++c) r.grid[c] = c < ones ? 1 : 0;
    std::shuffle(r.grid.begin(), r.grid.end(), rng);
    Torus t{o.size, r.grid};
    const auto measure = [&] {
        double sim = 0;
        int counted = 0, unhappy = 0;
        for (int c = 0; c < cells; ++c) {
            if (r.grid[c] < 0) continue;
            const auto [like, occupied] = t.neighbours(c, r.grid[c]);
            if (occupied > 0) {
                sim += static_cast<double>(like) / occupied;
                ++counted;
            }
            unhappy += !t.content(c, o.threshold);
        }
        r.similarity.push_back(counted ? sim / counted : 0.0);
        r.discontented.push_back(static_cast<double>(unhappy) / agents);
        return unhappy;
    };
    measure();
    std::vector<int> empty_cells, order;
    for (int sweep = 0; sweep < o.sweeps; ++sweep) {
        order.clear();
        empty_cells.clear();
        for (int c = 0; c < cells; ++c) {
            if (r.grid[c] < 0) empty_cells.push_back(c);
            else if (!t.content(c, o.threshold)) order.push_back(c);
        }
        if (order.empty()) break;
        std::shuffle(order.begin(), order.end(), rng);
        for (int c : order) {
            if (r.grid[c] < 0 || t.content(c, o.threshold)) continue;  // may have become content
            const std::size_t e = std::uniform_int_distribution<std::size_t>(0, empty_cells.size() - 1)(rng);
            std::swap(r.grid[c], r.grid[empty_cells[e]]);
            empty_cells[e] = c;
        }
        ++r.sweeps_run;
        if (measure() == 0) break;
    }
    for (auto v : r.grid)
        if (v >= 0) ++r.agents[v];
    return r;
}

}  // namespace cohesion

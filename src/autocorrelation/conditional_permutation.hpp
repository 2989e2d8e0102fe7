#pragma once
// Drawing the neighbours of a conditional permutation: for area i with k_i
// neighbours, k_i distinct values from the other n − 1 areas (Anselin 1995).
// Rejection sampling is cheap because k_i ≪ n for contiguity and kNN weights.
#include <cstddef>
#include <random>
#include <vector>

namespace cohesion {

template <class Engine>
void draw_other_areas(std::size_t n, std::size_t self, std::size_t k, Engine& engine,
                      std::vector<std::size_t>& out) {
    out.clear();
    if (k >= n) k = n - 1;
    std::uniform_int_distribution<std::size_t> pick(0, n - 2);
    if (2 * k > n) {  // dense rows: partial Fisher–Yates over all others
        std::vector<std::size_t> others;
        others.reserve(n - 1);
        for (std::size_t j = 0; j < n; ++j)
            if (j != self) others.push_back(j);
        for (std::size_t m = 0; m < k; ++m) {
            std::uniform_int_distribution<std::size_t> rest(m, others.size() - 1);
            std::swap(others[m], others[rest(engine)]);
            out.push_back(others[m]);
        }
        return;
    }
    while (out.size() < k) {
        std::size_t j = pick(engine);
        if (j >= self) ++j;  // skip self
        bool seen = false;
        for (std::size_t v : out) seen |= v == j;
        if (!seen) out.push_back(j);
    }
}

}  // namespace cohesion

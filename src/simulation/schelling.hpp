#pragma once
// Schelling's segregation model on a torus (Schelling 1971, "Dynamic models of segregation",
// J. Math. Sociology 1, 143-186), the classic check that a mild preference tips a mixed town
// into a segregated one. Two groups on an L × L torus with some empty cells; an agent is
// content when at least `threshold` of its occupied Moore neighbours (8 cells) are its own
// group; each sweep every discontented agent (in a seeded random order) moves to a random
// empty cell. Known behaviour: threshold 0 leaves the random mix (similarity ≈ ½); thresholds
// near ⅓ already produce mean like-neighbour shares well above ⅔ (tipping).
#include <cstdint>
#include <vector>

namespace cohesion {

struct SchellingOptions {
    int size = 50;               // L
    double empty = 0.1;          // share of empty cells
    double minority = 0.5;       // share of group 1 among agents
    double threshold = 0.3;      // wanted share of like neighbours
    int sweeps = 50;
    std::uint64_t seed = 1971;
};

struct SchellingResult {
    std::vector<std::int8_t> grid;          // -1 empty, 0 / 1 group
    std::vector<double> similarity;         // mean like-neighbour share after each sweep (index 0 = start)
    std::vector<double> discontented;       // share of agents discontented after each sweep
    std::int64_t agents[2] = {0, 0};        // conserved
    int sweeps_run = 0;                     // stops early when everyone is content
};

SchellingResult run_schelling(const SchellingOptions& options);

}  // namespace cohesion

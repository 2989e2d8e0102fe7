#pragma once
// Reproducible randomness: replicate r of any simulation draws from an engine seeded
// from (seed, r) alone, so results depend on the seed only — never on the number of
// threads or on which thread ran which replicate.
#include <cstdint>
#include <random>

namespace cohesion {

inline std::uint64_t splitmix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// For a fixed seed the map r -> engine seed is a bijection, so no two replicates share a stream.
inline std::mt19937_64 replicate_engine(std::uint64_t seed, std::uint64_t replicate) {
    return std::mt19937_64(splitmix64(splitmix64(seed) ^ (replicate * 0xD1342543DE82EF95ULL + 1)));
}

}  // namespace cohesion

#pragma once
// Reproducible randomness: replicate r of any simulation draws from an engine seeded
// from (seed, r) alone, so results depend on the seed only — never on the number of
// threads or on which thread ran which replicate.
#include <cstdint>
#include <limits>
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

// xoshiro256++ (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators", ACM
// TOMS 47(4)), seeded from a replicate's engine: the inner loops of the samplers draw one number
// per table cell, and mt19937_64's state refresh cost as much as the draw itself. Seeding from
// the replicate engine keeps every stream a function of (seed, replicate) alone.
class FastRandom {
public:
    using result_type = std::uint64_t;
    template <class Seeder>
    explicit FastRandom(Seeder& seeder) {
        for (auto& word : s_) word = seeder();
        if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 0x9E3779B97F4A7C15ULL;  // the one invalid state
    }
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
    result_type operator()() {
        const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform on 0 .. range − 1 exactly (Lemire 2019, "Fast random integer generation in an
    // interval", ACM TOMS 8(1)): a multiply, with a rare rejection.
    std::uint64_t below(std::uint64_t range) {
        __extension__ using u128 = unsigned __int128;
        u128 m = static_cast<u128>((*this)()) * range;
        auto low = static_cast<std::uint64_t>(m);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                m = static_cast<u128>((*this)()) * range;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace cohesion

#pragma once
// Colour-blind-safe palettes for maps and charts: viridis (sequential, perceptually
// uniform; van der Walt & Smith 2015) sampled to k classes, and Okabe–Ito (categorical,
// Okabe & Ito 2008) for labels such as hot/cold spots and neighbourhood types.
#include <cstddef>
#include <string>
#include <vector>

namespace cohesion {

struct Rgb {
    double r = 0, g = 0, b = 0;  // 0..1
    std::string hex() const;
};

std::vector<Rgb> viridis(std::size_t classes);
Rgb okabe_ito(std::size_t index);  // cycles through 8 colours
inline constexpr Rgb no_data_colour{0.85, 0.85, 0.85};

}  // namespace cohesion

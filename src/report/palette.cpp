#include "report/palette.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace cohesion {

std::string Rgb::hex() const {
    auto c = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return fmt::format("#{:02x}{:02x}{:02x}", c(r), c(g), c(b));
}

std::vector<Rgb> viridis(std::size_t k) {
    // Nine anchors of matplotlib's viridis, interpolated linearly.
    static constexpr std::array<std::array<double, 3>, 9> anchor{{{0.267, 0.005, 0.329}, {0.283, 0.141, 0.458},
                                                                   {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
                                                                   {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551},
                                                                   {0.135, 0.659, 0.518}, {0.478, 0.821, 0.318},
                                                                   {0.993, 0.906, 0.144}}};
    std::vector<Rgb> out;
    for (std::size_t c = 0; c < k; ++c) {
        const double t = k == 1 ? 0.5 : static_cast<double>(c) / static_cast<double>(k - 1);
        const double x = t * (anchor.size() - 1);
        const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(x), anchor.size() - 2);
        const double f = x - static_cast<double>(i);
        out.push_back({anchor[i][0] + f * (anchor[i + 1][0] - anchor[i][0]),
                       anchor[i][1] + f * (anchor[i + 1][1] - anchor[i][1]),
                       anchor[i][2] + f * (anchor[i + 1][2] - anchor[i][2])});
    }
    return out;
}

Rgb okabe_ito(std::size_t index) {
    static constexpr std::array<Rgb, 8> colours{{{0.902, 0.624, 0.0}, {0.337, 0.706, 0.914}, {0.0, 0.620, 0.451},
                                                 {0.941, 0.894, 0.259}, {0.0, 0.447, 0.698}, {0.835, 0.369, 0.0},
                                                 {0.800, 0.475, 0.655}, {0.0, 0.0, 0.0}}};
    return colours[index % colours.size()];
}

}  // namespace cohesion

#include "output/people_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace cohesion {

std::string percent_text(double share) {
    double pct = 100.0 * share;
    if (std::abs(pct) < 1e-9) pct = 0.0;  // float noise (-5.55e-17) is none
    if (pct != 0.0 && std::abs(pct) < 0.1) return "less than 0.1 %";
    if (std::abs(pct) < 10.0 && std::abs(pct - std::round(pct)) >= 0.05) return fmt::format("{:.1f} %", pct);
    return fmt::format("{:.0f} %", std::round(pct));
}

std::string count_text(double count) {
    const auto n = static_cast<long long>(std::llround(count));
    std::string digits = std::to_string(std::llabs(n)), out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return (n < 0 ? "-" : "") + out;
}

}  // namespace cohesion

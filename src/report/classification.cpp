#include "report/classification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "report/palette.hpp"

namespace cohesion {

namespace {

std::vector<double> sorted_finite(const std::vector<double>& values) {
    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values)
        if (std::isfinite(x)) v.push_back(x);
    std::sort(v.begin(), v.end());
    return v;
}

std::vector<double> dedupe(std::vector<double> breaks) {
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    if (breaks.size() == 1) breaks.push_back(breaks.front());
    return breaks;
}

}  // namespace

std::vector<double> quantile_breaks(const std::vector<double>& values, std::size_t k) {
    const auto v = sorted_finite(values);
    if (v.empty() || k == 0) return {};
    std::vector<double> b{v.front()};
    for (std::size_t c = 1; c < k; ++c) b.push_back(v[std::min(v.size() - 1, c * v.size() / k)]);
    b.push_back(v.back());
    return dedupe(b);
}

std::vector<double> natural_breaks(const std::vector<double>& values, std::size_t k, std::size_t max_values) {
    auto v = sorted_finite(values);
    if (v.empty() || k == 0) return {};
    if (v.size() > max_values) {
        std::vector<double> s(max_values);
        for (std::size_t i = 0; i < max_values; ++i) s[i] = v[i * (v.size() - 1) / (max_values - 1)];
        v.swap(s);
    }
    const std::size_t n = v.size();
    k = std::min(k, n);
    // Prefix sums give the squared deviation of any run v[a..b] in O(1).
    std::vector<double> s1(n + 1, 0.0), s2(n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) s1[i + 1] = s1[i] + v[i], s2[i + 1] = s2[i] + v[i] * v[i];
    auto ssd = [&](std::size_t a, std::size_t b) {  // [a, b)
        const double m = static_cast<double>(b - a), s = s1[b] - s1[a];
        return (s2[b] - s2[a]) - s * s / m;
    };
    const double inf = std::numeric_limits<double>::infinity();
    // cost[c][i]: best cost of splitting v[0..i) into c + 1 classes; cut[c][i]: start of the last class.
    std::vector<std::vector<double>> cost(k, std::vector<double>(n + 1, inf));
    std::vector<std::vector<std::size_t>> cut(k, std::vector<std::size_t>(n + 1, 0));
    for (std::size_t i = 1; i <= n; ++i) cost[0][i] = ssd(0, i);
    for (std::size_t c = 1; c < k; ++c)
        for (std::size_t i = c + 1; i <= n; ++i)
            for (std::size_t j = c; j < i; ++j) {
                const double t = cost[c - 1][j] + ssd(j, i);
                if (t < cost[c][i]) cost[c][i] = t, cut[c][i] = j;
            }
    std::vector<double> b(k + 1);
    b[k] = v.back();
    std::size_t end = n;
    for (std::size_t c = k - 1; c > 0; --c) {
        end = cut[c][end];
        b[c] = v[end - 1];  // upper edge of class c - 1
    }
    b[0] = v.front();
    return dedupe(b);
}

MapClasses map_classes(const std::vector<double>& values, std::size_t k) {
    MapClasses m;
    m.breaks = natural_breaks(values, k);
    std::vector<double> distinct = sorted_finite(values);
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const std::size_t possible = std::min(k, distinct.size());
    if (m.breaks.size() < possible + 1) m.breaks = natural_breaks(distinct, k);
    const std::size_t n = m.breaks.size() > 1 ? m.breaks.size() - 1 : 1;
    for (const auto& c : viridis(n)) m.colours.push_back(c.hex());
    return m;
}

int class_of(double value, const std::vector<double>& breaks) {
    if (!std::isfinite(value) || breaks.size() < 2) return -1;
    const int last = static_cast<int>(breaks.size()) - 2;
    for (int c = 0; c < last; ++c)
        if (value <= breaks[static_cast<std::size_t>(c) + 1]) return c;
    return last;
}

}  // namespace cohesion

#include "simulation/share_trend.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace cohesion {

ShareTrend share_trend(const Table& a, const Table& b, double years) {
    if (a.areas() != b.areas() || a.groups() != b.groups())
        throw Error("share trend: the two censuses must have the same areas and groups (harmonise first)");
    if (!(years > 0)) throw Error("share trend: the censuses must be at least a year apart");
    const std::size_t n = a.areas(), k = a.groups();
    ShareTrend t;
    t.areas = n;
    t.groups = k;
    t.raw_rate.resize(n * k);
    t.weight.resize(n * k);
    t.rate.resize(n * k);
    t.town_rate.resize(k);
    t.between_variance.resize(k);
    t.raw_variance.resize(n * k);
    const auto ta = a.group_sum(), tb = b.group_sum();
    double Ta = 0, Tb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        Ta += ta[i];
        Tb += tb[i];
    }
    std::vector<double> variance(n * k);
    const double half_k = 0.5 * static_cast<double>(k);
    for (std::size_t g = 0; g < k; ++g) {
        double Sa = 0, Sb = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double xa = a.count(i, g), xb = b.count(i, g);
            Sa += xa;
            Sb += xb;
            t.raw_rate[g * n + i] = (std::log((xb + 0.5) / (tb[i] + half_k)) - std::log((xa + 0.5) / (ta[i] + half_k))) / years;
            variance[g * n + i] = (1.0 / (xa + 0.5) + 1.0 / (xb + 0.5)) / (years * years);
            t.raw_variance[g * n + i] = variance[g * n + i];
        }
        t.town_rate[g] = Sa > 0 && Sb > 0 && Ta > 0 && Tb > 0 ? std::log((Sb / Tb) / (Sa / Ta)) / years : 0.0;
        double m = 0, v = 0, mv = 0;
        for (std::size_t i = 0; i < n; ++i) m += t.raw_rate[g * n + i] / n;
        for (std::size_t i = 0; i < n; ++i) {
            v += (t.raw_rate[g * n + i] - m) * (t.raw_rate[g * n + i] - m) / std::max<std::size_t>(1, n - 1);
            mv += variance[g * n + i] / n;
        }
        t.between_variance[g] = std::max(0.0, v - mv);
        for (std::size_t i = 0; i < n; ++i) {
            const double w = t.between_variance[g] / (t.between_variance[g] + variance[g * n + i]);
            t.weight[g * n + i] = w;
            t.rate[g * n + i] = t.town_rate[g] + w * (t.raw_rate[g * n + i] - t.town_rate[g]);
        }
    }
    return t;
}

void add_shrinkage_noise(ShareTrend& t, std::mt19937_64& rng) {
    std::normal_distribution<double> z(0.0, 1.0);
    for (std::size_t c = 0; c < t.rate.size(); ++c) {
        const double w = t.weight[c];
        t.rate[c] += std::sqrt(std::max(0.0, w * (1.0 - w) * t.raw_variance[c])) * z(rng);
    }
}

std::vector<double> trend_shares(const ShareTrend& t, const Table& later, double ahead) {
    const std::size_t n = t.areas, k = t.groups;
    std::vector<double> s(n * k, 0.0);
    const auto total = later.group_sum();
    for (std::size_t i = 0; i < n; ++i) {
        if (total[i] <= 0) continue;
        double sum = 0;
        for (std::size_t g = 0; g < k; ++g) {
            // ½ keeps a group absent in one area able to appear, as in the rate itself.
            s[g * n + i] = (later.count(i, g) + 0.5) / (total[i] + 0.5 * k) * std::exp(t.rate[g * n + i] * ahead);
            sum += s[g * n + i];
        }
        for (std::size_t g = 0; g < k; ++g) s[g * n + i] /= sum;
    }
    return s;
}

}  // namespace cohesion

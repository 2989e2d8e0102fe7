#include "multilevel/multilevel_dissimilarity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace cohesion {

namespace {

double total(const std::vector<double>& v) {
    double s = 0.0;
    for (double a : v) s += a;
    return s;
}

// ancestors[l][i]: unit of level l holding base unit i (l = 0 is i itself).
std::vector<std::vector<std::size_t>> ancestors(const NestedHierarchy& h) {
    std::vector<std::vector<std::size_t>> a(h.levels(), std::vector<std::size_t>(h.size(0)));
    for (std::size_t i = 0; i < h.size(0); ++i) a[0][i] = i;
    for (std::size_t l = 1; l < h.levels(); ++l)
        for (std::size_t i = 0; i < h.size(0); ++i) a[l][i] = h.parent[l - 1][a[l - 1][i]];
    return a;
}

struct PlaceUnit {
    std::size_t level, unit;
};

std::vector<PlaceUnit> find_places(const NestedHierarchy& h, const std::vector<std::string>& places) {
    std::vector<PlaceUnit> found;
    for (const auto& place : places) {
        bool hit = false;
        for (std::size_t l = 1; l < h.levels() && !hit; ++l) {
            const auto& labels = h.labels[l];
            const auto it = std::find(labels.begin(), labels.end(), place);
            if (it != labels.end()) {
                found.push_back({l, static_cast<std::size_t>(it - labels.begin())});
                hit = true;
            }
        }
        if (!hit) {
            std::string levels;
            for (std::size_t l = 1; l < h.levels(); ++l) levels += (l > 1 ? ", " : "") + h.level_names[l];
            throw Error("multilevel: place '" + place + "' is not an area of any level above the base (" + levels +
                        ")");
        }
    }
    return found;
}

double half_abs_sum(const std::vector<double>& v) {
    double s = 0.0;
    for (double a : v) s += std::abs(a);
    return 0.5 * s;
}

}  // namespace

std::vector<bool> base_units_in_places(const NestedHierarchy& h, const std::vector<std::string>& places) {
    const auto anc = ancestors(h);
    std::vector<bool> inside(h.size(0), false);
    for (const auto& p : find_places(h, places))
        for (std::size_t i = 0; i < h.size(0); ++i)
            if (anc[p.level][i] == p.unit) inside[i] = true;
    return inside;
}

MultilevelDissimilarity multilevel_dissimilarity(NestedHierarchy h, std::vector<double> y, std::vector<double> x,
                                                 std::string group_y, std::string group_x) {
    const std::size_t n = h.size(0);
    if (y.size() != n || x.size() != n)
        throw Error("multilevel: counts for " + std::to_string(y.size()) + " and " + std::to_string(x.size()) +
                    " units, expected " + std::to_string(n));
    const double Y = total(y), X = total(x);
    if (!(Y > 0.0)) throw Error("multilevel: group '" + group_y + "' has nobody in the areas modelled");
    if (!(X > 0.0)) throw Error("multilevel: group '" + group_x + "' has nobody in the areas modelled");

    MultilevelDissimilarity m;
    m.group_y = std::move(group_y);
    m.group_x = std::move(group_x);
    m.residuals.resize(n);
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        m.residuals[i] = y[i] / Y - x[i] / X;
        ss += m.residuals[i] * m.residuals[i];
    }
    m.D = half_abs_sum(m.residuals);
    m.sigma_e = std::sqrt(ss / static_cast<double>(n));
    m.fit = fit_nested_random_intercepts(h, m.residuals);

    const std::size_t L = h.levels();
    const auto anc = ancestors(h);
    // The component of each level at every base unit: r_0 = ε̂, r_l = û_{l, a_l(i)}.
    auto component = [&](std::size_t l, std::size_t i) {
        return l == 0 ? m.fit.base_residuals[i] : m.fit.effects[l - 1][anc[l][i]];
    };

    double total_variance = m.fit.residual_variance;
    for (double v : m.fit.level_variances) total_variance += v;
    for (std::size_t l = 0; l < L; ++l) {
        MlidLevel level;
        level.name = h.level_names[l];
        level.units = h.size(l);
        level.variance = l == 0 ? m.fit.residual_variance : m.fit.level_variances[l - 1];
        level.variance_share = level.variance / total_variance;
        double held = 0.0;
        for (std::size_t i = 0; i < n; ++i) held += std::abs(m.residuals[i] - component(l, i));
        level.holdback = 0.5 * held / m.D - 1.0;
        m.levels.push_back(std::move(level));
    }

    double abs_total = 0.0, mean_e = 0.0;
    for (double e : m.residuals) abs_total += std::abs(e), mean_e += e;
    mean_e /= static_cast<double>(n);
    constexpr double z95 = 1.959963984540054;
    m.areas.resize(L - 1);
    for (std::size_t l = 1; l < L; ++l) {
        const std::size_t units = h.size(l);
        const auto& u = m.fit.effects[l - 1];
        std::vector<double> count(units, 0.0), abs_sum(units, 0.0), sum(units, 0.0), sum2(units, 0.0),
            change(units, 0.0), above(units, 0.0);
        std::vector<double> lo(units, std::numeric_limits<double>::infinity()),
            hi(units, -std::numeric_limits<double>::infinity());
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = anc[l][i];
            const double e = m.residuals[i];
            count[k] += 1.0;
            abs_sum[k] += std::abs(e);
            sum[k] += e;
            lo[k] = std::min(lo[k], e);
            hi[k] = std::max(hi[k], e);
            change[k] += std::abs(e - u[k]) - std::abs(e);
            if (y[i] > x[i]) above[k] += 1.0;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = anc[l][i];
            const double d = m.residuals[i] - sum[k] / count[k];
            sum2[k] += d * d;
        }
        auto& areas = m.areas[l - 1];
        areas.resize(units);
        for (std::size_t k = 0; k < units; ++k) {
            MlidArea& a = areas[k];
            a.name = h.labels[l][k];
            a.base_units = static_cast<std::size_t>(count[k]);
            a.effect = u[k];
            a.effect_se = std::sqrt(m.fit.effect_variances[l - 1][k]);
            a.lower = a.effect - z95 * a.effect_se;
            a.upper = a.effect + z95 * a.effect_se;
            a.scaled_effect = a.effect / m.sigma_e;
            a.D_without = m.D + 0.5 * change[k];
            a.share_of_D = abs_sum[k] / abs_total;
            a.share_of_units = count[k] / static_cast<double>(n);
            a.impact = a.share_of_D / a.share_of_units * 100.0;
            a.scaled_mean = (sum[k] / count[k] - mean_e) / m.sigma_e;
            a.scaled_sd = count[k] > 1.0 ? std::sqrt(sum2[k] / (count[k] - 1.0)) / m.sigma_e
                                         : std::numeric_limits<double>::quiet_NaN();
            a.scaled_min = lo[k] / m.sigma_e;
            a.scaled_max = hi[k] / m.sigma_e;
            a.share_y_above_x = above[k] / count[k];
        }
    }
    m.hierarchy = std::move(h);
    m.y = std::move(y);
    m.x = std::move(x);
    return m;
}

PlacesEffect effect_of_places(const MultilevelDissimilarity& m, const std::vector<std::string>& places) {
    const NestedHierarchy& h = m.hierarchy;
    const std::size_t n = h.size(0), L = h.levels();
    const auto found = find_places(h, places);
    const auto anc = ancestors(h);
    PlacesEffect r;
    r.places = places;
    r.D = m.D;

    // Indicator of each level that holds a named place (MLID's dummies, one column per level).
    std::vector<std::vector<char>> dummy(L, std::vector<char>(n, 0));
    std::vector<bool> level_used(L, false), inside(n, false);
    for (const auto& p : found) {
        level_used[p.level] = true;
        for (std::size_t i = 0; i < n; ++i)
            if (anc[p.level][i] == p.unit) dummy[p.level][i] = 1, inside[i] = true;
    }
    // ID1: the places' effects set to zero.
    std::vector<double> zeroed = m.residuals;
    for (std::size_t l = 1; l < L; ++l)
        if (level_used[l])
            for (std::size_t i = 0; i < n; ++i)
                if (dummy[l][i]) zeroed[i] -= m.fit.effects[l - 1][anc[l][i]];
    r.D_effects_zeroed = half_abs_sum(zeroed);
    // ID2 and ID3.
    double Yp = 0.0, Xp = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (inside[i]) {
            ++r.base_units;
            r.D_only_places += 0.5 * std::abs(m.residuals[i]);
            Yp += m.y[i];
            Xp += m.x[i];
        }
    if (Yp > 0.0 && Xp > 0.0) {
        for (std::size_t i = 0; i < n; ++i)
            if (inside[i]) r.D_within_places += 0.5 * std::abs(m.y[i] / Yp - m.x[i] / Xp);
    } else {
        r.D_within_places = std::numeric_limits<double>::quiet_NaN();  // a group absent from the places
    }
    r.impact = (r.D_only_places / r.D) / (static_cast<double>(r.base_units) / static_cast<double>(n)) * 100.0;

    // R²: least squares of e on the indicators (no intercept), R² = Σ fitted² / Σ e².
    std::vector<std::size_t> cols;
    for (std::size_t l = 1; l < L; ++l)
        if (level_used[l]) cols.push_back(l);
    const std::size_t k = cols.size();
    std::vector<double> G(k * k, 0.0), c(k, 0.0);
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        ss += m.residuals[i] * m.residuals[i];
        for (std::size_t a = 0; a < k; ++a) {
            if (!dummy[cols[a]][i]) continue;
            c[a] += m.residuals[i];
            for (std::size_t b = 0; b < k; ++b) G[a * k + b] += dummy[cols[b]][i];
        }
    }
    // Solve G β = c by Gaussian elimination with partial pivoting (k ≤ levels).
    std::vector<double> beta = c;
    for (std::size_t p = 0; p < k; ++p) {
        std::size_t piv = p;
        for (std::size_t q = p + 1; q < k; ++q)
            if (std::abs(G[q * k + p]) > std::abs(G[piv * k + p])) piv = q;
        for (std::size_t j = 0; j < k; ++j) std::swap(G[p * k + j], G[piv * k + j]);
        std::swap(beta[p], beta[piv]);
        if (std::abs(G[p * k + p]) < 1e-12) continue;  // collinear indicators: drop this one
        for (std::size_t q = p + 1; q < k; ++q) {
            const double f = G[q * k + p] / G[p * k + p];
            for (std::size_t j = p; j < k; ++j) G[q * k + j] -= f * G[p * k + j];
            beta[q] -= f * beta[p];
        }
    }
    for (std::size_t p = k; p-- > 0;) {
        if (std::abs(G[p * k + p]) < 1e-12) {
            beta[p] = 0.0;
            continue;
        }
        for (std::size_t j = p + 1; j < k; ++j) beta[p] -= G[p * k + j] * beta[j];
        beta[p] /= G[p * k + p];
    }
    const double X = total(m.x);
    double fitted2 = 0.0, with_offset2 = 0.0, rss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double f = 0.0;
        for (std::size_t a = 0; a < k; ++a)
            if (dummy[cols[a]][i]) f += beta[a];
        fitted2 += f * f;
        with_offset2 += (m.x[i] / X + f) * (m.x[i] / X + f);
        rss += (m.residuals[i] - f) * (m.residuals[i] - f);
    }
    r.r_squared = ss > 0.0 ? fitted2 / ss : 0.0;
    r.r_squared_mlid = with_offset2 / (with_offset2 + rss);
    return r;
}

}  // namespace cohesion

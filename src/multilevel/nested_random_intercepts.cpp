#include "multilevel/nested_random_intercepts.hpp"

#include <cmath>
#include <numbers>

#include "core/error.hpp"
#include "multilevel/nelder_mead.hpp"

namespace cohesion {

namespace {

// Per-unit sums over children of 1ᵀA⁻¹1, 1ᵀA⁻¹e (for every level above the base), and the
// totals over the whole data of eᵀW⁻¹e and log det W.
struct UpwardPass {
    std::vector<std::vector<double>> A, B;  // [l−1][unit], children sums at level l
    double q = 0.0, logdet = 0.0;
};

UpwardPass upward(const NestedHierarchy& h, std::span<const double> e, std::span<const double> theta) {
    const std::size_t L = h.levels();
    UpwardPass p;
    p.A.resize(L - 1);
    p.B.resize(L - 1);
    std::vector<double> Q, LD;  // children sums of q and log det at the current level
    // Base units feed level 1.
    p.A[0].assign(h.size(1), 0.0);
    p.B[0].assign(h.size(1), 0.0);
    Q.assign(h.size(1), 0.0);
    LD.assign(h.size(1), 0.0);
    for (std::size_t i = 0; i < h.size(0); ++i) {
        const std::size_t k = h.parent[0][i];
        p.A[0][k] += 1.0;
        p.B[0][k] += e[i];
        Q[k] += e[i] * e[i];
    }
    for (std::size_t l = 1; l < L; ++l) {
        const double s = theta[l - 1];
        const bool top = l + 1 == L;
        std::vector<double> nQ, nLD;
        if (!top) {
            p.A[l].assign(h.size(l + 1), 0.0);
            p.B[l].assign(h.size(l + 1), 0.0);
            nQ.assign(h.size(l + 1), 0.0);
            nLD.assign(h.size(l + 1), 0.0);
        }
        for (std::size_t k = 0; k < h.size(l); ++k) {
            const double a = p.A[l - 1][k], b = p.B[l - 1][k];
            const double d = 1.0 + s * a;
            const double q = Q[k] - s * b * b / d, ld = LD[k] + std::log(d);
            if (top) {
                p.q += q;
                p.logdet += ld;
            } else {
                const std::size_t up = h.parent[l][k];
                p.A[l][up] += a / d;
                p.B[l][up] += b / d;
                nQ[up] += q;
                nLD[up] += ld;
            }
        }
        Q = std::move(nQ);
        LD = std::move(nLD);
    }
    return p;
}

double deviance_of(const UpwardPass& p, std::size_t n) {
    const double N = static_cast<double>(n);
    const double sigma2 = p.q / N;
    return N * std::log(2.0 * std::numbers::pi * sigma2) + p.logdet + N;
}

}  // namespace

double nested_profiled_deviance(const NestedHierarchy& h, std::span<const double> e, std::span<const double> theta) {
    return deviance_of(upward(h, e, theta), h.size(0));
}

NestedRandomInterceptFit fit_nested_random_intercepts(const NestedHierarchy& h, std::span<const double> e) {
    const std::size_t L = h.levels();
    if (L < 2) throw Error("multilevel: the model needs at least one level above the base");
    if (e.size() != h.size(0))
        throw Error("multilevel: " + std::to_string(e.size()) + " values for " + std::to_string(h.size(0)) +
                    " base units");
    double ss = 0.0;
    for (double v : e) ss += v * v;
    if (!(ss > 0.0)) throw Error("multilevel: every residual is zero, so there is no variance to partition");

    auto objective = [&](const std::vector<double>& t) {
        std::vector<double> theta(t.size());
        for (std::size_t j = 0; j < t.size(); ++j) theta[j] = t[j] * t[j];
        return deviance_of(upward(h, e, theta), h.size(0));
    };
    NelderMeadOptions options;  // relative deviance 1e-13, t to 1e-7: variance shares far below 1e-4
    options.x_tolerance = 1e-7;
    const auto best = nelder_mead(objective, std::vector<double>(L - 1, 1.0), options);

    NestedRandomInterceptFit fit;
    fit.evaluations = best.evaluations;
    fit.converged = best.converged;
    std::vector<double> theta(L - 1);
    for (std::size_t j = 0; j + 1 < L; ++j) theta[j] = best.x[j] * best.x[j];
    const UpwardPass p = upward(h, e, theta);
    const double n = static_cast<double>(h.size(0));
    fit.residual_variance = p.q / n;
    fit.log_likelihood = -0.5 * deviance_of(p, h.size(0));
    for (double th : theta) fit.level_variances.push_back(th * fit.residual_variance);

    // Top down: S = sum of ancestors' effects, VS = its conditional variance.
    const double sigma2 = fit.residual_variance;
    fit.effects.resize(L - 1);
    fit.effect_variances.resize(L - 1);
    std::vector<double> S_above, VS_above;  // per unit of level l+1
    for (std::size_t l = L - 1; l >= 1; --l) {
        const double s = theta[l - 1];
        const std::size_t m = h.size(l);
        auto& u = fit.effects[l - 1];
        auto& vu = fit.effect_variances[l - 1];
        u.resize(m);
        vu.resize(m);
        std::vector<double> S(m), VS(m);
        for (std::size_t k = 0; k < m; ++k) {
            const double Sa = l + 1 < L ? S_above[h.parent[l][k]] : 0.0;
            const double Va = l + 1 < L ? VS_above[h.parent[l][k]] : 0.0;
            const double a = p.A[l - 1][k], b = p.B[l - 1][k];
            const double d = 1.0 + s * a, kk = s * a / d, own = sigma2 * s / d;
            u[k] = s * (b - Sa * a) / d;
            vu[k] = own + kk * kk * Va;
            S[k] = Sa + u[k];
            VS[k] = (1.0 - kk) * (1.0 - kk) * Va + own;
        }
        S_above = std::move(S);
        VS_above = std::move(VS);
    }
    fit.base_residuals.resize(h.size(0));
    for (std::size_t i = 0; i < h.size(0); ++i) fit.base_residuals[i] = e[i] - S_above[h.parent[0][i]];
    return fit;
}

}  // namespace cohesion

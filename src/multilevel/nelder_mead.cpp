#include "multilevel/nelder_mead.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cohesion {

namespace {

struct Simplex {
    std::vector<std::vector<double>> x;
    std::vector<double> f;
};

// One run from `start`; returns the best vertex.
NelderMeadResult run(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& start,
                     double step, const NelderMeadOptions& o, std::size_t budget) {
    const std::size_t n = start.size();
    Simplex s;
    std::size_t evals = 0;
    auto eval = [&](const std::vector<double>& x) {
        ++evals;
        return f(x);
    };
    s.x.push_back(start);
    s.f.push_back(eval(start));
    for (std::size_t i = 0; i < n; ++i) {
        auto v = start;
        v[i] += step;
        s.x.push_back(v);
        s.f.push_back(eval(v));
    }
    std::vector<std::size_t> order(n + 1);
    bool converged = false;
    while (evals < budget) {
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s.f[a] < s.f[b]; });
        const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
        double spread = 0.0;
        for (std::size_t i = 0; i <= n; ++i)
            for (std::size_t j = 0; j < n; ++j) spread = std::max(spread, std::abs(s.x[i][j] - s.x[best][j]));
        if (s.f[worst] - s.f[best] <= o.value_tolerance * (1.0 + std::abs(s.f[best])) && spread <= o.x_tolerance) {
            converged = true;
            break;
        }
        std::vector<double> centroid(n, 0.0);
        for (std::size_t i = 0; i <= n; ++i)
            if (i != worst)
                for (std::size_t j = 0; j < n; ++j) centroid[j] += s.x[i][j] / static_cast<double>(n);
        auto along = [&](double t) {
            std::vector<double> v(n);
            for (std::size_t j = 0; j < n; ++j) v[j] = centroid[j] + t * (s.x[worst][j] - centroid[j]);
            return v;
        };
        const auto xr = along(-1.0);
        const double fr = eval(xr);
        if (fr < s.f[best]) {
            const auto xe = along(-2.0);
            const double fe = eval(xe);
            if (fe < fr) s.x[worst] = xe, s.f[worst] = fe;
            else s.x[worst] = xr, s.f[worst] = fr;
            continue;
        }
        if (fr < s.f[second]) {
            s.x[worst] = xr, s.f[worst] = fr;
            continue;
        }
        const bool outside = fr < s.f[worst];
        const auto xc = along(outside ? -0.5 : 0.5);
        const double fc = eval(xc);
        if (fc < (outside ? fr : s.f[worst])) {
            s.x[worst] = xc, s.f[worst] = fc;
            continue;
        }
        for (std::size_t i = 0; i <= n; ++i) {  // shrink towards the best vertex
            if (i == best) continue;
            for (std::size_t j = 0; j < n; ++j) s.x[i][j] = s.x[best][j] + 0.5 * (s.x[i][j] - s.x[best][j]);
            s.f[i] = eval(s.x[i]);
        }
    }
    const auto best = static_cast<std::size_t>(std::min_element(s.f.begin(), s.f.end()) - s.f.begin());
    return {s.x[best], s.f[best], evals, converged};
}

}  // namespace

NelderMeadResult nelder_mead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                             const NelderMeadOptions& o) {
    NelderMeadResult result = run(f, start, o.initial_step, o, o.max_evaluations);
    for (int r = 0; r < o.restarts && result.evaluations < o.max_evaluations; ++r) {
        auto again = run(f, result.x, std::max(o.initial_step * 0.1, 1e3 * o.x_tolerance), o,
                         o.max_evaluations - result.evaluations);
        const bool improved = again.value < result.value - o.value_tolerance * (1.0 + std::abs(result.value));
        again.evaluations += result.evaluations;
        if (again.value <= result.value) result = std::move(again);
        else result.evaluations = again.evaluations;
        if (!improved) break;
    }
    return result;
}

}  // namespace cohesion

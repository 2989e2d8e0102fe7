// Exact integer programmes for the three location models, solved with COIN-OR CBC.
//
// p-median (ReVelle & Swain 1970): min Σ_i Σ_j w_i d_ij x_ij  s.t.  Σ_j x_ij = 1,
//   x_ij ≤ y_j, Σ_j y_j = p, y binary, x ∈ [0, 1] (the strong formulation, whose LP
//   relaxation is usually integral). Points with no demand are left out.
// Maximal covering (Church & ReVelle 1974): max Σ_i w_i z_i  s.t.  z_i ≤ Σ_{j∈N_i} y_j,
//   Σ_j y_j = p, y binary, z ∈ [0, 1].
// Set covering (Toregas et al. 1971): min Σ_j y_j  s.t.  Σ_{j∈N_i} y_j ≥ 1 for w_i > 0.
#include <Cbc_C_Interface.h>
#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "core/error.hpp"
#include "targeting/location_solvers.hpp"

namespace cohesion {

namespace {

// Column-wise model builder for Cbc_loadProblem (compressed sparse columns).
struct ModelBuilder {
    std::vector<CoinBigIndex> start{0};
    std::vector<int> index;
    std::vector<double> value, lower, upper, objective, row_lower, row_upper;
    std::vector<char> integer;

    int add_row(double lo, double hi) {
        row_lower.push_back(lo);
        row_upper.push_back(hi);
        return static_cast<int>(row_lower.size() - 1);
    }
    // Rows of a column must be added before the column.
    void add_column(double cost, double lo, double hi, bool is_integer, const std::vector<std::pair<int, double>>& rows) {
        for (const auto& [r, v] : rows) index.push_back(r), value.push_back(v);
        start.push_back(static_cast<CoinBigIndex>(index.size()));
        lower.push_back(lo);
        upper.push_back(hi);
        objective.push_back(cost);
        integer.push_back(is_integer);
    }
    std::size_t columns() const { return lower.size(); }
};

struct CbcDeleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

LocationSolution run(ModelBuilder& b, const std::vector<int>& site_column, const LocationOptions& o,
                     SolverStages& stages) {
    std::unique_ptr<Cbc_Model, CbcDeleter> model(Cbc_newModel());
    Cbc_loadProblem(model.get(), static_cast<int>(b.columns()), static_cast<int>(b.row_lower.size()), b.start.data(),
                    b.index.data(), b.value.data(), b.lower.data(), b.upper.data(), b.objective.data(),
                    b.row_lower.data(), b.row_upper.data());
    for (std::size_t c = 0; c < b.columns(); ++c)
        if (b.integer[c]) Cbc_setInteger(model.get(), static_cast<int>(c));
    Cbc_setObjSense(model.get(), 1.0);
    Cbc_setLogLevel(model.get(), 0);
    Cbc_setMaximumSeconds(model.get(), o.time_limit_seconds);
    Cbc_setAllowableFractionGap(model.get(), 1e-9);
    stages.next();  // the model is built
    Cbc_solve(model.get());
    if (Cbc_isProvenInfeasible(model.get())) throw Error("hub siting: the problem has no feasible solution");
    const double* x = Cbc_getColSolution(model.get());
    if (!x || Cbc_getObjValue(model.get()) >= 1e50)
        throw NoSolutionInTime(fmt::format(
            "hub siting: CBC found no solution within {:g} s; allow more time or use the heuristic solver",
            o.time_limit_seconds));
    LocationSolution s;
    s.solver = "CBC";
    for (std::size_t j = 0; j < site_column.size(); ++j)
        if (x[site_column[j]] > 0.5) s.sites.push_back(j);
    s.proven_optimal = Cbc_isProvenOptimal(model.get());
    const double best = Cbc_getObjValue(model.get());
    const double bound = Cbc_getBestPossibleObjValue(model.get());
    s.gap = std::abs(best - bound) / std::max(1e-10, std::abs(best));
    if (s.proven_optimal) s.gap = 0.0;
    stages.next();  // solved
    return s;
}

}  // namespace

LocationSolution solve_exact_cbc(const LocationProblem& pr, const Coverage& c, const LocationOptions& o,
                                 SolverStages& stages) {
    const std::size_t n = pr.demand.size(), m = pr.candidates.size();
    ModelBuilder b;
    std::vector<int> site_column(m);
    const double p = static_cast<double>(pr.p);
    switch (pr.model) {
        case LocationModel::p_median: {
            std::vector<std::size_t> served;
            for (std::size_t i = 0; i < n; ++i)
                if (pr.weight[i] > 0) served.push_back(i);
            if (served.size() * m > o.max_exact_variables)
                throw Error(Field{"solver"}, fmt::format("hub siting: the exact p-median would need {} x {} = {} assignment variables "
                                        "(limit {}); use the heuristic solver",
                                        served.size(), m, served.size() * m, o.max_exact_variables));
            // Rows: one assignment row per served point, one linking row per (point, site), then Σ y = p.
            std::vector<int> assign(served.size());
            for (auto& r : assign) r = b.add_row(1.0, 1.0);
            std::vector<int> link(served.size() * m);
            for (auto& r : link) r = b.add_row(-1e30, 0.0);
            const int count = b.add_row(p, p);
            for (std::size_t j = 0; j < m; ++j) {
                std::vector<std::pair<int, double>> rows;
                for (std::size_t k = 0; k < served.size(); ++k) rows.emplace_back(link[k * m + j], -1.0);
                rows.emplace_back(count, 1.0);
                site_column[j] = static_cast<int>(b.columns());
                b.add_column(0.0, 0.0, 1.0, true, rows);
            }
            for (std::size_t k = 0; k < served.size(); ++k) {
                const std::size_t i = served[k];
                for (std::size_t j = 0; j < m; ++j)
                    b.add_column(pr.weight[i] * distance_between(pr.demand[i], pr.candidates[j]), 0.0, 1.0, false,
                                 {{assign[k], 1.0}, {link[k * m + j], 1.0}});
            }
            break;
        }
        case LocationModel::maximal_covering: {
            // Row per reachable point with demand: z_i − Σ_{j∈N_i} y_j ≤ 0; then Σ y = p.
            std::vector<int> row_of(n, -1);
            for (std::size_t i = 0; i < n; ++i)
                if (pr.weight[i] > 0 && !c.sites_of[i].empty()) row_of[i] = b.add_row(-1e30, 0.0);
            const int count = b.add_row(p, p);
            for (std::size_t j = 0; j < m; ++j) {
                std::vector<std::pair<int, double>> rows;
                for (std::size_t i : c.points_of[j])
                    if (row_of[i] >= 0) rows.emplace_back(row_of[i], -1.0);
                rows.emplace_back(count, 1.0);
                site_column[j] = static_cast<int>(b.columns());
                b.add_column(0.0, 0.0, 1.0, true, rows);
            }
            for (std::size_t i = 0; i < n; ++i)
                if (row_of[i] >= 0) b.add_column(-pr.weight[i], 0.0, 1.0, false, {{row_of[i], 1.0}});
            break;
        }
        case LocationModel::set_covering: {
            std::vector<int> row_of(n, -1);
            for (std::size_t i = 0; i < n; ++i)
                if (pr.weight[i] > 0) row_of[i] = b.add_row(1.0, 1e30);
            for (std::size_t j = 0; j < m; ++j) {
                std::vector<std::pair<int, double>> rows;
                for (std::size_t i : c.points_of[j])
                    if (row_of[i] >= 0) rows.emplace_back(row_of[i], 1.0);
                site_column[j] = static_cast<int>(b.columns());
                b.add_column(1.0, 0.0, 1.0, true, rows);
            }
            break;
        }
    }
    return run(b, site_column, o, stages);
}

}  // namespace cohesion

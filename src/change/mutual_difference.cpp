#include "change/mutual_difference.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "indices/multigroup/multigroup_terms.hpp"

namespace cohesion {

namespace {

// Joint proportions of common units × common groups, row-major (unit u, group g at u*G+g).
struct Joint {
    std::size_t units = 0, groups = 0;
    std::vector<double> p;

    double& at(std::size_t u, std::size_t g) { return p[u * groups + g]; }
    double at(std::size_t u, std::size_t g) const { return p[u * groups + g]; }

    // Margins are summed in long double: nationally a group margin adds ~35,000 terms, and
    // double rounding alone (~1e-14) would stop the IPF short of its fixed point.
    std::vector<double> unit_margins() const {
        std::vector<double> m(units);
        for (std::size_t u = 0; u < units; ++u) {
            long double s = 0.0L;
            for (std::size_t g = 0; g < groups; ++g) s += at(u, g);
            m[u] = static_cast<double>(s);
        }
        return m;
    }
    std::vector<double> group_margins() const {
        std::vector<long double> s(groups, 0.0L);
        for (std::size_t u = 0; u < units; ++u)
            for (std::size_t g = 0; g < groups; ++g) s[g] += at(u, g);
        return {s.begin(), s.end()};
    }
    void normalise() {
        long double total = 0.0L;
        for (double v : p) total += v;
        for (double& v : p) v = static_cast<double>(v / total);
    }
};

// ls_u = Σ_g p(g|u) ln(p(g|u)/p(g)) per unit, and M = Σ_u p_u ls_u.
std::vector<double> local_segregation(const Joint& j) {
    const auto pu = j.unit_margins();
    const auto pg = j.group_margins();
    std::vector<double> ls(j.units, 0.0);
    for (std::size_t u = 0; u < j.units; ++u) {
        if (!(pu[u] > 0.0)) continue;
        for (std::size_t g = 0; g < j.groups; ++g) {
            const double c = j.at(u, g) / pu[u];
            if (c > 0.0) ls[u] += c * std::log(c / pg[g]);
        }
    }
    return ls;
}

double mutual_information(const Joint& j) {
    const auto pu = j.unit_margins();
    const auto ls = local_segregation(j);
    double M = 0.0;
    for (std::size_t u = 0; u < j.units; ++u) M += pu[u] * ls[u];
    return M;
}

double max_margin_error(const Joint& j, const std::vector<double>& group_target, const std::vector<double>& unit_target) {
    double e = 0.0;
    const auto pu = j.unit_margins();
    const auto pg = j.group_margins();
    for (std::size_t u = 0; u < j.units; ++u) e = std::max(e, std::abs(pu[u] - unit_target[u]));
    for (std::size_t g = 0; g < j.groups; ++g) e = std::max(e, std::abs(pg[g] - group_target[g]));
    return e;
}

// Iterative proportional fitting of `start` to the two target margins (Deming & Stephan 1940).
// At convergence the result is unique whatever the order of the steps, so only the limit
// matters. Below ~1e-17 the margins stop improving (floating point), so a fit whose error has
// stalled for a few sweeps at a tiny level counts as converged too.
Joint fit_margins(Joint j, const std::vector<double>& group_target, const std::vector<double>& unit_target,
                  const IpfOptions& options, IpfRun& run) {
    constexpr double floating_point_floor = 1e-13;
    double best = std::numeric_limits<double>::infinity();
    std::size_t stalled = 0;
    for (run.iterations = 0; run.iterations < options.max_iterations; ++run.iterations) {
        run.max_margin_error = max_margin_error(j, group_target, unit_target);
        if (run.max_margin_error <= options.precision) break;
        if (run.max_margin_error < best) best = run.max_margin_error, stalled = 0;
        else if (++stalled >= 3 && best <= floating_point_floor) break;
        const auto pu = j.unit_margins();
        for (std::size_t u = 0; u < j.units; ++u) {
            const double f = unit_target[u] / pu[u];
            for (std::size_t g = 0; g < j.groups; ++g) j.at(u, g) *= f;
        }
        j.normalise();
        const auto pg = j.group_margins();
        for (std::size_t u = 0; u < j.units; ++u)
            for (std::size_t g = 0; g < j.groups; ++g) j.at(u, g) *= group_target[g] / pg[g];
        j.normalise();
    }
    run.max_margin_error = max_margin_error(j, group_target, unit_target);
    run.converged = run.max_margin_error <= std::max(options.precision, floating_point_floor);
    return j;
}

// Units (by code) and groups (by name) with people in the table.
struct Present {
    std::unordered_map<std::string, std::size_t> units;
    std::unordered_map<std::string, std::size_t> groups;
};

Present present(const Table& t) {
    Present p;
    const auto sums = t.group_sum();
    for (std::size_t i = 0; i < t.areas(); ++i)
        if (sums[i] > 0.0) p.units.emplace(t.area_codes()[i], i);
    for (std::size_t g = 0; g < t.groups(); ++g) {
        double total = 0.0;
        for (double v : t.column(g)) total += v;
        if (total > 0.0) p.groups.emplace(t.group_names()[g], g);
    }
    return p;
}

Joint common_counts(const Table& t, const Present& p, const std::vector<std::string>& units,
                    const std::vector<std::string>& groups) {
    Joint j{units.size(), groups.size(), std::vector<double>(units.size() * groups.size())};
    for (std::size_t u = 0; u < units.size(); ++u)
        for (std::size_t g = 0; g < groups.size(); ++g)
            j.at(u, g) = std::max(0.0, t.count(p.units.at(units[u]), p.groups.at(groups[g])));
    return j;
}

double smallest_positive(const Joint& j) {
    double m = std::numeric_limits<double>::infinity();
    for (double v : j.p)
        if (v > 0.0) m = std::min(m, v);
    return m;
}

std::size_t fill_empty(Joint& j, double value) {
    std::size_t n = 0;
    for (double& v : j.p)
        if (!(v > 0.0)) v = value, ++n;
    return n;
}

}  // namespace

MutualDifference mutual_difference(const Table& a, const Table& b, const IpfOptions& options) {
    MutualDifference r;
    r.M1 = multigroup_terms::mutual_information(multigroup(a));
    r.M2 = multigroup_terms::mutual_information(multigroup(b));
    r.diff = r.M2 - r.M1;

    const Present pa = present(a), pb = present(b);
    r.units_a = pa.units.size();
    r.units_b = pb.units.size();
    std::vector<std::string> units;
    for (std::size_t i = 0; i < a.areas(); ++i)
        if (pa.units.contains(a.area_codes()[i]) && pb.units.contains(a.area_codes()[i]))
            units.push_back(a.area_codes()[i]);
    for (const auto& g : a.group_names())
        if (pa.groups.contains(g) && pb.groups.contains(g)) r.common_groups.push_back(g);
    if (units.empty())
        throw Error(fmt::format("{} and {} share no area code with people in both; harmonise the earlier table to the "
                                "later geography first (cohesion harmonise)",
                                a.source(), b.source()));
    if (r.common_groups.empty())
        throw Error(fmt::format("{} and {} share no group name; rename groups with {} so they match",
                                a.source(), b.source(), field_ref("merge")));

    Joint counts_a = common_counts(a, pa, units, r.common_groups);
    Joint counts_b = common_counts(b, pb, units, r.common_groups);
    r.fill_value = std::min({1e-10, smallest_positive(counts_a) / 1000.0, smallest_positive(counts_b) / 1000.0});
    Joint aaa = counts_a, bbb = counts_b;
    aaa.normalise();
    bbb.normalise();
    const double m_aaa = mutual_information(aaa), m_bbb = mutual_information(bbb);
    r.additions = r.M2 - m_bbb;
    r.removals = m_aaa - r.M1;

    Joint start_a = counts_a, start_b = counts_b;
    r.filled_cells = fill_empty(start_a, r.fill_value) + fill_empty(start_b, r.fill_value);
    start_a.normalise();
    start_b.normalise();
    const auto ga = start_a.group_margins(), ua = start_a.unit_margins();
    const auto gb = start_b.group_margins(), ub = start_b.unit_margins();

    auto fit = [&](const char* name, const char* description, const Joint& start, const std::vector<double>& groups,
                   const std::vector<double>& unit_margins) {
        IpfRun run{name, description};
        Joint j = fit_margins(start, groups, unit_margins, options, run);
        r.ipf.push_back(run);
        return j;
    };
    const Joint bba = fit("BBA", "A's structure fitted to both margins of B", start_a, gb, ub);
    const Joint aba = fit("ABA", "A's structure fitted to B's unit margins", start_a, ga, ub);
    const Joint baa = fit("BAA", "A's structure fitted to B's group margins", start_a, gb, ua);
    const Joint aab = fit("AAB", "B's structure fitted to both margins of A", start_b, ga, ua);
    const Joint bab = fit("BAB", "B's structure fitted to A's unit margins", start_b, gb, ua);
    const Joint abb = fit("ABB", "B's structure fitted to A's group margins", start_b, ga, ub);

    const double m_bba = mutual_information(bba), m_aba = mutual_information(aba), m_baa = mutual_information(baa);
    const double m_aab = mutual_information(aab), m_bab = mutual_information(bab), m_abb = mutual_information(abb);
    r.structural = 0.5 * (m_aab - m_aaa) + 0.5 * (m_bbb - m_bba);
    r.group_marginal = 0.25 * (m_baa - m_aaa + m_bba - m_aba + m_bbb - m_abb + m_bab - m_aab);
    r.unit_marginal = 0.25 * (m_aba - m_aaa + m_bba - m_baa + m_bbb - m_bab + m_abb - m_aab);

    const auto ls_aaa = local_segregation(aaa), ls_bbb = local_segregation(bbb);
    const auto ls_aab = local_segregation(aab), ls_bba = local_segregation(bba);
    const auto wa = aaa.unit_margins(), wb = bbb.unit_margins();
    r.units.reserve(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        UnitStructuralChange c{units[u], wa[u], wb[u], ls_aaa[u], ls_bbb[u], ls_aab[u] - ls_aaa[u],
                               ls_bbb[u] - ls_bba[u]};
        c.contribution = 0.5 * c.weight_a * c.change_a + 0.5 * c.weight_b * c.change_b;
        r.units.push_back(std::move(c));
    }
    return r;
}

}  // namespace cohesion

#include "indices/decomposition/mutual_decomposition.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/error.hpp"
#include "indices/multigroup/multigroup_terms.hpp"

namespace cohesion {

MutualDecomposition decompose_within(const CountMatrix& m, const std::vector<std::string>& parent_of_unit) {
    if (parent_of_unit.size() != m.units)
        throw Error("decomposition: " + std::to_string(parent_of_unit.size()) + " parent labels for " +
                    std::to_string(m.units) + " units");
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::string> parents;
    std::vector<std::size_t> parent(m.units);
    for (std::size_t i = 0; i < m.units; ++i) {
        auto [it, inserted] = index.try_emplace(parent_of_unit[i], parents.size());
        if (inserted) parents.push_back(parent_of_unit[i]);
        parent[i] = it->second;
    }
    const std::size_t P = parents.size();

    // Parents × groups table for the between component.
    std::vector<double> parent_cells(P * m.groups, 0.0);
    for (std::size_t g = 0; g < m.groups; ++g)
        for (std::size_t i = 0; i < m.units; ++i) parent_cells[g * P + parent[i]] += m.at(i, g);

    MutualDecomposition d;
    d.total_M = multigroup_terms::mutual_information(m);
    d.entropy = multigroup_terms::entropy(multigroup_terms::overall_shares(m));
    const CountMatrix between = make_count_matrix(parent_cells, P, m.group_names);
    d.between_M = multigroup_terms::mutual_information(between);

    // Units of each parent, then M within each parent.
    std::vector<std::vector<std::size_t>> members(P);
    for (std::size_t i = 0; i < m.units; ++i) members[parent[i]].push_back(i);
    for (std::size_t p = 0; p < P; ++p) {
        WithinPart part;
        part.parent = parents[p];
        part.units = members[p].size();
        std::vector<double> cells(members[p].size() * m.groups);
        for (std::size_t g = 0; g < m.groups; ++g)
            for (std::size_t k = 0; k < members[p].size(); ++k) cells[g * members[p].size() + k] = m.at(members[p][k], g);
        const CountMatrix inside = make_count_matrix(std::move(cells), members[p].size(), m.group_names);
        part.population_share = inside.grand_total / m.grand_total;
        part.entropy = multigroup_terms::entropy(multigroup_terms::overall_shares(inside));
        part.M = multigroup_terms::mutual_information(inside);
        part.H = part.entropy > 0.0 ? part.M / part.entropy : 0.0;
        part.contribution = part.population_share * part.M;
        d.within_M += part.contribution;
        d.parts.push_back(std::move(part));
    }
    std::stable_sort(d.parts.begin(), d.parts.end(),
                     [](const WithinPart& a, const WithinPart& b) { return a.contribution > b.contribution; });
    d.total_H = d.total_M / d.entropy;
    d.between_H = d.between_M / d.entropy;
    d.within_H = d.within_M / d.entropy;
    return d;
}

std::vector<GroupContribution> decompose_by_group(const CountMatrix& m) {
    std::vector<GroupContribution> out;
    for (std::size_t g = 0; g < m.groups; ++g) {
        GroupContribution c;
        c.group = m.group_names[g];
        c.population_share = m.group_totals[g] / m.grand_total;
        if (m.group_totals[g] > 0.0)
            for (std::size_t i = 0; i < m.units; ++i) {
                const double p_i_given_m = m.at(i, g) / m.group_totals[g];
                const double p_i = m.unit_totals[i] / m.grand_total;
                if (p_i_given_m > 0.0) c.local_segregation += p_i_given_m * std::log(p_i_given_m / p_i);
            }
        c.contribution = c.population_share * c.local_segregation;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace cohesion

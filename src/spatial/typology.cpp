#include "spatial/typology.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cohesion {

std::string typology_label(int type) {
    static const char* labels[] = {"",
                                   "I isolated host community",
                                   "II non-isolated host community",
                                   "III associated assimilation-pluralism enclave",
                                   "IV mixed-minority enclave",
                                   "V polarised enclave",
                                   "VI ghetto"};
    return type >= 1 && type <= 6 ? labels[type] : "unclassified";
}

std::vector<AreaType> classify_neighbourhoods(const CountMatrix& m, const TypologyOptions& o) {
    const auto host_it = std::find(m.group_names.begin(), m.group_names.end(), o.host_group);
    if (o.host_group.empty() || host_it == m.group_names.end())
        throw Error(Field{"typology_host"}, "the typology needs a host group present in the table (got '" +
                                                   o.host_group + "')");
    if (!(o.assimilation < o.non_isolated_host && o.non_isolated_host < o.isolated_host))
        throw Error(Field{"thresholds"}, "host thresholds must increase: assimilation < non-isolated < isolated");
    const std::size_t host = static_cast<std::size_t>(host_it - m.group_names.begin());
    std::vector<AreaType> out(m.units);
    for (std::size_t i = 0; i < m.units; ++i) {
        AreaType& a = out[i];
        const double t = m.unit_totals[i];
        a.host_share = m.at(i, host) / t;
        double minorities = 0.0, largest = -1.0;
        for (std::size_t g = 0; g < m.groups; ++g) {
            if (g == host) continue;
            minorities += m.at(i, g);
            if (m.at(i, g) > largest) {
                largest = m.at(i, g);
                a.dominant = m.group_names[g];
            }
        }
        a.dominant_share_of_minorities = minorities > 0.0 ? largest / minorities : 0.0;
        if (a.host_share >= o.isolated_host) a.type = 1;
        else if (a.host_share >= o.non_isolated_host) a.type = 2;
        else if (a.host_share >= o.assimilation) a.type = 3;
        else a.type = a.dominant_share_of_minorities >= o.dominant_minority ? 5 : 4;
    }
    // Ghettos: polarised enclaves of a group that hold a large share of that group.
    for (std::size_t g = 0; g < m.groups; ++g) {
        if (g == host || m.group_totals[g] <= 0.0) continue;
        double in_polarised = 0.0;
        for (std::size_t i = 0; i < m.units; ++i)
            if (out[i].type == 5 && out[i].dominant == m.group_names[g]) in_polarised += m.at(i, g);
        if (in_polarised / m.group_totals[g] >= o.ghetto_share)
            for (std::size_t i = 0; i < m.units; ++i)
                if (out[i].type == 5 && out[i].dominant == m.group_names[g]) out[i].type = 6;
    }
    for (auto& a : out) a.label = typology_label(a.type);
    return out;
}

}  // namespace cohesion

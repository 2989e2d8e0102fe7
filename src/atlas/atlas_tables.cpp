#include "atlas/atlas_tables.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cohesion {

namespace {

Cell number(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }
Cell whole(int v) { return v > 0 ? Cell{static_cast<std::int64_t>(v)} : Cell{}; }

const TownEntry* entry(const TownDirectory& d, const std::string& name) {
    for (const auto& t : d.towns)
        if (t.name == name) return &t;
    return nullptr;
}

std::string code_of(const TownDirectory& d, const std::string& name) {
    const TownEntry* e = entry(d, name);
    return e ? e->code : "";
}

}  // namespace

ResultTable atlas_measure_table(const NationalAtlas& atlas, const TownDirectory& directory,
                                const std::vector<std::string>& indices, const std::string& title) {
    ResultTable t;
    t.title = title;
    t.notes = atlas.notes;
    t.columns = {"lad", "code", "region", "index_name", "group_name", "people", "share", "estimate", "raw_value",
                 "ci_lower", "ci_upper", "expected_if_random", "excess_over_random", "p_value", "rank", "rank_lower",
                 "rank_upper", "ranked_among", "peer_rank", "peer_count", "reason", "seed"};
    for (std::size_t i = 0; i < atlas.units.size(); ++i) {
        const AtlasUnit& u = atlas.units[i];
        for (const auto& v : u.values) {
            if (std::find(indices.begin(), indices.end(), v.index) == indices.end()) continue;
            double people = u.people;
            for (std::size_t g = 0; g < u.groups.size(); ++g)
                if (u.groups[g] == v.group) people = u.group_people[g];
            const PeerStanding peers = peer_standing(atlas, i, v.index, v.group);
            t.add_row({u.name, code_of(directory, u.name), u.region, v.index, v.group, people,
                       number(u.people > 0 ? people / u.people : NAN), number(v.value.estimate),
                       number(v.value.raw_value), number(v.value.ci_lower), number(v.value.ci_upper),
                       v.chance ? number(v.chance->expected) : Cell{}, v.chance ? number(v.chance->excess) : Cell{},
                       v.chance ? number(v.chance->p_value) : Cell{}, whole(v.rank), whole(v.rank_lower),
                       whole(v.rank_upper), whole(v.ranked_among), whole(peers.rank), whole(peers.of), v.reason,
                       std::to_string(u.seed)});
        }
    }
    return t;
}

ResultTable atlas_decomposition_table(const NationalAtlas& atlas, const TownDirectory& directory) {
    ResultTable t;
    t.title = "Where segregation lies: M split over the hierarchy (parts add up to M; H = M / entropy)";
    t.notes = atlas.notes;
    t.columns = {"lad", "code", "region", "part", "M", "H", "share_of_M"};
    auto add = [&](const std::string& lad, const std::string& code, const std::string& region,
                   const std::vector<AtlasLevelPart>& parts) {
        double total = 0.0;
        for (const auto& p : parts) total += p.M;
        for (const auto& p : parts)
            t.add_row({lad, code, region, p.part, number(p.M), number(p.H), number(total > 0 ? p.M / total : NAN)});
    };
    for (const auto& u : atlas.units) add(u.name, code_of(directory, u.name), u.region, u.hierarchy);
    add("England and Wales", "K04000001", "", atlas.national_hierarchy);
    return t;
}

ResultTable atlas_peer_table(const NationalAtlas& atlas) {
    ResultTable t;
    t.title = "Peers: the towns most like each town";
    t.notes = atlas.notes;
    t.columns = {"lad", "similar_by", "peer_order", "peer", "distance"};
    for (std::size_t i = 0; i < atlas.units.size(); ++i) {
        for (const auto& [by, peers] : {std::pair{"composition", &atlas.composition_peers[i]},
                                        std::pair{"segregation", &atlas.segregation_peers[i]}}) {
            int order = 0;
            for (const auto& p : *peers)
                t.add_row({atlas.units[i].name, std::string(by), static_cast<std::int64_t>(++order),
                           atlas.units[p.unit].name, p.distance});
        }
    }
    return t;
}

ResultTable atlas_town_table(const NationalAtlas& atlas, const TownDirectory& directory) {
    ResultTable t;
    t.title = "Local authorities in the atlas";
    t.notes = atlas.notes;
    t.columns = {"lad", "code", "became", "region", "areas", "people"};
    if (!atlas.units.empty())
        for (const auto& g : atlas.units.front().groups) t.columns.push_back("share_" + g);
    for (const auto& u : atlas.units) {
        const TownEntry* e = entry(directory, u.name);
        std::vector<Cell> row{u.name, e ? e->code : "", e ? e->became : "", u.region,
                              static_cast<std::int64_t>(u.areas), u.people};
        for (double p : u.group_people) row.push_back(number(u.people > 0 ? p / u.people : NAN));
        t.add_row(std::move(row));
    }
    return t;
}

ResultTable atlas_change_table(const NationalAtlas& atlas, const TownDirectory& directory) {
    ResultTable t;
    t.title = "Change 2011 -> 2021 by LAD: M in five broad groups on the 2021 LSOAs, and the parts of the change";
    t.notes = atlas.notes;
    t.columns = {"lad", "code", "region", "areas_2021", "people_2011", "people_2021", "M_2011", "M_2021", "M_change",
                 "group_marginal", "unit_marginal", "structural", "additions", "removals", "H_2011", "H_2021",
                 "reason"};
    for (std::size_t i = 0; i < atlas.change.size() && i < atlas.units.size(); ++i) {
        const AtlasChange& c = atlas.change[i];
        const MutualDifference& d = c.difference;
        const bool ok = c.reason.empty();
        auto part = [ok](double v) { return ok ? number(v) : Cell{}; };
        t.add_row({c.name, code_of(directory, c.name), atlas.units[i].region, static_cast<std::int64_t>(c.areas),
                   part(c.people_earlier), part(c.people_later), number(d.M1), number(d.M2), number(d.diff),
                   part(d.group_marginal), part(d.unit_marginal), part(d.structural), part(d.additions),
                   part(d.removals), number(c.H1), number(c.H2), c.reason});
    }
    return t;
}

ResultTable atlas_map_table(const NationalAtlas& atlas, const TownDirectory& directory) {
    ResultTable t;
    t.title = "atlas";
    t.columns = {"code", "lad", "M", "H"};
    if (!atlas.units.empty())
        for (const auto& g : atlas.units.front().groups) t.columns.push_back("D_" + g);
    const bool change = !atlas.change.empty();
    if (change) t.columns.insert(t.columns.end(), {"M_change", "M_change_structural"});
    for (std::size_t i = 0; i < atlas.units.size(); ++i) {
        const AtlasUnit& u = atlas.units[i];
        const std::string code = code_of(directory, u.name);
        if (code.empty()) continue;
        const AtlasValue* m = u.find("mutual_information", "all groups");
        const AtlasValue* h = u.find("information_theory", "all groups");
        std::vector<Cell> row{code, u.name, m ? number(m->value.estimate) : Cell{},
                              h ? number(h->value.estimate) : Cell{}};
        for (const auto& g : u.groups) {
            const AtlasValue* d = u.find("dissimilarity", g);
            row.push_back(d ? number(d->value.estimate) : Cell{});
        }
        if (change) {
            const bool ok = i < atlas.change.size() && atlas.change[i].reason.empty();
            row.push_back(ok ? number(atlas.change[i].difference.diff) : Cell{});
            row.push_back(ok ? number(atlas.change[i].difference.structural) : Cell{});
        }
        t.add_row(std::move(row));
    }
    return t;
}

}  // namespace cohesion

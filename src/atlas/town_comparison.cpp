#include "atlas/town_comparison.hpp"

#include "analysis/group_labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::string ordinal(int n) {
    const int tens = n % 100, ones = n % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

std::string measure_name(const std::string& index) {
    if (index == "dissimilarity") return "D";
    if (index == "isolation") return "isolation";
    if (index == "mutual_information") return "M";
    if (index == "information_theory") return "H";
    return index;
}

double median(std::vector<double> v) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

TownComparison compare_town(const NationalAtlas& atlas, std::string_view town) {
    const auto it = std::find_if(atlas.units.begin(), atlas.units.end(), [&](const auto& u) { return u.name == town; });
    if (it == atlas.units.end()) throw Error(Field{"town"}, fmt::format("'{}' is not in the atlas", town));
    const std::size_t k = static_cast<std::size_t>(it - atlas.units.begin());
    TownComparison out;
    out.town = it->name;
    for (const auto& p : atlas.composition_peers[k]) out.peers.push_back(atlas.units[p.unit].name);
    for (const auto& v : it->values) {
        TownComparisonRow row;
        row.index = v.index;
        row.group = v.group;
        row.town = v.value.estimate;
        std::vector<double> peer_values;
        for (const auto& p : atlas.composition_peers[k])
            if (const AtlasValue* w = atlas.units[p.unit].find(v.index, v.group); w && std::isfinite(w->value.estimate))
                peer_values.push_back(w->value.estimate);
        row.peer_median = median(peer_values);
        row.national = std::numeric_limits<double>::quiet_NaN();
        for (const auto& n : atlas.national_values)
            if (n.index == v.index && n.group == v.group) row.national = n.value.raw_value;
        row.ranked = v.ranked;
        row.reason = v.reason;
        row.rank = v.rank;
        row.rank_lower = v.rank_lower;
        row.rank_upper = v.rank_upper;
        row.ranked_among = v.ranked_among;
        row.among_peers = peer_standing(atlas, k, v.index, v.group);
        const std::string who = v.group == "all groups" ? out.town + "'s" : out.town + "'s " + group_label(v.group).short_name;
        if (!std::isfinite(row.town)) {
            row.sentence = fmt::format("{} {} is undefined ({}).", who, measure_name(v.index), v.reason);
        } else {
            row.sentence = fmt::format("{} {} is {:.2f}: {} highest of {} and its {} most similar towns", who,
                                       measure_name(v.index), row.town, ordinal(row.among_peers.rank), out.town,
                                       row.among_peers.of - 1);
            if (std::isfinite(row.national)) row.sentence += fmt::format(" (England & Wales: {:.2f})", row.national);
            if (v.ranked)
                row.sentence += fmt::format("; {} of {} local authorities ranked{}", ordinal(v.rank), v.ranked_among,
                                            v.rank_lower > 0 ? fmt::format(", plausibly {}–{}", v.rank_lower, v.rank_upper)
                                                             : "");
            else
                row.sentence += fmt::format("; not ranked nationally ({})", v.reason);
            row.sentence += ".";
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace cohesion

#include "report/section_map.hpp"

#include <fmt/format.h>

#include <cctype>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "geo/dissolve.hpp"
#include "geo/layer_column.hpp"
#include "report/display_table.hpp"
#include "report/town_report.hpp"

namespace cohesion {

std::string column_description(const std::string& column) {
    static const std::map<std::string, std::string> known{
        {"pace", "how fast each area's mix of groups changed between the two censuses, against the pace across "
                 "England & Wales (above 1: faster)"},
        {"score", "ESOL need in each area: residents who speak no English or not well, weighted by how isolated "
                  "they are (higher: more need)"},
        {"site", "which integration hub serves each area (the hubs are marked)"},
        {"zone", "candidate selective-licensing zones: neighbouring areas where private renting is well above the "
                 "national share"},
    };
    const auto it = known.find(column);
    return it == known.end() ? display_heading(column) + " in each area" : it->second;
}

MapFigure section_map(const std::string& title, const AreaLayer& layer, const LayerColumn& values,
                      const std::string& column, const SectionMapOptions& options) {
    // The map's own title says what it shows (the section heading above names the topic).
    static const std::map<std::string, std::string> titles{{"pace", "Pace of change in each area"},
                                                           {"score", "ESOL need score in each area"},
                                                           {"site", "Integration hubs and the areas each serves"},
                                                           {"zone", "Candidate selective-licensing zones"}};
    MapFigure m;
    m.title = titles.count(column) ? titles.at(column) : title + ": " + display_heading(column);
    m.legend_title = display_heading(column);  // "Pace of change", not the data file's "pace"
    std::string what = column_description(column);
    what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    m.caption = what + ".";
    m.layer = &layer;
    m.attribution = map_attribution();
    if (options.places) m.places = place_labels(*options.places, layer, std::vector<double>(layer.size(), 1.0));
    if (values.numeric) {
        for (const auto& code : layer.codes) {
            const auto it = values.number.find(code);
            m.values.push_back(it == values.number.end() ? std::numeric_limits<double>::quiet_NaN() : it->second);
        }
        return m;
    }
    std::set<std::string> labels;
    for (const auto& code : layer.codes) {
        const auto it = values.text.find(code);
        m.categories.push_back(it == values.text.end() ? "" : it->second);
        if (!m.categories.back().empty() && m.categories.back() != "no") labels.insert(m.categories.back());
    }
    for (const auto& l : labels) m.category_colours.emplace_back(l, okabe_ito(m.category_colours.size()));
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < layer.size(); ++i) index[layer.codes[i]] = i;
    const std::vector<std::string> place_of =
        options.places ? place_of_areas(layer, *options.places) : std::vector<std::string>(layer.size());
    bool sites = !labels.empty();
    for (const auto& l : labels) sites = sites && index.count(l) > 0;
    if (sites) {  // hub catchments: a marker at each hub's area, with its service ring
        // Hubs in the hubs table's order, named in words: "Hub 1: Queens Park".
        std::map<std::string, double> number_of;  // site -> hub number
        if (options.hub_numbers)
            for (const auto& [code, site] : values.text)
                if (const auto n = options.hub_numbers->number.find(code); n != options.hub_numbers->number.end())
                    number_of.emplace(site, n->second);
        std::vector<std::string> hubs(labels.begin(), labels.end());
        std::stable_sort(hubs.begin(), hubs.end(), [&](const std::string& a, const std::string& b) {
            const auto na = number_of.find(a), nb = number_of.find(b);
            const double inf = std::numeric_limits<double>::infinity();
            return (na == number_of.end() ? inf : na->second) < (nb == number_of.end() ? inf : nb->second);
        });
        std::map<std::string, std::string> name_of;  // site -> legend label
        m.category_colours.clear();
        std::vector<std::size_t> hub_areas;
        for (std::size_t k = 0; k < hubs.size(); ++k) {
            const std::size_t i = index[hubs[k]];
            const auto n = number_of.find(hubs[k]);
            const std::string number =
                n == number_of.end() ? std::to_string(k + 1) : fmt::format("{:g}", n->second);
            const std::string label = "Hub " + number + ": " + (place_of[i].empty() ? hubs[k] : place_of[i]);
            name_of[hubs[k]] = label;
            m.category_colours.emplace_back(label, okabe_ito(k));
            m.markers.push_back({layer.centroid_x[i], layer.centroid_y[i], options.hub_distance_m, label});
            hub_areas.push_back(i);
        }
        for (auto& c : m.categories)
            if (const auto it = name_of.find(c); it != name_of.end()) c = it->second;
        m.legend_title = "served by hub";
        m.extent = focus_extent(layer, hub_areas, std::max(3000.0, 3.0 * options.hub_distance_m));
        m.caption += " Zoomed to the hubs.";
    } else if (labels.size() <= 12) {  // zones: dissolved outlines, named
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < layer.size(); ++i)
            if (labels.count(m.categories[i])) all.push_back(i);
        m.extent = focus_extent(layer, all);
        m.caption += " Zoomed to the zones.";
        m.outline_legend = "zones";
        for (const auto& l : labels) {
            std::vector<std::size_t> members;
            for (std::size_t i = 0; i < layer.size(); ++i)
                if (m.categories[i] == l) members.push_back(i);
            MapOutline o;
            o.geometry = dissolve(layer, members);
            std::map<std::string, int> count;
            for (std::size_t i : members)
                if (!place_of[i].empty()) ++count[place_of[i]];
            std::string place;
            int best = 0;
            for (const auto& [name, n] : count)
                if (n > best) best = n, place = name;
            o.label = place.empty() ? l : l + " (" + place + ")";
            m.outlines.push_back(std::move(o));
        }
    }
    return m;
}

}  // namespace cohesion

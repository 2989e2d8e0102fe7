#include "report/town_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>

#include "core/error.hpp"

namespace cohesion {

namespace {

std::size_t column(const ResultTable& t, const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] == name) return c;
    throw Error("report: result table '" + t.title + "' has no column " + name);
}

// Map values come one per table area, and the layer holds exactly those areas in table
// order (draw_map checks the sizes).
MapFigure base_map(const TownReportInput& in, std::string title, std::string legend, std::string caption) {
    MapFigure m;
    m.title = std::move(title);
    m.legend_title = std::move(legend);
    m.caption = std::move(caption);
    m.layer = in.layer;
    m.attribution = map_attribution();
    return m;
}

MapFigure numeric_map(const TownReportInput& in, std::string title, std::string legend, std::string caption,
                      const std::vector<double>& values, bool percent) {
    MapFigure m = base_map(in, std::move(title), std::move(legend), std::move(caption));
    m.values = values;
    m.percent = percent;
    return m;
}

MapFigure category_map(const TownReportInput& in, std::string title, std::string legend, std::string caption,
                       const std::vector<std::string>& labels, std::vector<std::pair<std::string, Rgb>> colours) {
    MapFigure m = base_map(in, std::move(title), std::move(legend), std::move(caption));
    m.categories = labels;
    m.category_colours = std::move(colours);
    return m;
}

}  // namespace

std::string map_attribution() {
    return "Contains National Statistics data © Crown copyright and database right; contains OS data © Crown "
           "copyright and database right. OGL v3.0.";
}

std::vector<std::string> ogl_attribution() {
    return {"Source: Office for National Statistics, Census 2011 and Census 2021, licensed under the Open Government "
            "Licence v3.0. Contains National Statistics data © Crown copyright and database right.",
            "Boundaries: ONS Geography (Generalised Clipped), Open Government Licence v3.0. Contains OS data © Crown "
            "copyright and database right.",
            "Output-area polygons via martinjc/UK-GeoJSON (CC BY 4.0); LSOA 2021 polygons via drkane/geo-lookups."};
}

ReportDocument town_report(const TownReportInput& in) {
    if (!in.profile) throw Error("report: no analysis results");
    const TownProfile& p = *in.profile;
    const bool reference = !in.reference_name.empty();
    ReportDocument d;
    d.title = "Where " + in.town + "'s communities live";
    d.subtitle = "Segregation, isolation and enclaves from census counts — a cohesion report";
    d.version = in.version;
    d.command = in.command;
    d.generated = in.generated;
    d.attribution = ogl_attribution();
    d.sources = describe_sources(in.source_files);

    // Least integrated: groups ranked by D (the profile's table is already in that order).
    const auto& g = p.groups;
    const std::size_t c_group = column(g, "group"), c_d = column(g, "dissimilarity"), c_lo = column(g, "d_ci_lower"),
                      c_hi = column(g, "d_ci_upper");
    const double m_value = cell_number(p.multigroup.rows.at(0)[column(p.multigroup, "value")]);
    d.key_figures = {{"residents", fmt::format("{:.0f}", p.total_population)},
                     {"areas", std::to_string(p.areas.rows.size())},
                     {"groups", std::to_string(p.composition.rows.size())},
                     {"segregation of all groups (Theil's M, nats)", fmt::format("{:.4f}", m_value)},
                     {"least integrated group (highest D)",
                      fmt::format("{} (D = {:.2f})", std::get<std::string>(g.rows.at(0)[c_group]),
                                  cell_number(g.rows.at(0)[c_d]))},
                     {"enclaves of " + p.focal, std::to_string(p.enclaves.rows.size())}};

    ReportSection who;
    who.title = "Who lives here";
    BarChartFigure shares;
    shares.title = "Share of residents by group";
    shares.axis_label = "share of residents";
    shares.percent = true;
    shares.caption = reference ? "Bars: " + in.town + "; diamonds: " + in.reference_name + "."
                               : "Share of the town's residents in each group.";
    const auto& comp = p.composition;
    for (const auto& row : comp.rows) {
        shares.labels.push_back(std::get<std::string>(row[0]));
        shares.values.push_back(cell_number(row[2]));
        if (reference) shares.reference.push_back(cell_number(row[3]));
    }
    shares.reference_label = in.reference_name;
    who.figures.push_back(shares);
    who.tables.push_back(comp);
    d.sections.push_back(std::move(who));

    ReportSection apart;
    apart.title = "Who lives most apart";
    std::vector<std::string> top;
    for (std::size_t r = 0; r < std::min<std::size_t>(3, g.rows.size()); ++r)
        top.push_back(fmt::format("{} (D = {:.2f}, 95% CI {:.2f}–{:.2f})", std::get<std::string>(g.rows[r][c_group]),
                                  cell_number(g.rows[r][c_d]), cell_number(g.rows[r][c_lo]), cell_number(g.rows[r][c_hi])));
    apart.paragraphs.push_back(
        "The index of dissimilarity D is the share of a group who would have to move for it to be spread like everyone "
        "else (0 = even, 1 = completely apart). The groups living most apart are " +
        fmt::format("{}", fmt::join(top, "; ")) +
        ". Small groups score higher by chance alone; the intervals come from resampling people, and for a small "
        "group they can sit wholly above its D: resampling adds the same chance unevenness again (the bias-corrected "
        "values are in indices.csv).");
    BarChartFigure dchart;
    dchart.title = "Dissimilarity from everyone else, by group";
    dchart.axis_label = "index of dissimilarity D";
    dchart.caption = "Bars: D with 95% bootstrap intervals" +
                     (reference ? "; diamonds: D in " + in.reference_name + " (same groups, its own areas)." : ".");
    dchart.reference_label = in.reference_name;
    for (const auto& row : g.rows) {
        dchart.labels.push_back(std::get<std::string>(row[c_group]));
        dchart.values.push_back(cell_number(row[c_d]));
        dchart.lower.push_back(cell_number(row[c_lo]));
        dchart.upper.push_back(cell_number(row[c_hi]));
        if (reference) dchart.reference.push_back(cell_number(row[column(g, "reference_dissimilarity")]));
    }
    apart.figures.push_back(dchart);
    apart.tables = {p.groups, p.multigroup};
    d.sections.push_back(std::move(apart));

    if (in.layer) {
        ReportSection where;
        where.title = "Where";
        where.paragraphs.push_back(
            "Maps of " + p.focal + " (unless chosen: the group of at least 1% of residents living most apart) and of "
            "segregation across all groups. "
            "Classes are natural breaks (Fisher–Jenks) on a colour-blind-safe viridis scale.");
        where.figures.push_back(numeric_map(in, "Share of residents who are " + p.focal, p.focal + " share",
                                            "Share of each area's residents.", p.focal_share, true));
        where.figures.push_back(numeric_map(in, "Location quotient of " + p.focal, "LQ (1 = town average)",
                                            "Area share divided by the town share: above 1, over-represented.",
                                            p.focal_lq, false));
        where.figures.push_back(numeric_map(in, "Local segregation (contribution to Theil's M)", "local M score",
                                            "How far each area's mix differs from the town's, all groups at once.",
                                            p.local_segregation, false));
        std::vector<std::pair<std::string, Rgb>> hot{{"hot", okabe_ito(5)}, {"cold", okabe_ito(1)}};
        where.figures.push_back(category_map(in, "Hot and cold spots of the " + p.focal + " share", "Getis-Ord G*",
                                             "Significant clusters (permutation test, false discovery rate 5%).",
                                             p.hot_spot, hot));
        std::set<std::string> names(p.enclave.begin(), p.enclave.end());
        names.erase("");
        std::vector<std::pair<std::string, Rgb>> enc;
        for (const auto& n : names) enc.emplace_back(n, okabe_ito(enc.size()));
        where.figures.push_back(category_map(in, "Enclaves of " + p.focal, "enclave",
                                             "Contiguous hot spots where the share is above the town's.", p.enclave, enc));
        std::set<std::string> types(p.neighbourhood_type.begin(), p.neighbourhood_type.end());
        types.erase("");
        std::vector<std::pair<std::string, Rgb>> typ;
        for (const auto& t : types) typ.emplace_back(t, okabe_ito(typ.size()));
        where.figures.push_back(category_map(in, "Neighbourhood types (host group " + p.host + ")", "type",
                                             "Poulsen, Johnston & Forrest (2001) typology.", p.neighbourhood_type, typ));
        where.tables.push_back(p.enclaves);
        d.sections.push_back(std::move(where));
    }
    for (const auto& s : in.extra_sections) d.sections.push_back(s);
    return d;
}

}  // namespace cohesion

#include "project/project_file.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "project/scenario_file.hpp"
#include "project/toml_section.hpp"

namespace cohesion {

namespace {

namespace fs = std::filesystem;

using Section = TomlSection;

void read_table(Section& s, ProjectTable& t) {
    s.path("path", t.path);
    s.text("layout", t.layout);
    s.texts("where", t.where);
    s.text("aggregate", t.aggregate);
    s.text("residual", t.residual);
    s.texts("merge", t.merge);
    s.path("scheme", t.scheme);
    s.texts("groups", t.groups);
    s.path("percent_of", t.percent_of);
    s.path("levels_from", t.levels_from);
    s.finish();
}

ProjectTable table_section(Section& parent, const char* key, bool required) {
    ProjectTable t;
    if (const auto* tt = parent.table(key)) {
        Section s(*tt, parent.file(), parent.name().empty() ? std::string(key) : parent.name() + "." + key, parent.folder(),
                  parent.lines());
        read_table(s, t);
    }
    if (required && t.path.empty())
        throw Error(Location{parent.file(), 0, key}, std::string("a [") + key + "] section with a path is required");
    return t;
}

}  // namespace

Project load_project(const std::string& path) {
    const toml::table root = parse_toml_file(path, "project file");
    Project p;
    p.file = path;
    p.folder = fs::absolute(path).parent_path().string();
    Section top(root, path, "", p.folder, &p.key_lines);

    if (const auto* t = top.table("project")) {
        Section s(*t, path, "project", p.folder, &p.key_lines);
        s.text("name", p.name);
        s.path("output", p.output, false);
        s.finish();
    }
    if (p.output == "out") p.output = (fs::path(p.folder) / "out").string();
    p.table = table_section(top, "table", true);
    if (const auto* t = top.table("boundaries")) {
        Section s(*t, path, "boundaries", p.folder, &p.key_lines);
        s.path("path", p.boundaries);
        s.text("code_field", p.code_field);
        s.finish();
    }
    if (const auto* t = top.table("reference")) {
        Section s(*t, path, "reference", p.folder, &p.key_lines);
        s.path("path", p.reference);
        s.text("name", p.reference_name);
        s.finish();
    }
    if (const auto* t = top.table("analyses")) {
        Section s(*t, path, "analyses", p.folder, &p.key_lines);
        s.flag("indices", p.indices);
        s.flag("local", p.local);
        s.flag("report", p.report);
        s.flag("pdf", p.pdf);
        s.integer("bootstrap", p.bootstrap, 2, 100000);
        s.integer("permutations", p.permutations, 19, 1000000);
        std::int64_t seed = static_cast<std::int64_t>(p.seed);
        s.integer("seed", seed, 0, INT64_MAX);
        p.seed = static_cast<std::uint64_t>(seed);
        s.text("typology_host", p.typology_host);
        s.texts("hotspots", p.hotspots);
        s.texts("enclaves", p.enclaves);
        s.real("min_lq", p.min_lq, 0.0, 1000.0);
        s.finish();
    }
    if (const auto* t = top.table("report")) {
        Section s(*t, path, "report", p.folder, &p.key_lines);
        s.path("places", p.places);
        s.finish();
    }
    if (const auto* t = top.table("change")) {
        Section s(*t, path, "change", p.folder, &p.key_lines);
        ProjectChange c;
        c.earlier = table_section(s, "earlier", true);
        c.later = table_section(s, "later", true);
        s.path("lookup", c.lookup);
        s.text("from_column", c.from_column);
        s.text("to_column", c.to_column);
        s.text("change_column", c.change_column);
        s.path("weights_table", c.weights_table);
        s.path("boundaries", c.boundaries);
        s.texts("emerging", c.emerging);
        s.real("years", c.years, 0.1, 100.0);
        s.integer("earlier_year", c.earlier_year, 1800, 2200);
        s.integer("later_year", c.later_year, 1800, 2200);
        s.finish();
        if (c.lookup.empty() || c.from_column.empty() || c.to_column.empty())
            throw Error(Location{path, 0, "change.lookup"},
                        "the change section needs lookup, from_column and to_column (the earlier-to-later lookup)");
        if (!c.emerging.empty() && c.boundaries.empty())
            throw Error(Location{path, 0, "change.emerging"}, "emerging enclaves need change.boundaries (later polygons)");
        p.change = c;
    }
    if (const auto* t = top.table("targeting")) {
        Section s(*t, path, "targeting", p.folder, &p.key_lines);
        ProjectTargeting g;
        s.path("census", g.census);
        s.text("where", g.where);
        s.text("aggregate", g.aggregate);
        s.path("boundaries", g.boundaries);
        s.text("model", g.model);
        s.integer("hubs", g.hubs, 1, 100000);
        s.real("distance", g.distance, 1.0, 1e6);
        s.finish();
        if (g.census.empty()) throw Error(Location{path, 0, "targeting.census"}, "the census tables folder is required");
        p.targeting = g;
    }
    p.simulation.data = fs::path(p.folder).parent_path().string();
    if (const auto* t = top.table("simulation")) {
        Section s(*t, path, "simulation", p.folder);
        s.text("town", p.simulation.town);
        s.path("data", p.simulation.data);
        s.path("parameters", p.simulation.parameters);
        s.integer("replicates", p.simulation.replicates, 1, 10000);
        s.integer("years", p.simulation.years, 1, 50);
        std::int64_t seed = static_cast<std::int64_t>(p.simulation.seed);
        s.integer("seed", seed, 0, INT64_MAX);
        p.simulation.seed = static_cast<std::uint64_t>(seed);
        s.finish();
    }
    if (p.simulation.town.empty()) p.simulation.town = p.name;
    p.scenarios = read_scenarios(top);
    top.finish();
    return p;
}

}  // namespace cohesion

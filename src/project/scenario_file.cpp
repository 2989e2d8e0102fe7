#include "project/scenario_file.hpp"

namespace cohesion {

namespace {

std::optional<PointSpec> point_of(TomlSection& s) {
    std::optional<std::pair<double, double>> xy;
    s.pair("point", xy);
    if (!xy) return std::nullopt;
    return PointSpec{xy->first, xy->second};
}

int year_of(TomlSection& s) {
    std::int64_t year = 0;
    s.integer("year", year, 1900, 2200);
    return static_cast<int>(year);
}

}  // namespace

std::vector<ScenarioSpec> read_scenarios(TomlSection& root) {
    std::vector<ScenarioSpec> out;
    const toml::array* blocks = root.tables("scenario");
    if (!blocks) return out;
    for (const auto& node : *blocks) {
        const std::string where = fmt::format("scenario[{}]", out.size() + 1);
        TomlSection s(*node.as_table(), root.file(), where, root.folder());
        ScenarioSpec spec;
        s.text("name", spec.name);
        if (spec.name.empty()) throw Error(Location{root.file(), static_cast<std::size_t>(node.source().begin.line), where + ".name"},
                                           "every [[scenario]] needs a name");
        s.text("assumption", spec.assumption);
        if (const auto* list = s.tables("development"))
            for (const auto& d : *list) {
                TomlSection t(*d.as_table(), root.file(), where + ".development", root.folder());
                DevelopmentSpec dev;
                t.text("area", dev.area);
                dev.point = point_of(t);
                t.real("dwellings", dev.dwellings, 0, 1e6);
                t.real("private_rented", dev.private_rented, 0, 1);
                t.real("social_rented", dev.social_rented, 0, 1);
                dev.year = year_of(t);
                t.finish();
                if (dev.area.empty() == !dev.point)
                    throw Error(Location{root.file(), static_cast<std::size_t>(d.source().begin.line), where + ".development"},
                                "give either area (a code) or point ([x, y] in metres)");
                spec.developments.push_back(dev);
            }
        if (const auto* list = s.tables("tenure_change"))
            for (const auto& d : *list) {
                TomlSection t(*d.as_table(), root.file(), where + ".tenure_change", root.folder());
                TenureChangeSpec c;
                t.texts("areas", c.areas);
                t.real("fraction", c.fraction, 0, 1);
                c.year = year_of(t);
                t.finish();
                spec.tenure_changes.push_back(c);
            }
        if (const auto* list = s.tables("mobility"))
            for (const auto& d : *list) {
                TomlSection t(*d.as_table(), root.file(), where + ".mobility", root.folder());
                MobilitySpec m;
                t.text("group", m.group);
                t.texts("areas", m.areas);
                m.point = point_of(t);
                t.real("radius", m.radius_m, 0, 1e6);
                t.real("multiplier", m.multiplier, 0, 100);
                m.year = year_of(t);
                t.finish();
                if (m.group.empty())
                    throw Error(Location{root.file(), static_cast<std::size_t>(d.source().begin.line), where + ".mobility.group"},
                                "the group whose moving rate changes is required");
                spec.mobility.push_back(m);
            }
        s.finish();
        out.push_back(std::move(spec));
    }
    return out;
}

std::vector<ScenarioSpec> load_scenarios(const std::string& path) {
    const toml::table root = parse_toml_file(path, "scenario file");
    TomlSection top(root, path, "", std::filesystem::absolute(path).parent_path().string());
    auto scenarios = read_scenarios(top);
    if (scenarios.empty()) throw Error(Location{path, 0, "scenario"}, "no [[scenario]] blocks");
    return scenarios;
}

}  // namespace cohesion

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
        // allocation = { max_share = 0.5, ... } (one rule) or [[scenario.allocation]] blocks.
        const auto read_allocation = [&](const toml::table& table, std::size_t line) {
            TomlSection t(table, root.file(), where + ".allocation", root.folder());
            AllocationSpec a;
            t.texts("areas", a.areas);
            a.point = point_of(t);
            t.real("radius", a.radius_m, 0, 1e6);
            t.real("max_share", a.max_share, 0, 1);
            if (const toml::table* by_group = t.table("max_share_by_group"))
                for (const auto& [group, value] : *by_group) {
                    if (!value.is_number())
                        throw Error(Location{root.file(), static_cast<std::size_t>(value.source().begin.line),
                                             where + ".allocation.max_share_by_group." + std::string(group.str())},
                                    "expected a share from 0 to 1");
                    a.max_share_by_group.emplace_back(std::string(group.str()), value.value<double>().value_or(0.0));
                }
            a.year = year_of(t);
            t.finish();
            if (a.max_share >= 1 && a.max_share_by_group.empty())
                throw Error(Location{root.file(), line, where + ".allocation.max_share"},
                            "an allocation rule needs max_share below 1 (e.g. 0.5) or max_share_by_group");
            spec.allocations.push_back(std::move(a));
        };
        for (const toml::table* a : s.table_or_tables("allocation"))
            read_allocation(*a, static_cast<std::size_t>(a->source().begin.line));
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

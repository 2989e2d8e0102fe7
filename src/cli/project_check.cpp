#include "cli/project_check.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <functional>

#include "cli/input_options.hpp"
#include "core/error.hpp"
#include "geo/area_layer.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"
#include "targeting/facility_location.hpp"

namespace cohesion::cli {

namespace {

namespace fs = std::filesystem;

// Runs one check; its error is prefixed with the project file and the key it concerns.
void check(const Project& p, const std::string& key, const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        throw Error(fmt::format("project {}: {}: {}", p.file, key, e.what()));
    }
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

Table load_project_table(const ProjectTable& t) {
    InputOptionValues v;
    v.input.path = t.path;
    if (!t.layout.empty()) v.layout = t.layout;
    v.input.where = t.where;
    v.input.merges = t.merge;
    v.input.scheme_path = t.scheme;
    v.select_csv = join(t.groups);
    v.input.aggregate_to = t.aggregate;
    v.input.residual_name = t.residual;
    v.input.percent_of = t.percent_of;
    v.input.levels_from = t.levels_from;
    return load_input(v);
}

void require_groups(const Table& table, const std::vector<std::string>& groups) {
    for (const auto& g : groups) table.group_index(g);
}

AreaLayer load_boundaries(const std::string& path, const std::string& code_field = {}) {
    AreaLayerOptions options;
    options.code_field = code_field;
    return load_area_layer(path, options);
}

void require_lookup_columns(const ProjectChange& c) {
    const std::string text = read_text_file(c.lookup);
    CsvReader reader(text, c.lookup);
    const CsvHeader header = CsvHeader::read(reader);
    header.require(c.from_column, "from");
    header.require(c.to_column, "to");
    if (!c.change_column.empty()) header.require(c.change_column, "change");
}

// Canonical, with the parts that do not exist yet kept as given.
fs::path canonical_path(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(path), ec);
    return ec ? fs::absolute(path).lexically_normal() : p;
}

// `path` is `folder` or lies somewhere below it.
bool is_inside(const fs::path& path, const fs::path& folder) {
    const auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

void check_output_folder(const Project& p) {
    const fs::path out = canonical_path(p.output);
    std::vector<std::string> inputs{p.file, p.table.path, p.table.scheme, p.table.percent_of, p.table.levels_from,
                                    p.boundaries, p.reference};
    if (p.change)
        for (const auto& s : {p.change->earlier.path, p.change->later.path, p.change->lookup, p.change->weights_table,
                              p.change->boundaries, p.change->earlier.scheme, p.change->later.scheme})
            inputs.push_back(s);
    if (p.targeting) inputs.insert(inputs.end(), {p.targeting->census, p.targeting->boundaries});
    for (const auto& input : inputs) {
        if (input.empty() || input.rfind("PG:", 0) == 0) continue;
        const fs::path in = canonical_path(input);
        if (is_inside(in, out))
            throw Error(Location{p.file, 0, "project.output"},
                        "the output folder " + p.output + " holds the project's input " + input +
                            "; a run replaces its output folder whole, so give it a folder of its own");
    }
    std::error_code ec;
    if (fs::is_directory(out, ec) && !fs::is_empty(out, ec) && !fs::exists(out / "run.json", ec))
        throw Error(Location{p.file, 0, "project.output"},
                    "the output folder " + p.output + " is not empty and holds no run.json of an earlier run; a run "
                    "replaces its output folder whole, so give a new or empty folder");
}

void check_project(const Project& p) {
    check_output_folder(p);
    Table table;
    check(p, "[table] " + p.table.path, [&] { table = load_project_table(p.table); });
    check(p, "[analyses] hotspots", [&] { require_groups(table, p.hotspots); });
    check(p, "[analyses] enclaves", [&] { require_groups(table, p.enclaves); });
    if (!p.typology_host.empty()) check(p, "[analyses] typology_host", [&] { table.group_index(p.typology_host); });
    if (!p.boundaries.empty()) check(p, "[boundaries] path", [&] { load_boundaries(p.boundaries, p.code_field); });
    if (!p.reference.empty())
        check(p, "[reference] path", [&] {
            ProjectTable r = p.table;
            r.path = p.reference;
            r.where.clear();
            load_project_table(r);
        });
    if (p.change) {
        const auto& c = *p.change;
        check(p, "[change.earlier] " + c.earlier.path, [&] { load_project_table(c.earlier); });
        Table later;
        check(p, "[change.later] " + c.later.path, [&] { later = load_project_table(c.later); });
        check(p, "[change] lookup", [&] { require_lookup_columns(c); });
        if (!c.boundaries.empty()) check(p, "[change] boundaries", [&] { load_boundaries(c.boundaries); });
        check(p, "[change] emerging", [&] { require_groups(later, c.emerging); });
    }
    if (p.targeting) {
        const auto& t = *p.targeting;
        check(p, "[targeting] census", [&] {
            std::error_code ec;
            if (!fs::is_directory(t.census, ec))
                throw Error(Location{t.census, 0, {}}, "is not a folder; expected the Census 2021 topic tables folder");
        });
        check(p, "[targeting] model", [&] { parse_location_model(t.model); });
        if (!t.boundaries.empty()) check(p, "[targeting] boundaries", [&] { load_boundaries(t.boundaries); });
    }
}

}  // namespace cohesion::cli

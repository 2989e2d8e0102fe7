#include "project/project_file.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "core/error.hpp"

namespace cohesion {

namespace {

namespace fs = std::filesystem;

// Reads one TOML table's keys, remembering which were used so the rest can be reported
// as unknown, and checking types with the key's line in every message.
class Section {
public:
    Section(const toml::table& t, std::string file, std::string name, std::string folder)
        : t_(t), file_(std::move(file)), name_(std::move(name)), folder_(std::move(folder)) {}

    void text(const char* key, std::string& out) {
        if (const auto* n = node(key)) {
            if (!n->is_string()) fail(*n, key, "expected a string in quotes");
            out = n->as_string()->get();
        }
    }
    void path(const char* key, std::string& out, bool must_exist = true) {
        const toml::node* n = node(key);
        if (!n) return;
        if (!n->is_string()) fail(*n, key, "expected a file path in quotes");
        std::string p = n->as_string()->get();
        if (p.empty() || p.rfind("PG:", 0) == 0) {
            out = p;
            return;
        }
        fs::path full = fs::path(p).is_absolute() ? fs::path(p) : fs::path(folder_) / p;
        if (must_exist && !fs::exists(full)) fail(*n, key, "no such file or folder: " + full.string());
        out = full.lexically_normal().string();
    }
    void texts(const char* key, std::vector<std::string>& out) {
        const toml::node* n = node(key);
        if (!n) return;
        if (n->is_string()) {
            out = {n->as_string()->get()};
            return;
        }
        if (!n->is_array()) fail(*n, key, "expected a string or an array of strings");
        out.clear();
        for (const auto& e : *n->as_array()) {
            if (!e.is_string()) fail(e, key, "expected every element to be a string");
            out.push_back(e.as_string()->get());
        }
    }
    void flag(const char* key, bool& out) {
        if (const auto* n = node(key)) {
            if (!n->is_boolean()) fail(*n, key, "expected true or false");
            out = n->as_boolean()->get();
        }
    }
    void integer(const char* key, std::int64_t& out, std::int64_t lo, std::int64_t hi) {
        if (const auto* n = node(key)) {
            if (!n->is_integer()) fail(*n, key, "expected a whole number");
            out = n->as_integer()->get();
            if (out < lo || out > hi) fail(*n, key, fmt::format("expected a number from {} to {}", lo, hi));
        }
    }
    void real(const char* key, double& out, double lo, double hi) {
        if (const auto* n = node(key)) {
            if (!n->is_number()) fail(*n, key, "expected a number");
            out = n->is_integer() ? static_cast<double>(n->as_integer()->get()) : n->as_floating_point()->get();
            if (!(out >= lo && out <= hi)) fail(*n, key, fmt::format("expected a number from {} to {}", lo, hi));
        }
    }
    const toml::table* table(const char* key) {
        const toml::node* n = node(key);
        if (!n) return nullptr;
        if (!n->is_table()) fail(*n, key, "expected a [table] section");
        return n->as_table();
    }
    // Every key of the section must have been read: a typo is an error, not ignored.
    void finish() const {
        for (const auto& [k, v] : t_)
            if (!used_.count(std::string(k.str())))
                fail(v, std::string(k.str()), "unknown key" + (name_.empty() ? std::string() : " in [" + name_ + "]") +
                                                  "; see docs/project.md for the keys");
    }
    const std::string& folder() const { return folder_; }
    const std::string& file() const { return file_; }

private:
    const toml::node* node(const char* key) {
        used_.insert(key);
        return t_.get(key);
    }
    [[noreturn]] void fail(const toml::node& n, const std::string& key, const std::string& what) const {
        const std::string full = name_.empty() ? key : name_ + "." + key;
        throw Error(Location{file_, static_cast<std::size_t>(n.source().begin.line), full}, what);
    }
    const toml::table& t_;
    std::string file_, name_, folder_;
    std::set<std::string> used_;
};

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
        Section s(*tt, parent.file(), key, parent.folder());
        read_table(s, t);
    }
    if (required && t.path.empty())
        throw Error(Location{parent.file(), 0, key}, std::string("a [") + key + "] section with a path is required");
    return t;
}

}  // namespace

Project load_project(const std::string& path) {
    if (!fs::exists(path)) throw Error(Location{path, 0, ""}, "no such project file");
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw Error(Location{path, static_cast<std::size_t>(e.source().begin.line), ""},
                    std::string("not valid TOML: ") + std::string(e.description()));
    }
    Project p;
    p.file = path;
    p.folder = fs::absolute(path).parent_path().string();
    Section top(root, path, "", p.folder);

    if (const auto* t = top.table("project")) {
        Section s(*t, path, "project", p.folder);
        s.text("name", p.name);
        s.path("output", p.output, false);
        s.finish();
    }
    if (p.output == "out") p.output = (fs::path(p.folder) / "out").string();
    p.table = table_section(top, "table", true);
    if (const auto* t = top.table("boundaries")) {
        Section s(*t, path, "boundaries", p.folder);
        s.path("path", p.boundaries);
        s.text("code_field", p.code_field);
        s.finish();
    }
    if (const auto* t = top.table("reference")) {
        Section s(*t, path, "reference", p.folder);
        s.path("path", p.reference);
        s.text("name", p.reference_name);
        s.finish();
    }
    if (const auto* t = top.table("analyses")) {
        Section s(*t, path, "analyses", p.folder);
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
        Section s(*t, path, "report", p.folder);
        s.path("places", p.places);
        s.finish();
    }
    if (const auto* t = top.table("change")) {
        Section s(*t, path, "change", p.folder);
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
        s.finish();
        if (c.lookup.empty() || c.from_column.empty() || c.to_column.empty())
            throw Error(Location{path, 0, "change.lookup"},
                        "the change section needs lookup, from_column and to_column (the earlier-to-later lookup)");
        if (!c.emerging.empty() && c.boundaries.empty())
            throw Error(Location{path, 0, "change.emerging"}, "emerging enclaves need change.boundaries (later polygons)");
        p.change = c;
    }
    if (const auto* t = top.table("targeting")) {
        Section s(*t, path, "targeting", p.folder);
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
    top.finish();
    return p;
}

}  // namespace cohesion

#include "project/project_errors.hpp"

#include <map>
#include <set>

namespace cohesion {

namespace {

// Keys every table-like section has ([table], [change.earlier], [change.later]); a library
// field with one of these names is the key of the section the error is about.
const std::set<std::string>& table_keys() {
    static const std::set<std::string> keys = {"path",   "layout", "where",      "aggregate",  "residual",
                                               "merge",  "scheme", "groups",     "percent_of", "levels_from"};
    return keys;
}

// Library field id -> its key in the project file, for fields set outside a table section.
const std::map<std::string, std::string>& section_keys() {
    static const std::map<std::string, std::string> keys = {
        {"code_field", "boundaries.code_field"},     {"bootstrap", "analyses.bootstrap"},
        {"permutations", "analyses.permutations"},   {"seed", "analyses.seed"},
        {"typology_host", "analyses.typology_host"}, {"min_lq", "analyses.min_lq"},
        {"from_column", "change.from_column"},       {"to_column", "change.to_column"},
        {"change_column", "change.change_column"},   {"years", "change.years"},
        {"model", "targeting.model"},                {"hubs", "targeting.hubs"},
        {"distance", "targeting.distance"},          {"census", "targeting.census"},
        {"places", "report.places"},                 {"output", "project.output"},
    };
    return keys;
}

}  // namespace

std::string project_key(const std::string& field, const std::string& section) {
    if (field.find('.') != std::string::npos) return field;  // the Study's "section.key" already
    if (table_keys().count(field)) return section + "." + field;
    if (const auto it = section_keys().find(field); it != section_keys().end()) return it->second;
    return {};
}

std::string project_key_label(const std::string& key) {
    const auto dot = key.rfind('.');
    if (dot == std::string::npos) return "[" + key + "]";
    return "[" + key.substr(0, dot) + "] " + key.substr(dot + 1);
}

Error project_error(const Project& p, const Error& e) {
    const std::string key = project_key(e.field());
    const auto dot = key.rfind('.');
    const std::string section = dot == std::string::npos ? "table" : key.substr(0, dot);
    // Fields the message mentions ("choose a coarser level with aggregate") as keys of the same section.
    const std::string message = e.message_in([&section](const std::string& id) {
        const std::string k = project_key(id, section);
        return k.empty() ? std::string() : project_key_label(k);
    });
    // The file the library read (a table, boundaries) stays in the text: it is the user's too.
    const std::string inner = format_error(e.where(), message);
    if (key.empty()) return Error("project " + p.file + ": " + (e.field().empty() ? "" : e.field() + ": ") + inner);
    std::size_t line = 0;
    if (const auto it = p.key_lines.find(key); it != p.key_lines.end()) line = it->second;
    else if (const auto sec = p.key_lines.find(section); sec != p.key_lines.end()) line = sec->second;
    return Error("project " + p.file + (line ? ":" + std::to_string(line) : std::string()) + ": " +
                 project_key_label(key) + ": " + inner);
}

}  // namespace cohesion

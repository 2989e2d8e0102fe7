#include "cli/cli_error_terms.hpp"

#include <map>

namespace cohesion::cli {

namespace {

// Field id -> flag, for ids whose flag is not simply "--" + the id with '_' as '-'.
const std::map<std::string, std::string>& renamed_flags() {
    static const std::map<std::string, std::string> flags = {
        {"typology_host", "--host"},
        {"listen_host", "--host"},
        {"thresholds", "--assimilation, --non-isolated and --isolated"},
        {"score_weights", "--score-weights"},
        {"census_where", "--census-where"},
        {"census_aggregate", "--census-aggregate"},
    };
    return flags;
}

}  // namespace

std::string cli_flag(const std::string& field) {
    if (field.empty()) return {};
    if (const auto it = renamed_flags().find(field); it != renamed_flags().end()) return it->second;
    // "table.where", "change.earlier.merge": the key within a project section.
    std::string id = field.substr(field.rfind('.') == std::string::npos ? 0 : field.rfind('.') + 1);
    if (const auto it = renamed_flags().find(id); it != renamed_flags().end()) return it->second;
    for (char& c : id)
        if (c == '_') c = '-';
    return "--" + id;
}

std::string cli_error_text(const Error& e) {
    const std::string flag = cli_flag(e.field());
    if (flag.empty()) return format_error(e.where(), e.message_in(cli_flag));  // it may still mention a field
    // "table.csv: option '--aggregate': column 'LADx': unknown level ..." — the file, the
    // flag the user typed, then what in the file did not fit.
    return format_error(Location{e.where().file, e.where().line, ""},
                        "option '" + flag + "': " + format_error(Location{"", 0, e.where().column}, e.message_in(cli_flag)));
}

}  // namespace cohesion::cli

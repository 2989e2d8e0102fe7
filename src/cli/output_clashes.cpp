#include "cli/output_clashes.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "core/error.hpp"
#include "output/atomic_file.hpp"

namespace cohesion::cli {

namespace {

using FileId = std::pair<dev_t, ino_t>;

std::optional<FileId> regular_file_id(const std::string& path) {
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

// The paths an option value may name: itself, and the FILE of TITLE=FILE or TITLE=FILE:COLUMN.
std::vector<std::string> candidate_paths(const std::string& value) {
    std::vector<std::string> out{value};
    if (const auto eq = value.find('='); eq != std::string::npos) {
        const std::string rest = value.substr(eq + 1);
        out.push_back(rest);
        if (const auto colon = rest.rfind(':'); colon != std::string::npos) out.push_back(rest.substr(0, colon));
    }
    return out;
}

// One name per output file: device and inode if it exists, else the absolute,
// normalised path of the (link-followed) name it will get.
std::string output_identity(const std::string& path) {
    const OutputDestination d = resolve_output(path);
    if (d.in_place) return {};  // /dev/null twice is harmless
    if (const auto id = regular_file_id(d.target.string()))
        return "inode " + std::to_string(id->first) + ":" + std::to_string(id->second);
    std::error_code ec;
    const auto normal = std::filesystem::weakly_canonical(std::filesystem::absolute(d.target), ec);
    return "path " + (ec ? d.target.lexically_normal().string() : normal.string());
}

}  // namespace

void refuse_clashing_outputs(const CLI::App& command, const std::vector<NamedOutput>& outputs) {
    std::set<std::string> output_options;
    for (const auto& o : outputs) output_options.insert(o.option);

    std::map<FileId, std::string> inputs;  // file -> the option naming it
    for (const CLI::Option* option : command.get_options()) {
        bool is_output = false;
        for (const auto& name : option->get_lnames()) is_output |= output_options.count("--" + name) > 0;
        for (const auto& name : option->get_snames()) is_output |= output_options.count("-" + name) > 0;
        if (is_output) continue;
        for (const auto& value : option->results())
            for (const auto& path : candidate_paths(value))
                if (const auto id = regular_file_id(path)) inputs.emplace(*id, option->get_name());
    }

    std::map<std::string, const NamedOutput*> seen;
    for (const auto& o : outputs) {
        if (o.path.rfind("PG:", 0) == 0) continue;  // a database connection, not a file
        const OutputDestination d = resolve_output(o.path);
        if (const auto id = regular_file_id(d.target.string())) {
            if (const auto it = inputs.find(*id); it != inputs.end())
                throw Error(Location{o.path, 0, o.option},
                            "is also an input of this command (" + it->second +
                                "); writing it would replace the input; choose another output name");
        }
        const std::string identity = output_identity(o.path);
        if (identity.empty()) continue;
        const auto [it, inserted] = seen.emplace(identity, &o);
        if (!inserted)
            throw Error(Location{o.path, 0, o.option},
                        "is the same file as the output " + it->second->path + " (" + it->second->option +
                            "); each output must be a different file");
    }
}

}  // namespace cohesion::cli

#pragma once
// TomlSection — reads one TOML table's keys for project files, remembering which were used so
// the rest can be reported as unknown (a typo is an error, not ignored), and checking types
// with the key's file, line and name in every message.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <toml++/toml.h>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace cohesion {

// Reads one TOML table's keys, remembering which were used so the rest can be reported
// as unknown, and checking types with the key's line in every message.
class TomlSection {
public:
    // `lines`, when given, receives the line of every key read ("table.where" -> 7), so an
    // error met later (in the library, about a field) can name the key's line.
    TomlSection(const toml::table& t, std::string file, std::string name, std::string folder,
                std::map<std::string, std::size_t>* lines = nullptr)
        : t_(t), file_(std::move(file)), name_(std::move(name)), folder_(std::move(folder)), lines_(lines) {}

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
        std::filesystem::path full = std::filesystem::path(p).is_absolute() ? std::filesystem::path(p) : std::filesystem::path(folder_) / p;
        if (must_exist && !std::filesystem::exists(full)) fail(*n, key, "no such file or folder: " + full.string());
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
    // An array of tables ([[key]] blocks); nullptr when absent.
    const toml::array* tables(const char* key) {
        const toml::node* n = node(key);
        if (!n) return nullptr;
        if (!n->is_array_of_tables()) fail(*n, key, "expected [[" + std::string(key) + "]] blocks");
        return n->as_array();
    }
    // A pair of numbers, e.g. a point [x, y].
    void pair(const char* key, std::optional<std::pair<double, double>>& out) {
        const toml::node* n = node(key);
        if (!n) return;
        const auto* a = n->as_array();
        if (!a || a->size() != 2 || !(*a)[0].is_number() || !(*a)[1].is_number())
            fail(*n, key, "expected two numbers [x, y]");
        const auto num = [](const toml::node& e) {
            return e.is_integer() ? static_cast<double>(e.as_integer()->get()) : e.as_floating_point()->get();
        };
        out = std::make_pair(num((*a)[0]), num((*a)[1]));
    }
    const std::string& name() const { return name_; }
    const toml::table* table(const char* key) {
        const toml::node* n = node(key);
        if (!n) return nullptr;
        if (!n->is_table()) fail(*n, key, "expected a [table] section");
        return n->as_table();
    }
    // One table (key = {...} or [key]) or [[key]] blocks, as a list; empty when absent.
    std::vector<const toml::table*> table_or_tables(const char* key) {
        const toml::node* n = node(key);
        if (!n) return {};
        if (n->is_table()) return {n->as_table()};
        if (!n->is_array_of_tables()) fail(*n, key, "expected " + std::string(key) + " = { ... } or [[" + key + "]] blocks");
        std::vector<const toml::table*> out;
        for (const auto& e : *n->as_array()) out.push_back(e.as_table());
        return out;
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
    std::map<std::string, std::size_t>* lines() const { return lines_; }

private:
    const toml::node* node(const char* key) {
        used_.insert(key);
        const toml::node* n = t_.get(key);
        if (n && lines_) (*lines_)[name_.empty() ? key : name_ + "." + key] = n->source().begin.line;
        return n;
    }
    [[noreturn]] void fail(const toml::node& n, const std::string& key, const std::string& what) const {
        const std::string full = name_.empty() ? key : name_ + "." + key;
        throw Error(Location{file_, static_cast<std::size_t>(n.source().begin.line), full}, what);
    }
    const toml::table& t_;
    std::string file_, name_, folder_;
    std::set<std::string> used_;
    std::map<std::string, std::size_t>* lines_;
};

// The whole file parsed; a missing file or a syntax error is an Error naming the file and line.
inline toml::table parse_toml_file(const std::string& path, const std::string& what) {
    if (!std::filesystem::exists(path)) throw Error(Location{path, 0, ""}, "no such " + what);
    try {
        return toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw Error(Location{path, static_cast<std::size_t>(e.source().begin.line), ""},
                    std::string("not valid TOML: ") + std::string(e.description()));
    }
}

}  // namespace cohesion

#pragma once
// The field names of output files (issue 13 §5): an analyst uses them unquoted in pandas,
// R, SQL and QGIS expressions, so each is snake_case (^[A-Za-z][A-Za-z0-9_]*$) and not an
// SQL keyword (tests/data/sql_keywords.txt: PostgreSQL's reserved words and those SQLite
// refuses as a column name; `rank`, `value`, `level`, `by` are reserved in neither and stay).
//
// expect_plain_output_fields checks every file of an output folder: each CSV's header, each
// JSON table's "columns" (a table, or an array of them), each GeoJSON feature's properties
// and each GeoPackage layer's fields; it returns how many files held field names.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <istream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.hpp"

namespace cohesion::test {

// Splits one CSV record (RFC 4180 quoting); returns the fields; ok = anything was read.
inline std::vector<std::string> csv_record(std::istream& in, bool& ok) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    char c;
    ok = false;
    while (in.get(c)) {
        ok = true;
        if (quoted) {
            if (c == '"') {
                if (in.peek() == '"') fields.back() += static_cast<char>(in.get());
                else quoted = false;
            } else fields.back() += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') fields.emplace_back();
        else if (c == '\n') return fields;
        else fields.back() += c;
    }
    return fields;
}

// The words of tests/data/sql_keywords.txt (one list for this and the source check).
inline const std::set<std::string>& sql_keywords() {
    static const std::set<std::string> words = [] {
        std::set<std::string> w;
        std::istringstream in(slurp(std::string(COHESION_TEST_DATA_DIR) + "/sql_keywords.txt"));
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#') continue;
            std::istringstream words_of_line(line);
            for (std::string word; words_of_line >> word;) w.insert(word);
        }
        return w;
    }();
    return words;
}

// A file field name an analyst can use unquoted: snake_case, not an SQL keyword.
inline void expect_plain_field_names(const std::vector<std::string>& names, const std::string& where) {
    static const std::regex plain("^[A-Za-z][A-Za-z0-9_]*$");
    for (const auto& n : names) {
        EXPECT_TRUE(std::regex_match(n, plain)) << where << ": field '" << n << "'";
        std::string lower = n;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_EQ(sql_keywords().count(lower), 0u) << where << ": field '" << n << "' is an SQL keyword";
    }
}

namespace detail {

// JSON tables ({"columns": [...], "rows": [{...}]}, alone or in arrays) and GeoJSON features,
// wherever they sit in the document; `checked` counts the tables and features seen.
inline void expect_plain_json_fields(const nlohmann::json& j, const std::string& where, std::size_t& checked) {
    if (j.is_array()) {
        for (const auto& e : j) expect_plain_json_fields(e, where, checked);
        return;
    }
    if (!j.is_object()) return;
    if (j.contains("columns") && j["columns"].is_array()) {
        std::vector<std::string> names;
        for (const auto& c : j["columns"])
            if (c.is_string()) names.push_back(c.get<std::string>());
        expect_plain_field_names(names, where + " columns");
        ++checked;
    }
    if (j.value("type", "") == "Feature" && j.contains("properties") && j["properties"].is_object()) {
        std::vector<std::string> names;
        for (const auto& [key, value] : j["properties"].items()) names.push_back(key);
        expect_plain_field_names(names, where + " feature properties");
        ++checked;
        return;
    }
    for (const auto& [key, value] : j.items())
        if (key != "rows" && key != "properties" && key != "geometry") expect_plain_json_fields(value, where, checked);
}

}  // namespace detail

// Checks every .csv, .json, .geojson and .gpkg in `dir` (not below it); returns how many of
// those files had field names to check, so a caller can tell the check saw the outputs.
inline std::size_t expect_plain_output_fields(const std::filesystem::path& dir) {
    std::size_t files = 0;
    EXPECT_EQ(sql_keywords().count("index"), 1u) << "tests/data/sql_keywords.txt not read";
    GDALAllRegister();
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto& path = entry.path();
        const std::string name = path.filename().string(), ext = path.extension().string();
        std::size_t checked = 0;
        if (ext == ".csv") {
            std::istringstream in(slurp(path));
            bool ok = false;
            expect_plain_field_names(csv_record(in, ok), name);
            checked = ok;
        } else if (ext == ".json" || ext == ".geojson") {
            detail::expect_plain_json_fields(nlohmann::json::parse(slurp(path)), name, checked);
            if (ext == ".geojson") EXPECT_GT(checked, 0u) << name << ": no features";
        } else if (ext == ".gpkg") {
            GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
            EXPECT_NE(ds, nullptr) << name;
            if (!ds) continue;
            for (OGRLayer* layer : ds->GetLayers()) {
                std::vector<std::string> names;
                OGRFeatureDefn* defn = layer->GetLayerDefn();
                for (int f = 0; f < defn->GetFieldCount(); ++f) names.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
                expect_plain_field_names(names, name + " layer " + layer->GetName());
                ++checked;
            }
            GDALClose(ds);
        }
        if (checked > 0) ++files;
    }
    return files;
}

}  // namespace cohesion::test

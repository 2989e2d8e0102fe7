#include "io/result_json.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

ResultTable table_of(const nlohmann::json& j, const std::string& path) {
    if (!j.is_object() || !j.contains("columns") || !j.contains("rows"))
        throw Error(Location{path, 0, ""}, "expected cohesion result tables (objects with title, columns and rows)");
    ResultTable t;
    t.title = j.value("title", "");
    for (const auto& n : j.value("notes", nlohmann::json::array())) t.notes.push_back(n.get<std::string>());
    for (const auto& c : j["columns"]) t.columns.push_back(c.get<std::string>());
    for (const auto& r : j["rows"]) {
        std::vector<Cell> row;
        for (const auto& c : t.columns) {
            const auto it = r.find(c);
            if (it == r.end() || it->is_null()) row.emplace_back(std::monostate{});
            else if (it->is_number_integer()) row.emplace_back(it->get<std::int64_t>());
            else if (it->is_number()) row.emplace_back(it->get<double>());
            else if (it->is_string()) row.emplace_back(it->get<std::string>());
            else row.emplace_back(it->dump());
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace

std::vector<ResultTable> load_result_json(const std::string& path) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(read_text_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw Error(Location{path, 0, ""}, std::string("not valid JSON: ") + e.what());
    }
    std::vector<ResultTable> out;
    if (doc.is_array())
        for (const auto& t : doc) out.push_back(table_of(t, path));
    else
        out.push_back(table_of(doc, path));
    return out;
}

}  // namespace cohesion

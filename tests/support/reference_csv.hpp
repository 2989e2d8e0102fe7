#pragma once
// Reading a reference CSV from ../shared/reference (plain, unquoted, comma-separated) into
// one name -> text map per row, for tests that compare per-area values.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/shared_data.hpp"

namespace cohesion::test {

inline std::vector<std::map<std::string, std::string>> read_reference_csv(const std::string& file) {
    std::ifstream in(shared_reference_dir() / file);
    if (!in) throw std::runtime_error("cannot open reference file " + (shared_reference_dir() / file).string());
    auto split = [](const std::string& line) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        return cells;
    };
    std::string line;
    std::getline(in, line);
    const auto header = split(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        const auto cells = split(line);
        auto& row = rows.emplace_back();
        for (std::size_t c = 0; c < cells.size() && c < header.size(); ++c) row[header[c]] = cells[c];
    }
    return rows;
}

}  // namespace cohesion::test

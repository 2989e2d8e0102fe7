#include "weights/gal_gwt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "io/text_file.hpp"
#include "output/atomic_file.hpp"

namespace cohesion {

namespace {

std::vector<std::string_view> tokens(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

class LineReader {
public:
    LineReader(std::string text, std::string path) : text_(std::move(text)), path_(std::move(path)) {}
    bool next(std::vector<std::string_view>& fields) {
        while (pos_ < text_.size()) {
            const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
            std::string_view line(text_.data() + pos_, end - pos_);
            pos_ = end + 1;
            ++line_;
            fields = tokens(line);
            if (!fields.empty()) return true;
        }
        return false;
    }
    [[noreturn]] void fail(const std::string& what) const { throw Error(Location{path_, line_, {}}, what); }
    std::size_t number(std::string_view s, const char* what) const {
        std::size_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size()) fail(std::string("expected ") + what + ", got '" + std::string(s) + "'");
        return v;
    }

private:
    std::string text_, path_;
    std::size_t pos_ = 0, line_ = 0;
};

std::unordered_map<std::string, std::size_t> positions(const std::vector<std::string>& order) {
    std::unordered_map<std::string, std::size_t> p;
    for (std::size_t i = 0; i < order.size(); ++i) p.emplace(order[i], i);
    return p;
}

}  // namespace

void write_gal(const Weights& w, const std::string& path) {
    if (w.ids.size() != w.n) throw Error("GAL output needs an id for every area");
    std::string out = fmt::format("{}\n", w.n);
    for (std::size_t i = 0; i < w.n; ++i) {
        out += fmt::format("{} {}\n", w.ids[i], w.cardinality(i));
        std::string line;
        for (std::size_t j : w.neighbours_of(i)) line += (line.empty() ? "" : " ") + w.ids[j];
        out += line + "\n";
    }
    write_file_atomically(path, out);
}

void write_gwt(const Weights& w, const std::string& path, const std::string& source_name) {
    if (w.ids.size() != w.n) throw Error("GWT output needs an id for every area");
    std::string out = fmt::format("0 {} {} id\n", w.n, source_name);
    for (std::size_t i = 0; i < w.n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k) out += fmt::format("{} {} {}\n", w.ids[i], w.ids[nb[k]], wv[k]);
    }
    write_file_atomically(path, out);
}

Weights read_gal(const std::string& path, const std::vector<std::string>& order) {
    LineReader reader(read_text_file(path), path);
    std::vector<std::string_view> f;
    if (!reader.next(f)) reader.fail("empty GAL file (expected the number of areas)");
    // GeoDa writes "0 n shapefile key" or just "n".
    const std::size_t n = reader.number(f.size() >= 2 ? f[1] : f[0], "the number of areas");
    const auto pos = positions(order);
    std::vector<std::vector<std::size_t>> lists(order.size());
    std::vector<char> seen(order.size(), 0);
    for (std::size_t k = 0; k < n; ++k) {
        if (!reader.next(f) || f.size() != 2) reader.fail("expected 'id number-of-neighbours'");
        const auto it = pos.find(std::string(f[0]));
        if (it == pos.end()) reader.fail("area '" + std::string(f[0]) + "' is not in the data");
        if (seen[it->second]++) reader.fail("area '" + std::string(f[0]) + "' appears twice");
        const std::size_t count = reader.number(f[1], "a neighbour count");
        if (count == 0) continue;
        if (!reader.next(f) || f.size() != count)
            reader.fail("expected " + std::to_string(count) + " neighbour ids");
        for (auto id : f) {
            const auto jt = pos.find(std::string(id));
            if (jt == pos.end()) reader.fail("neighbour '" + std::string(id) + "' is not in the data");
            lists[it->second].push_back(jt->second);
        }
    }
    if (n != order.size())
        throw Error(Location{path, 1, {}}, "the file has " + std::to_string(n) + " areas, the data " + std::to_string(order.size()));
    return weights_from_lists(lists, order, "GAL " + path);
}

Weights read_gwt(const std::string& path, const std::vector<std::string>& order) {
    LineReader reader(read_text_file(path), path);
    std::vector<std::string_view> f;
    if (!reader.next(f)) reader.fail("empty GWT file (expected a header line)");
    const auto pos = positions(order);
    std::vector<std::vector<std::pair<std::size_t, double>>> rows(order.size());
    while (reader.next(f)) {
        if (f.size() != 3) reader.fail("expected 'id neighbour weight'");
        const auto a = pos.find(std::string(f[0])), b = pos.find(std::string(f[1]));
        if (a == pos.end() || b == pos.end()) reader.fail("area '" + std::string(a == pos.end() ? f[0] : f[1]) + "' is not in the data");
        double v = 0.0;
        const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), v);
        if (ec != std::errc() || end != f[2].data() + f[2].size() || !std::isfinite(v))
            reader.fail("expected a numeric weight, got '" + std::string(f[2]) + "'");
        rows[a->second].emplace_back(b->second, v);
    }
    return weights_from_weighted_lists(std::move(rows), order, "GWT " + path);
}

Weights read_weights_file(const std::string& path, const std::vector<std::string>& order) {
    if (path.ends_with(".gal") || path.ends_with(".GAL")) return read_gal(path, order);
    if (path.ends_with(".gwt") || path.ends_with(".GWT")) return read_gwt(path, order);
    throw Error(Location{path, 0, {}}, "unknown weights file type (expected .gal or .gwt)");
}

}  // namespace cohesion

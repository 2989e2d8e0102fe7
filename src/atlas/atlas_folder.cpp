#include "atlas/atlas_folder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <unordered_map>

#include "core/error.hpp"
#include "io/csv_columns.hpp"
#include "io/text_file.hpp"

namespace cohesion {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A CSV of the atlas: header plus rows, fields looked up by column name.
class AtlasCsv {
public:
    explicit AtlasCsv(const std::string& path) : text_(read_text_file(path)), reader_(text_, path) {
        header_ = CsvHeader::read(reader_);
    }
    std::size_t column(std::string_view name) const { return header_.require(name, "atlas column"); }
    // A column renamed to a plain field name (issue 13 §5: "index" -> "index_name"): folders
    // written before the rename still read, under the old name.
    std::size_t column(std::string_view name, std::string_view before) const {
        if (auto c = header_.find(before); c && !header_.find(name)) return *c;
        return column(name);
    }
    bool next() {
        if (!reader_.next_row(fields_)) return false;
        require_field_count(reader_, fields_, header_.names.size());
        return true;
    }
    std::string text(std::size_t c) const { return std::string(fields_[c]); }
    double number(std::size_t c) const {
        const std::string_view f = trim(fields_[c]);
        if (f.empty()) return nan;
        double v = 0.0;
        const auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
        if (ec != std::errc() || end != f.data() + f.size())
            throw Error(Location{reader_.name(), reader_.line(), header_.names[c]},
                        fmt::format("expected a number, got '{}'", f));
        return v;
    }
    int whole(std::size_t c) const {
        const double v = number(c);
        return std::isfinite(v) ? static_cast<int>(v) : 0;
    }

private:
    std::string text_;
    CsvReader reader_;
    CsvHeader header_;
    std::vector<std::string_view> fields_;
};

void read_measure(const std::string& path, std::vector<AtlasRow>& out) {
    AtlasCsv f(path);
    const std::size_t lad = f.column("lad"), code = f.column("code"), region = f.column("region"),
                      index = f.column("index_name", "index"), group = f.column("group_name", "group"),
                      people = f.column("people"), share = f.column("share"), estimate = f.column("estimate"),
                      raw = f.column("raw_value"), lo = f.column("ci_lower"), hi = f.column("ci_upper"),
                      expected = f.column("expected_if_random"), excess = f.column("excess_over_random"),
                      p = f.column("p_value"), rank = f.column("rank"), rank_lo = f.column("rank_lower"),
                      rank_hi = f.column("rank_upper"), among = f.column("ranked_among"),
                      peer_rank = f.column("peer_rank"), peer_count = f.column("peer_count"),
                      reason = f.column("reason");
    while (f.next()) {
        AtlasRow r;
        r.lad = f.text(lad);
        r.code = f.text(code);
        r.region = f.text(region);
        r.index = f.text(index);
        r.group = f.text(group);
        r.people = f.number(people);
        r.share = f.number(share);
        r.estimate = f.number(estimate);
        r.raw_value = f.number(raw);
        r.ci_lower = f.number(lo);
        r.ci_upper = f.number(hi);
        r.expected_if_random = f.number(expected);
        r.excess_over_random = f.number(excess);
        r.p_value = f.number(p);
        r.rank = f.whole(rank);
        r.rank_lower = f.whole(rank_lo);
        r.rank_upper = f.whole(rank_hi);
        r.ranked_among = f.whole(among);
        r.peer_rank = f.whole(peer_rank);
        r.peer_count = f.whole(peer_count);
        r.reason = f.text(reason);
        out.push_back(std::move(r));
    }
}

Cell number(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }
Cell whole(int v) { return v > 0 ? Cell{static_cast<std::int64_t>(v)} : Cell{}; }

}  // namespace

AtlasFolder read_atlas_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    const fs::path dir(folder);
    if (!fs::is_regular_file(dir / "towns.csv"))
        throw Error(Location{folder, 0, ""}, "not an atlas folder: no towns.csv (an atlas run writes one into the folder it is given)");
    AtlasFolder a;
    a.folder = folder;
    for (const char* name : {"dissimilarity.csv", "isolation.csv", "mutual_information.csv"})
        if (fs::is_regular_file(dir / name)) read_measure((dir / name).string(), a.rows);
    {
        AtlasCsv f((dir / "towns.csv").string());
        const std::size_t lad = f.column("lad"), code = f.column("code"), became = f.column("became"),
                          region = f.column("region"), areas = f.column("areas"), people = f.column("people");
        while (f.next())
            a.towns.push_back({f.text(lad), f.text(code), f.text(became), f.text(region), f.number(areas),
                               f.number(people)});
    }
    if (fs::is_regular_file(dir / "peers.csv")) {
        AtlasCsv f((dir / "peers.csv").string());
        const std::size_t lad = f.column("lad"), by = f.column("similar_by", "by"), peer = f.column("peer");
        while (f.next())
            if (f.text(by) == "composition") a.peers[f.text(lad)].push_back(f.text(peer));
    }
    if (fs::is_regular_file(dir / "notes.txt")) {
        const std::string text = read_text_file((dir / "notes.txt").string());
        std::size_t start = 0;
        while (start < text.size()) {
            const auto end = text.find('\n', start);
            std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!line.empty()) a.notes.push_back(std::move(line));
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    if (fs::is_regular_file(dir / "atlas.gpkg")) a.polygons = (dir / "atlas.gpkg").string();
    return a;
}

std::vector<std::string> AtlasFolder::indices() const {
    std::vector<std::string> out;
    for (const auto& r : rows)
        if (std::find(out.begin(), out.end(), r.index) == out.end()) out.push_back(r.index);
    return out;
}

std::vector<std::string> AtlasFolder::groups(std::string_view index) const {
    std::vector<std::string> out;
    for (const auto& r : rows)
        if (r.index == index && std::find(out.begin(), out.end(), r.group) == out.end()) out.push_back(r.group);
    return out;
}

ResultTable atlas_choropleth_table(const AtlasFolder& atlas, std::string index, std::string group) {
    if (index.empty()) index = "dissimilarity";
    const auto indices = atlas.indices();
    if (std::find(indices.begin(), indices.end(), index) == indices.end())
        throw Error(
                    fmt::format("the atlas has no measure '{}'; it has {}", index, fmt::join(indices, ", ")));
    const auto groups = atlas.groups(index);
    if (group.empty()) group = groups.front();
    if (std::find(groups.begin(), groups.end(), group) == groups.end())
        throw Error(
                    fmt::format("the atlas has no group '{}' for {}; it has {}", group, index, fmt::join(groups, ", ")));
    std::unordered_map<std::string, const AtlasTown*> town;
    for (const auto& t : atlas.towns) town.emplace(t.lad, &t);

    ResultTable t;
    t.title = fmt::format("{} of {} by local authority", index, group);
    t.name = "atlas";
    t.notes = atlas.notes;
    t.columns = {"code", "lad", "region", "became", "people", "share", "estimate", "ci_lower", "ci_upper",
                 "expected_if_random", "rank", "rank_lower", "rank_upper", "ranked_among", "peer_rank", "peer_count",
                 "reason", "peers"};
    for (const auto& r : atlas.rows) {
        if (r.index != index || r.group != group) continue;
        const auto it = town.find(r.lad);
        const auto peers = atlas.peers.find(r.lad);
        t.add_row({r.code, r.lad, r.region, it == town.end() ? "" : it->second->became, number(r.people),
                   number(r.share), number(r.estimate), number(r.ci_lower), number(r.ci_upper),
                   number(r.expected_if_random), whole(r.rank), whole(r.rank_lower), whole(r.rank_upper),
                   whole(r.ranked_among), whole(r.peer_rank), whole(r.peer_count), r.reason,
                   peers == atlas.peers.end() ? "" : fmt::format("{}", fmt::join(peers->second, "; "))});
    }
    return t;
}

}  // namespace cohesion

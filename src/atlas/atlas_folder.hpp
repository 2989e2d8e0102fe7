#pragma once
// AtlasFolder — a finished atlas read back from the folder `cohesion atlas --out DIR` wrote
// (its tidy CSVs, notes.txt and atlas.gpkg), as typed rows.
//
// Why read the files rather than recompute: the national atlas takes about a minute
// without bootstrap and far longer with it (BENCHMARKS.md), so `cohesion serve --atlas DIR`,
// `cohesion atlas --from DIR` and the static choropleth page use the atlas as written.
// The CSVs are the atlas's published form (docs/atlas.md), read with the io layer's
// strict CSV reader; a missing column is an error naming the file and the column.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "output/result_table.hpp"

namespace cohesion {

// One row of dissimilarity.csv, isolation.csv or mutual_information.csv (docs/atlas.md).
// Missing numbers are NaN; missing ranks are 0.
struct AtlasRow {
    std::string lad, code, region, index, group;
    double people = 0.0, share = 0.0, estimate = 0.0, raw_value = 0.0, ci_lower = 0.0, ci_upper = 0.0;
    double expected_if_random = 0.0, excess_over_random = 0.0, p_value = 0.0;
    int rank = 0, rank_lower = 0, rank_upper = 0, ranked_among = 0, peer_rank = 0, peer_count = 0;
    std::string reason;  // why not ranked
};

// One row of towns.csv.
struct AtlasTown {
    std::string lad, code, became, region;
    double areas = 0.0, people = 0.0;
};

struct AtlasFolder {
    std::string folder;
    std::vector<AtlasRow> rows;        // every measure file, file by file, rows in file order
    std::vector<AtlasTown> towns;      // towns.csv order
    std::map<std::string, std::vector<std::string>> peers;  // LAD -> composition peers, nearest first
    std::vector<std::string> notes;    // notes.txt lines
    std::string polygons;              // folder/atlas.gpkg when present, else ""

    // Index names present ("dissimilarity", "isolation", "mutual_information", "information_theory"), file order.
    std::vector<std::string> indices() const;
    // Groups of an index, file order ("all groups" for M and H).
    std::vector<std::string> groups(std::string_view index) const;
};

// Reads the folder; throws Error naming the file when a measure file is malformed or the
// folder holds no atlas (no towns.csv).
AtlasFolder read_atlas_folder(const std::string& folder);

// The map of one index and group: one row per LAD — code (first, for joining polygons),
// lad, region, became, people, share, estimate, ci_lower, ci_upper, expected_if_random,
// rank, rank_lower, rank_upper, ranked_among, peer_rank, peer_count, reason, peers (the
// composition peers, "; "-separated). `index` empty = dissimilarity; `group` empty = the
// index's first group. Throws Error listing what exists for an unknown index or group.
ResultTable atlas_choropleth_table(const AtlasFolder& atlas, std::string index, std::string group);

}  // namespace cohesion

#pragma once
// GroupScheme — an editable CSV that maps a table's groups onto a common set of
// categories, so tables from different censuses (or with different detail) can be
// compared: e.g. the 2011 table's 14 ethnic groups and the 2021 table's 5 broad ones
// both onto White/Mixed/Asian/Black/Other. Default schemes ship in data/schemes/.
//
// Format: lines starting with # are comments; header `source,target`; one row per
// source group. `(rest)` as a source means the declared total minus the listed groups
// (e.g. the Gypsy or Irish Traveller residual of the 2011 tables); `-` as a target drops
// the group on purpose. Every group of the table must be mapped or dropped explicitly:
// an unmapped group is an error naming it and its people, never a silent loss.
#include <string>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct GroupScheme {
    std::string source;                                   // file, for messages
    std::vector<std::pair<std::string, std::string>> rows;  // source group -> target ("-" = drop)
    std::vector<std::size_t> lines;                       // file line of each row
    std::vector<std::string> targets;                     // distinct targets in file order

    bool uses_rest() const;
};

inline constexpr const char* scheme_rest = "(rest)";

GroupScheme load_group_scheme(const std::string& path);

// Applies the scheme: residual (if used), merges into targets, then keeps the targets in
// file order. Throws Error naming the line of a source group the table lacks, and every
// table group the scheme leaves unmapped with its number of people.
Table apply_group_scheme(const Table& table, const GroupScheme& scheme);

}  // namespace cohesion

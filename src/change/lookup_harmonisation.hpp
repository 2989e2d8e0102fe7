#pragma once
// Moving counts between census geographies through a lookup (e.g. LSOA 2011 → LSOA 2021).
//
// Rule (the same one the shared reference values use): each source area's people are
// spread over its lookup rows in proportion to a weight of the target areas — their
// population in the later census when given (`target_weights`), else equally. So an
// unchanged area (U) is copied, a split (S) is divided in proportion to its successors'
// populations, merged areas (M) are summed, and irregular links (X) are apportioned over
// their rows. The weights of every source area sum to 1, so every group's total is
// preserved exactly (volume preservation). Source areas missing from the lookup are an
// error by default — never a silent loss of people — or, when allowed, dropped and counted.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/table.hpp"

namespace cohesion {

struct LookupOptions {
    std::string from_column;                 // e.g. lsoa11_code
    std::string to_column;                   // e.g. lsoa21_code
    std::string change_column;               // e.g. change_code; empty = none
    std::vector<std::string> level_columns;  // lookup columns carried to the result as levels, e.g. ltla22_code
};

struct GeographyLookup {
    std::string source;
    std::vector<std::string> from, to, change;
    std::vector<std::pair<std::string, std::vector<std::string>>> levels;  // name, value per row
};

GeographyLookup load_lookup(const std::string& path, const LookupOptions& options);

struct HarmonisationReport {
    std::vector<std::pair<std::string, std::size_t>> source_areas_by_change;  // e.g. ("U", 94), ("S", 9)
    std::size_t source_areas = 0, target_areas = 0;
    std::size_t unmatched_areas = 0;   // data areas absent from the lookup
    double unmatched_people = 0.0;
    std::vector<std::string> unmatched_examples;
    std::size_t equal_splits = 0;      // source areas split equally for lack of target weights
    std::vector<std::string> lines() const;  // human-readable summary
};

struct Harmonised {
    Table table;
    HarmonisationReport report;
};

// `target_weights`: weight per target code (e.g. later-census population); nullptr = equal.
// `progress` (may be empty) is told (done, total) in the table's areas apportioned over
// their lookup rows, 1, 2, ..., total in order.
using HarmoniseProgress = std::function<void(std::size_t done, std::size_t total)>;
Harmonised harmonise(const Table& table, const GeographyLookup& lookup,
                     const std::unordered_map<std::string, double>* target_weights, bool allow_unmatched = false,
                     const HarmoniseProgress& progress = {});

}  // namespace cohesion

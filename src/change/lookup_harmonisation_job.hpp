#pragma once
// One lookup harmonisation as the CLI, the project runner and the server describe it: the
// lookup file and its columns, an optional table of target-area weights (e.g. 2021
// populations) for splits, and whether areas missing from the lookup may be dropped.
// Returns the harmonised table with notes on what happened (report lines and split rule).
#include <string>
#include <vector>

#include "change/lookup_harmonisation.hpp"

namespace cohesion {

struct LookupHarmonisationJob {
    std::string lookup;
    LookupOptions options;
    std::string weights_table;   // empty: split equally over each area's lookup rows
    std::string weights_id;      // its area-code column (default: the first)
    std::string weights_column;  // its weight column (default: total)
    bool allow_unmatched = false;
};

struct HarmonisedTable {
    Table table;
    std::vector<std::string> notes;
};

// `progress` (may be empty): areas apportioned, as harmonise() counts them.
HarmonisedTable harmonise_with_lookup(const Table& table, const LookupHarmonisationJob& job,
                                      const HarmoniseProgress& progress = {});

// A one-column table of weights (e.g. populations) by area code, from a wide CSV.
Table load_weights_table(const std::string& path, const std::string& id_column, const std::string& column);

}  // namespace cohesion

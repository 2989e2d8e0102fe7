#pragma once
// Loader for the ONS Census 2021 bulk CSV files (e.g. census2021-ts021-oa.csv):
// columns `date`, `geography`, `geography code`, then one column per category
// headed "<Table>: <category>[: <sub-category>...][; measures: Value]".
//
// Category headings are long; each becomes a short snake_case group name made
// from its last segment (e.g. "Ethnic group: Asian, Asian British or Asian
// Welsh: Bangladeshi" -> "bangladeshi"), unless a mapping file says otherwise.
// The "Total" column becomes the declared total. By default the groups are the
// leaf categories (those with no sub-categories), so no person is counted twice.
#include <map>
#include <string>

#include "core/table.hpp"

namespace cohesion {

// leaf: categories without sub-categories (nobody counted twice); top: first-level ones;
// every: all categories and the total as plain columns, as the census topic tables are
// read (census_topics.hpp: parents such as "Private rented" are used beside their parts).
enum class OnsCategoryLevel { leaf, top, every };

struct OnsBulkOptions {
    OnsCategoryLevel level = OnsCategoryLevel::leaf;
    // Long category heading (without "; measures: Value") or its short name -> name to use.
    std::map<std::string, std::string> rename;
    bool operator==(const OnsBulkOptions&) const = default;
};

Table load_ons_bulk_csv(const std::string& path, const OnsBulkOptions& options = {});
Table parse_ons_bulk_csv(std::string_view text, const std::string& name, const OnsBulkOptions& options = {});

// "Asian, Asian British or Asian Welsh" -> "asian_asian_british_or_asian_welsh"
std::string short_category_name(std::string_view label);

// Reads a two-column CSV (long name, short name) into OnsBulkOptions::rename form.
std::map<std::string, std::string> load_category_map(const std::string& path);

}  // namespace cohesion

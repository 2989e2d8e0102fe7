#pragma once
// NestedHierarchy — base units grouped into strictly nested higher levels
// (e.g. LSOA within MSOA within LAD within region), the structure the multilevel
// models of this layer factorise over.
//
// Why strict nesting is required: for purely nested random intercepts the marginal
// covariance of the data is block-diagonal by top-level area and each block is a
// sum of rank-one updates down the tree, so the likelihood and the BLUPs take one
// pass up and one pass down the tree (O(units)). A unit with two parents breaks
// that (and is usually a lookup error), so it is refused with both parents named.
#include <cstddef>
#include <string>
#include <vector>

namespace cohesion {

struct NestedHierarchy {
    // level_names[0] is the base (e.g. "LSOA"); then each level above it, finest first.
    std::vector<std::string> level_names;
    // labels[l][k]: name of unit k of level l (first-seen order).
    std::vector<std::vector<std::string>> labels;
    // parent[l][k]: index at level l+1 of unit k of level l; one vector per level below the top.
    std::vector<std::vector<std::size_t>> parent;
    // base_of_row[r]: base unit of input row r (rows finer than the base are summed into it).
    std::vector<std::size_t> base_of_row;

    std::size_t levels() const noexcept { return level_names.size(); }
    std::size_t size(std::size_t level) const { return labels[level].size(); }
    // Index of the unit of `level` that contains base unit `base`.
    std::size_t ancestor(std::size_t base, std::size_t level) const;
    // Level index by name; throws Error listing the levels.
    std::size_t level_index(const std::string& name) const;
};

// row_labels[l][r]: label of input row r at level l (level 0 = base). Throws Error when a
// unit of one level lies in two units of the next (naming the unit and both), when a
// level is empty, or when the label vectors differ in length. `source` names the data
// in messages.
NestedHierarchy build_nested_hierarchy(std::vector<std::string> level_names,
                                       const std::vector<std::vector<std::string>>& row_labels,
                                       const std::string& source = {});

// Sum per-row values into the base units.
std::vector<double> sum_to_base(const NestedHierarchy& h, const std::vector<double>& per_row);

}  // namespace cohesion

#pragma once
// Helpers for the two-group index tests: a CountMatrix from explicit x (focal) and y (rest)
// columns, and an index value looked up through the registry as the CLI does.
#include <string_view>
#include <vector>

#include "core/count_matrix.hpp"
#include "indices/index.hpp"
#include "indices/registry.hpp"

namespace cohesion::test {

inline CountMatrix two_group_matrix(const std::vector<double>& x, const std::vector<double>& y) {
    std::vector<double> cells(x);
    cells.insert(cells.end(), y.begin(), y.end());
    return make_count_matrix(std::move(cells), x.size(), {"focal", "rest"});
}

inline double index_value(std::string_view name, const CountMatrix& m, const IndexParams& params = {}) {
    return IndexRegistry::instance().get(name).compute(IndexInput{m, params});
}

}  // namespace cohesion::test

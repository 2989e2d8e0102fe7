#pragma once
// Comparing one index between two tables (two towns, or two census years): the
// difference b − a with a bootstrap confidence interval from independent bootstraps
// of each table, and a two-sided bootstrap p-value for "no difference".
#include "inference/bootstrap.hpp"

namespace cohesion {

struct ComparisonResult {
    double value_a = 0.0, value_b = 0.0;
    double difference = 0.0;  // b − a
    double standard_error = 0.0;
    double ci_lower = 0.0, ci_upper = 0.0;
    double p_value = 0.0;  // 2 · min(P*(diff ≤ 0), P*(diff ≥ 0)), capped at 1
};

ComparisonResult compare_tables(const IndexDefinition& index, const CountMatrix& a, const CountMatrix& b,
                                const IndexParams& params, const BootstrapOptions& options);

}  // namespace cohesion

#pragma once
// Comparing one index between two tables (two towns, or two census years): the
// difference b − a with a bootstrap confidence interval from independent bootstraps
// of each table, and a two-sided bootstrap p-value for "no difference".
//
// The difference is summarised like any bootstrap (inference/bootstrap_summary.hpp):
// with the debiased method its replicates are 2·(b̂ − â) − (b*_r − a*_r), so the headline
// difference equals (debiased b) − (debiased a), and the p-value is read from the same
// replicates as the interval, so p < 1 − confidence exactly when the interval excludes 0.
#include "inference/bootstrap.hpp"
#include "inference/bootstrap_summary.hpp"

namespace cohesion {

struct ComparisonResult {
    BootstrapSummary a, b;        // each table's index (estimate = headline, raw_value = as given)
    BootstrapSummary difference;  // of b − a: estimate, raw_value, std_error, interval, bias
    double value_a = 0.0, value_b = 0.0;  // headline estimates (a.estimate, b.estimate)
    double raw_difference = 0.0;  // b − a on the data as given
    double p_value = 0.0;  // 2 · min(P*(diff ≤ 0), P*(diff ≥ 0)) over the interval's replicates, capped at 1
};

ComparisonResult compare_tables(const IndexDefinition& index, const CountMatrix& a, const CountMatrix& b,
                                const IndexParams& params, const BootstrapOptions& options,
                                IntervalMethod method = IntervalMethod::debiased);

}  // namespace cohesion

#include "analysis/comparison_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.hpp"
#include "indices/index.hpp"
#include "indices/index_suite.hpp"
#include "inference/comparison.hpp"

namespace cohesion {

ResultTable comparison_table(const Table& table_a, const Table& table_b, const ComparisonRequest& r) {
    SuiteRequest request;
    request.indices = r.indices;
    request.focal = r.focal;
    request.include_stochastic = false;  // a simulated index inside a bootstrap is too slow to be useful
    request.params.seed = r.seed;
    const SuitePlan plan_a = plan_suite(table_a, request);
    const SuitePlan plan_b = plan_suite(table_b, request);
    if (plan_a.items.size() != plan_b.items.size())
        throw Error("the two tables do not have the same groups, so their indices cannot be paired");

    // --group chooses the focal group of two-group indices; a multigroup index compares
    // all groups at once, so a --group that reaches no row is refused, not ignored.
    std::size_t two_group = 0, multigroup_items = 0;
    for (const auto& item : plan_a.items) (item.index->info.groups == IndexGroups::multigroup ? multigroup_items : two_group)++;
    if (!r.focal.empty() && two_group == 0)
        throw Error(Field{"group"},
                    fmt::format("group {} applies to two-group indices (e.g. dissimilarity, isolation), and the "
                                "chosen indices are multigroup (all groups at once); drop the group or add a two-group "
                                "index",
                                fmt::join(r.focal, ",")));

    ResultTable out;
    out.title = "Comparison of segregation indices (B - A)";
    out.name = "comparison";
    out.notes.push_back("A: " + r.label_a);
    out.notes.push_back("B: " + r.label_b);
    if (!r.focal.empty() && multigroup_items > 0)
        out.notes.push_back(fmt::format("group {} applies to the two-group indices; the multigroup ones compare all "
                                        "groups",
                                        fmt::join(r.focal, ",")));
    out.notes.push_back(fmt::format("{} independent bootstrap replicates of each table, seed {}; interval method '{}': {}; "
                                    "A, B and difference are estimates of that method (raw_* = on the data as given); "
                                    "std_error and the interval are of the difference; p is two-sided",
                                    r.bootstrap, r.seed, to_string(r.interval), describe(r.interval, r.confidence)));
    out.columns = {"index_name", "focal", "versus", "A", "B", "difference", "raw_A", "raw_B", "raw_difference",
                   "std_error", "ci_lower", "ci_upper", "p_value"};
    for (std::size_t k = 0; k < plan_a.items.size(); ++k) {
        const auto& item = plan_a.items[k];
        if (item.focal != plan_b.items[k].focal)
            throw Error("the two tables do not have the same groups (" + item.focal + " vs " + plan_b.items[k].focal + ")");
        const auto c = compare_tables(*item.index, plan_a.views[item.view], plan_b.views[plan_b.items[k].view],
                                      request.params, BootstrapOptions{r.bootstrap, r.confidence, r.seed, {}, {}},
                                      r.interval);
        out.add_row({item.index->info.name, item.focal, item.comparison, c.value_a, c.value_b, c.difference.estimate,
                     c.a.raw_value, c.b.raw_value, c.raw_difference, c.difference.standard_error,
                     c.difference.ci_lower, c.difference.ci_upper, c.p_value});
        if (r.progress) r.progress(k + 1, plan_a.items.size());
    }
    return out;
}

}  // namespace cohesion

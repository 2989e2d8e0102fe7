#include "change/pace_of_change.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"

namespace cohesion {

double annualised_growth(double count_a, double count_b, double years) {
    if (!(count_a > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    return std::pow(count_b / count_a, 1.0 / years) - 1.0;
}

namespace {

void fill_shares(AreaChange& c) {
    const double ta = std::accumulate(c.count_a.begin(), c.count_a.end(), 0.0);
    const double tb = std::accumulate(c.count_b.begin(), c.count_b.end(), 0.0);
    c.share_a.resize(c.count_a.size());
    c.share_b.resize(c.count_b.size());
    c.pace = 0.0;
    c.entropy_a = c.entropy_b = 0.0;
    for (std::size_t g = 0; g < c.count_a.size(); ++g) {
        c.share_a[g] = ta > 0 ? c.count_a[g] / ta : 0.0;
        c.share_b[g] = tb > 0 ? c.count_b[g] / tb : 0.0;
        c.pace += 0.5 * std::abs(c.share_b[g] - c.share_a[g]);
        if (c.share_a[g] > 0) c.entropy_a -= c.share_a[g] * std::log(c.share_a[g]);
        if (c.share_b[g] > 0) c.entropy_b -= c.share_b[g] * std::log(c.share_b[g]);
    }
}

}  // namespace

PaceOfChange pace_of_change(const Table& a, const Table& b, const PaceOptions& o) {
    if (!(o.years > 0.0)) throw Error(Field{"years"}, "the years between the tables must be positive");
    if (a.group_names() != b.group_names()) {
        std::string la, lb;
        for (const auto& g : a.group_names()) la += (la.empty() ? "" : ",") + g;
        for (const auto& g : b.group_names()) lb += (lb.empty() ? "" : ",") + g;
        throw Error("the two tables have different groups (" + la + " vs " + lb +
                    "); rename or merge them to a common scheme first (e.g. " + field_ref("merge") + " White=white)");
    }
    PaceOfChange p;
    p.groups = a.group_names();
    p.years = o.years;
    std::unordered_map<std::string_view, std::size_t> row_b;
    for (std::size_t j = 0; j < b.areas(); ++j) row_b.emplace(b.area_codes()[j], j);
    const auto total_a = a.unit_total(), total_b = b.unit_total();
    const std::size_t K = p.groups.size();
    p.whole.code = "all common areas";
    p.whole.count_a.assign(K, 0.0);
    p.whole.count_b.assign(K, 0.0);
    std::vector<char> used(b.areas(), 0);
    for (std::size_t i = 0; i < a.areas(); ++i) {
        const auto it = row_b.find(a.area_codes()[i]);
        if (it == row_b.end()) {
            ++p.only_a;
            continue;
        }
        used[it->second] = 1;
        AreaChange c;
        c.code = a.area_codes()[i];
        c.total_a = total_a[i];
        c.total_b = total_b[it->second];
        for (std::size_t g = 0; g < K; ++g) {
            c.count_a.push_back(a.count(i, g));
            c.count_b.push_back(b.count(it->second, g));
            p.whole.count_a[g] += c.count_a.back();
            p.whole.count_b[g] += c.count_b.back();
        }
        p.whole.total_a += c.total_a;
        p.whole.total_b += c.total_b;
        fill_shares(c);
        p.areas.push_back(std::move(c));
    }
    p.only_b = static_cast<std::size_t>(std::count(used.begin(), used.end(), 0));
    if (p.areas.empty()) throw Error("the two tables have no area code in common (are they on the same geography? "
                                     "harmonise the earlier one first with `cohesion harmonise`)");
    fill_shares(p.whole);

    std::vector<std::size_t> order(p.areas.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return p.areas[x].pace > p.areas[y].pace; });
    for (std::size_t r = 0; r < order.size(); ++r) p.areas[order[r]].rank = r + 1;
    if (o.threshold >= 0.0) {
        p.fast_threshold = o.threshold;
    } else {
        if (!(o.top_share > 0.0 && o.top_share <= 1.0)) throw Error(Field{"top"}, "expected 0 < top share <= 1");
        const std::size_t flagged = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(o.top_share * order.size())));
        p.fast_threshold = p.areas[order[flagged - 1]].pace;
    }
    for (auto& c : p.areas) c.fast = c.pace >= p.fast_threshold;
    return p;
}

}  // namespace cohesion

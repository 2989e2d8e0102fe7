#include "change/enclave_change.hpp"

#include <limits>

#include "change/pace_of_change.hpp"
#include "core/error.hpp"

namespace cohesion {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// Enclave index of each area in one year, `none` for non-members.
std::vector<std::size_t> membership(const std::vector<Enclave>& enclaves, std::size_t n) {
    std::vector<std::size_t> of(n, none);
    for (std::size_t e = 0; e < enclaves.size(); ++e)
        for (std::size_t i : enclaves[e].members) {
            if (i >= n) throw Error("enclave change: an enclave member is outside the table");
            of[i] = e;
        }
    return of;
}

EnclaveTransition measure(std::string name, std::string status, const std::vector<char>& footprint,
                          const std::vector<std::size_t>& in_a, const std::vector<std::size_t>& in_b,
                          std::span<const double> group_a, std::span<const double> total_a,
                          std::span<const double> group_b, std::span<const double> total_b, double years) {
    EnclaveTransition t;
    t.enclave = std::move(name);
    t.status = std::move(status);
    double best_share = -1.0;
    for (std::size_t i = 0; i < footprint.size(); ++i) {
        if (!footprint[i]) continue;
        t.areas_a += in_a[i] != none;
        t.areas_b += in_b[i] != none;
        t.population_a += total_a[i];
        t.population_b += total_b[i];
        t.group_a += group_a[i];
        t.group_b += group_b[i];
        const double share = total_b[i] > 0 ? group_b[i] / total_b[i] : 0.0;
        if (share > best_share) best_share = share, t.core = i;
    }
    t.share_a = t.population_a > 0 ? t.group_a / t.population_a : 0.0;
    t.share_b = t.population_b > 0 ? t.group_b / t.population_b : 0.0;
    t.annual_growth = annualised_growth(t.group_a, t.group_b, years);
    return t;
}

}  // namespace

EnclaveChange compare_enclaves(const std::vector<Enclave>& a, const std::vector<Enclave>& b,
                               std::span<const double> group_a, std::span<const double> total_a,
                               std::span<const double> group_b, std::span<const double> total_b, double years) {
    const std::size_t n = group_a.size();
    if (total_a.size() != n || group_b.size() != n || total_b.size() != n)
        throw Error("enclave change: the two years do not have one value per area each");
    if (!(years > 0)) throw Error("enclave change: years between the censuses must be positive");
    const auto in_a = membership(a, n);
    const auto in_b = membership(b, n);

    EnclaveChange out;
    out.area_status.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        out.area_status[i] = in_a[i] != none ? (in_b[i] != none ? "persisting" : "left") : (in_b[i] != none ? "new" : "");

    std::vector<char> a_matched(a.size(), 0);
    std::vector<EnclaveTransition> emerging, persisting, dissolved;
    for (const auto& e : b) {
        std::vector<char> footprint(n, 0);
        bool overlaps = false;
        for (std::size_t i : e.members) {
            footprint[i] = 1;
            if (in_a[i] != none) overlaps = true, a_matched[in_a[i]] = 1;
        }
        // A persisting enclave's footprint takes in every earlier enclave it touches.
        if (overlaps)
            for (std::size_t i : e.members)
                if (in_a[i] != none)
                    for (std::size_t j : a[in_a[i]].members) footprint[j] = 1;
        auto t = measure(e.name, overlaps ? "persisting" : "emerging", footprint, in_a, in_b, group_a, total_a,
                         group_b, total_b, years);
        (overlaps ? persisting : emerging).push_back(std::move(t));
    }
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a_matched[k]) continue;
        std::vector<char> footprint(n, 0);
        for (std::size_t i : a[k].members) footprint[i] = 1;
        dissolved.push_back(
            measure(a[k].name, "dissolved", footprint, in_a, in_b, group_a, total_a, group_b, total_b, years));
    }
    for (auto* part : {&emerging, &persisting, &dissolved})
        out.enclaves.insert(out.enclaves.end(), part->begin(), part->end());
    return out;
}

}  // namespace cohesion

#include "simulation/validation.hpp"

#include <cmath>

namespace cohesion {

namespace {

std::vector<double> table_counts(const Table& t) {
    std::vector<double> c(t.areas() * t.groups());
    for (std::size_t g = 0; g < t.groups(); ++g)
        for (std::size_t i = 0; i < t.areas(); ++i) c[g * t.areas() + i] = t.count(i, g);
    return c;
}

MethodScore score(std::string name, const std::vector<std::vector<double>>& share_sets, const std::vector<double>& actual_shares,
                  const std::vector<double>& totals, const IndexValues& actual, std::size_t n, std::size_t k) {
    MethodScore s;
    s.method = std::move(name);
    std::vector<double> mean_shares(n * k, 0.0);
    s.indices.dissimilarity.assign(k, 0.0);
    s.indices.isolation.assign(k, 0.0);
    const double w = 1.0 / static_cast<double>(share_sets.size());
    for (const auto& shares : share_sets) {
        std::vector<double> counts(n * k);
        for (std::size_t g = 0; g < k; ++g)
            for (std::size_t i = 0; i < n; ++i) {
                counts[g * n + i] = shares[g * n + i] * totals[i];
                mean_shares[g * n + i] += w * shares[g * n + i];
            }
        const IndexValues v = index_values(counts, n, k);
        for (std::size_t g = 0; g < k; ++g) {
            s.indices.dissimilarity[g] += w * v.dissimilarity[g];
            s.indices.isolation[g] += w * v.isolation[g];
        }
        s.indices.mutual_information += w * v.mutual_information;
    }
    s.share_mae = mean(area_share_errors(mean_shares, actual_shares, n, k));
    for (std::size_t g = 0; g < k; ++g) {
        s.dissimilarity_error.push_back(s.indices.dissimilarity[g] - actual.dissimilarity[g]);
        s.isolation_error.push_back(s.indices.isolation[g] - actual.isolation[g]);
    }
    s.mutual_information_error = s.indices.mutual_information - actual.mutual_information;
    return s;
}

}  // namespace

TownValidation validate_town(const Town& town, const ModelParameters& parameters, std::size_t replicates,
                             std::uint64_t seed, bool used_in_calibration) {
    const std::size_t n = town.areas(), k = town.groups.size();
    TownValidation v;
    v.town = town.name;
    v.areas = n;
    v.groups = town.groups;
    v.used_in_calibration = used_in_calibration;
    const auto actual_counts = table_counts(town.later);
    const auto actual_shares = area_shares(actual_counts, n, k);
    const auto totals = town.later.group_sum();
    v.actual = index_values(actual_counts, n, k);

    const auto s11 = area_shares(table_counts(town.earlier), n, k);
    v.methods.push_back(score("no change", {s11}, actual_shares, totals, v.actual, n, k));

    std::vector<double> growth(k), trend(n * k);
    double T11 = 0, T21 = 0;
    std::vector<double> S11(k, 0.0), S21(k, 0.0);
    for (std::size_t g = 0; g < k; ++g)
        for (std::size_t i = 0; i < n; ++i) {
            S11[g] += town.earlier.count(i, g);
            S21[g] += town.later.count(i, g);
        }
    for (std::size_t g = 0; g < k; ++g) {
        T11 += S11[g];
        T21 += S21[g];
    }
    for (std::size_t g = 0; g < k; ++g) growth[g] = S11[g] > 0 ? (S21[g] / T21) / (S11[g] / T11) : 1.0;
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0;
        for (std::size_t g = 0; g < k; ++g) sum += (trend[g * n + i] = s11[g * n + i] * growth[g]);
        for (std::size_t g = 0; g < k; ++g) trend[g * n + i] = sum > 0 ? trend[g * n + i] / sum : 0.0;
    }
    v.methods.push_back(score("town trend", {trend}, actual_shares, totals, v.actual, n, k));

    const SimulationSetup setup = make_setup(town, false, town.later_year - town.earlier_year);
    std::vector<std::vector<double>> runs;
    for (const auto& r : simulate_replicates(setup, parameters, seed, replicates, 0, false))
        runs.push_back(area_shares(to_double(r.counts.back()), n, k));
    v.methods.push_back(score("model", runs, actual_shares, totals, v.actual, n, k));
    return v;
}

}  // namespace cohesion

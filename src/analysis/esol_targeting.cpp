#include "analysis/esol_targeting.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/error.hpp"
#include "targeting/national_reference.hpp"
#include "targeting/rate_smoothing.hpp"

namespace cohesion {

namespace {

const std::vector<std::string> component_names{"need", "isolation", "accession", "private_rented"};

// (v − mean) / sd across areas; all zero when the values do not vary.
std::vector<double> standardise(const std::vector<double>& v) {
    const double n = static_cast<double>(v.size());
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
    double var = 0.0;
    for (double x : v) var += (x - mean) * (x - mean);
    const double sd = std::sqrt(var / n);
    std::vector<double> z(v.size(), 0.0);
    if (sd > 0)
        for (std::size_t i = 0; i < v.size(); ++i) z[i] = (v[i] - mean) / sd;
    return z;
}

struct ScoreComponent {
    std::string name, meaning, source;
    double weight = 0.0;
    std::vector<double> value;
};

void check_weights(const std::vector<std::pair<std::string, double>>& weights) {
    double sum = 0.0;
    for (const auto& [name, w] : weights) {
        if (std::find(component_names.begin(), component_names.end(), name) == component_names.end())
            throw Error(Field{"score_weights"},
                        "unknown score component '" + name + "'; expected need, isolation, accession or private_rented");
        // Weights are relative, so nothing needs more than a million; the bound keeps their
        // sum finite (1e308 + 1e308 overflowed to inf and every score became NaN).
        if (!(w >= 0) || !(w <= 1e6))
            throw Error(Field{"score_weights"},
                        fmt::format("weight of '{}' must be a number from 0 to 1000000, got {:g}", name, w));
        sum += w;
    }
    if (!(sum > 0)) throw Error(Field{"score_weights"}, "at least one weight must be positive");
}

// Share of `need` among `people` over each area's neighbourhood (lookup level).
std::vector<double> neighbourhood_rate(const Table& t, const std::string& level_name, const std::vector<double>& need,
                                       const std::vector<double>& people) {
    const Level* level = t.find_level(level_name);
    if (!level)
        throw Error(Field{"neighbourhood"},
                    "the tables have no level '" + level_name + "' (after " + field_ref("aggregate") + ", choose a coarser level)");
    std::unordered_map<std::string, std::pair<double, double>> hood;
    for (std::size_t i = 0; i < need.size(); ++i) {
        auto& h = hood[level->labels[i]];
        h.first += need[i];
        h.second += people[i];
    }
    std::vector<double> rate(need.size());
    for (std::size_t i = 0; i < need.size(); ++i) {
        const auto& h = hood[level->labels[i]];
        rate[i] = h.second > 0 ? h.first / h.second : 0.0;
    }
    return rate;
}

}  // namespace

std::vector<std::pair<std::string, double>> parse_score_weights(const std::vector<std::string>& items) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& w : items) {
        const auto eq = w.find_first_of("=:");  // ':' too, as '=' inside a URL query needs escaping
        if (eq == std::string::npos)
            throw Error(Field{"score_weights"},
                        "expected NAME=WEIGHT with NAME one of need, isolation, accession, private_rented; got '" + w + "'");
        const std::string number = w.substr(eq + 1);
        std::size_t used = 0;
        double value = 0.0;
        try {
            value = std::stod(number, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != number.size())
            throw Error(Field{"score_weights"}, "'" + number + "' is not a number");
        out.emplace_back(w.substr(0, eq), value);
    }
    check_weights(out);
    return out;
}

std::vector<ResultTable> esol_targeting(const CensusTopics& census, const EsolTargetingOptions& o) {
    check_weights(o.weights);
    const Table& english = census.topic("ts029");
    const auto& codes = english.area_codes();
    const Table birth = census.topic("ts004", codes);
    const Table tenure = census.topic("ts054", codes);
    const auto people = census_column(english, "total");
    const auto need = census_sum(english, {"not_well", "not_at_all"});
    const SmoothedRates rates = smooth_rates(need, people, o.confidence);

    std::vector<ScoreComponent> components{
        {"need", "smoothed share of residents aged 3+ who cannot speak English well or at all",
         "TS029 (not_well + not_at_all) / total, empirical Bayes", 0.0, rates.smoothed},
        {"isolation", "that share in the surrounding " + o.neighbourhood + " (exposure to the own group)",
         "TS029 summed over the neighbourhood", 0.0, neighbourhood_rate(english, o.neighbourhood, need, people)},
        {"accession", "share born in EU8/EU2 accession countries (recent-arrival proxy)", "TS004 (eu8 + eu2) / total",
         0.0, census_share(census_sum(birth, {"eu8", "eu2"}), census_column(birth, "total"))},
        {"private_rented", "share of households privately rented (transience proxy)", "TS054 private_rented / total",
         0.0, census_share(census_column(tenure, "private_rented"), census_column(tenure, "total"))}};
    for (const auto& [name, w] : o.weights)
        for (auto& c : components)
            if (c.name == name) c.weight = w;

    std::vector<double> score(codes.size(), 0.0);
    for (const auto& c : components) {
        const auto z = standardise(c.value);
        for (std::size_t i = 0; i < score.size(); ++i) score[i] += c.weight * z[i];
    }
    std::vector<std::size_t> order(codes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    const double total_need = std::accumulate(need.begin(), need.end(), 0.0);

    ResultTable areas;
    areas.title = "ESOL need and isolation risk per area (1 = highest priority)";
    areas.name = "areas";
    areas.notes = census_provenance(census, english);
    areas.notes.push_back(fmt::format(
        "need = residents aged 3+ who cannot speak English well or at all (TS029 counts everyone aged 3+, not only "
        "adults); town rate {:.4g} (England & Wales {:.4g}); smoothed by empirical Bayes (beta-binomial, Marshall "
        "1991 moments) with {:g} % credible intervals",
        rates.town_rate, national2021::low_english_share, 100.0 * o.confidence));
    areas.notes.push_back("score = sum of weight x standardised component (z across areas); see the components table");
    areas.columns = {"area", "rank", "priority", "residents_3plus", "need", "need_rate", "need_rate_smoothed",
                     "need_rate_lower", "need_rate_upper", "isolation", "accession_share", "private_rented_share",
                     "score", "cumulative_need", "cumulative_share_of_need"};
    areas.show_on_map("score");
    areas.ranked_by("rank");
    double cumulative = 0.0;
    for (std::size_t r = 0; r < order.size(); ++r) {
        const std::size_t i = order[r];
        cumulative += need[i];
        areas.add_row({codes[i], static_cast<std::int64_t>(r + 1), std::string(r < o.top ? "yes" : "no"), people[i],
                       need[i], rates.raw[i], rates.smoothed[i], rates.lower[i], rates.upper[i],
                       components[1].value[i], components[2].value[i], components[3].value[i], score[i], cumulative,
                       total_need > 0 ? cumulative / total_need : 0.0});
    }

    ResultTable reach;
    reach.title = "People reached if the top k areas are served";
    reach.name = "reach";
    reach.columns = {"top_k_areas", "need_reached", "share_of_need", "residents_3plus"};
    std::vector<std::size_t> ks{5, 10, 20, 50, o.top};
    std::sort(ks.begin(), ks.end());
    ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
    for (std::size_t k : ks) {
        if (k > order.size()) continue;
        double got = 0.0, res = 0.0;
        for (std::size_t r = 0; r < k; ++r) got += need[order[r]], res += people[order[r]];
        reach.add_row({static_cast<std::int64_t>(k), got, total_need > 0 ? got / total_need : 0.0, res});
    }

    ResultTable parts;
    parts.title = "Isolation-risk score components (edit with the score weights)";
    parts.name = "score_parts";
    parts.columns = {"component", "weight", "meaning", "source"};
    for (const auto& c : components) parts.add_row({c.name, c.weight, c.meaning, c.source});
    return {parts, reach, areas};
}

}  // namespace cohesion

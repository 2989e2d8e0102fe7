#pragma once
// Where English (ESOL) classes are most needed: areas ranked by an isolation-risk score.
//
// need      = residents aged 3+ who cannot speak English well or at all (TS029), as an
//             empirical Bayes smoothed rate with credible intervals (targeting/rate_smoothing);
// isolation = that rate over the surrounding neighbourhood (a lookup level, MSOA by
//             default): the exposure of a non-proficient resident to others like them,
//             Bell's P* with the neighbourhood as the unit;
// accession = share born in EU8/EU2 accession countries (TS004), a recent-arrival proxy;
// private_rented = share of households privately rented (TS054), a transience proxy.
// score_i = Σ_c w_c · z_c,i with z the component standardised across areas (ddof 0;
// all zero for a component that does not vary). The weights are the analyst's, printed
// with every result.
#include <string>
#include <utility>
#include <vector>

#include "io/census_topics.hpp"
#include "output/result_table.hpp"

namespace cohesion {

struct EsolTargetingOptions {
    std::string neighbourhood = "msoa21cd";
    std::vector<std::pair<std::string, double>> weights{
        {"need", 0.4}, {"isolation", 0.2}, {"accession", 0.2}, {"private_rented", 0.2}};
    std::size_t top = 10;  // areas flagged as priority
    double confidence = 0.95;
};

// "need=0.4" (or "need:0.4") items; names must be score components, weights non-negative with a positive sum.
std::vector<std::pair<std::string, double>> parse_score_weights(const std::vector<std::string>& items);

// Tables: score components, people reached by the top k areas, then the per-area ranking
// (last, so that it is the one written as a map layer).
std::vector<ResultTable> esol_targeting(const CensusTopics& census, const EsolTargetingOptions& options);

}  // namespace cohesion

#include "weights/weights.hpp"

namespace cohesion {

std::vector<std::size_t> Weights::islands() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < n; ++i)
        if (cardinality(i) == 0) out.push_back(i);
    return out;
}

Weights weights_from_lists(const std::vector<std::vector<std::size_t>>& lists, std::vector<std::string> ids,
                           std::string description) {
    Weights w;
    w.n = lists.size();
    w.offsets.reserve(w.n + 1);
    w.offsets.push_back(0);
    for (const auto& row : lists) {
        w.neighbours.insert(w.neighbours.end(), row.begin(), row.end());
        w.offsets.push_back(w.neighbours.size());
    }
    w.values.assign(w.neighbours.size(), 1.0);
    w.ids = std::move(ids);
    w.description = std::move(description);
    return w;
}

Weights row_standardised(const Weights& w) {
    Weights out = w;
    for (std::size_t i = 0; i < w.n; ++i) {
        double sum = 0.0;
        for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) sum += w.values[k];
        if (sum > 0.0)
            for (std::size_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) out.values[k] = w.values[k] / sum;
    }
    out.description = w.description + ", row-standardised";
    return out;
}

}  // namespace cohesion

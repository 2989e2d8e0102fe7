#pragma once
// Weights — a sparse spatial weights matrix in CSR form (row i lists its neighbours j
// and weights w_ij). Every spatial index and local statistic reads this one type,
// whatever built it (contiguity, k-nearest neighbours, distance band, kernel, GAL/GWT).
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace cohesion {

struct Weights {
    std::size_t n = 0;
    std::vector<std::size_t> offsets;    // size n + 1; row i is [offsets[i], offsets[i+1])
    std::vector<std::size_t> neighbours; // column indices
    std::vector<double> values;          // w_ij, same length as neighbours
    std::vector<std::string> ids;        // area code of each row (may be empty for anonymous weights)
    std::string description;             // e.g. "queen contiguity, binary"

    std::span<const std::size_t> neighbours_of(std::size_t i) const {
        return {neighbours.data() + offsets[i], offsets[i + 1] - offsets[i]};
    }
    std::span<const double> weights_of(std::size_t i) const {
        return {values.data() + offsets[i], offsets[i + 1] - offsets[i]};
    }
    std::size_t cardinality(std::size_t i) const { return offsets[i + 1] - offsets[i]; }
    std::size_t links() const { return neighbours.size(); }  // directed links (a symmetric pair counts twice)
    std::vector<std::size_t> islands() const;                // rows with no neighbours
};

// Build from adjacency lists (row i -> neighbours), all weights 1.
Weights weights_from_lists(const std::vector<std::vector<std::size_t>>& lists, std::vector<std::string> ids,
                           std::string description);
// Build from weighted rows (row i -> (neighbour, weight) pairs); each row is sorted by neighbour.
Weights weights_from_weighted_lists(std::vector<std::vector<std::pair<std::size_t, double>>> rows,
                                    std::vector<std::string> ids, std::string description);
// w_ij / Σ_j w_ij; islands keep an empty row (documented rule: no neighbours, lag 0).
Weights row_standardised(const Weights& w);
// The same weights with each area also its own neighbour, with weight `self` (local
// environments count the area's own people).
Weights with_self(const Weights& w, double self = 1.0);
// The weights among `keep` only (rows and neighbours renumbered to positions in `keep`).
Weights subset(const Weights& w, const std::vector<std::size_t>& keep);
// Connected components; component[i] numbers the component of area i (0 = largest).
std::vector<std::size_t> connected_components(const Weights& w, std::size_t* count = nullptr);

}  // namespace cohesion

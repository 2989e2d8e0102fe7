#pragma once
// The reference queen weights of the Bedford OAs (../shared/reference/bedford2011_queen.gal),
// read with a deliberately independent few-line parser so autocorrelation tests do not
// depend on the project's own GAL reader or contiguity builder.
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/shared_data.hpp"
#include "weights/weights.hpp"

namespace cohesion::test {

inline Weights reference_queen_weights(const std::vector<std::string>& order) {
    std::ifstream in(shared_reference_dir() / "bedford2011_queen.gal");
    std::size_t n = 0;
    in >> n;
    std::unordered_map<std::string, std::vector<std::string>> lists;
    for (std::size_t k = 0; k < n; ++k) {
        std::string id;
        std::size_t count = 0;
        in >> id >> count;
        auto& list = lists[id];
        list.resize(count);
        for (auto& nb : list) in >> nb;
    }
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    std::vector<std::vector<std::size_t>> rows(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        for (const auto& nb : lists.at(order[i])) rows[i].push_back(position.at(nb));
    return weights_from_lists(rows, order, "reference queen (GAL)");
}

}  // namespace cohesion::test

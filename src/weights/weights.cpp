#include "weights/weights.hpp"

#include <algorithm>
#include <numeric>

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

Weights weights_from_weighted_lists(std::vector<std::vector<std::pair<std::size_t, double>>> rows,
                                    std::vector<std::string> ids, std::string description) {
    Weights w;
    w.n = rows.size();
    w.offsets.push_back(0);
    for (auto& row : rows) {
        std::sort(row.begin(), row.end());
        for (const auto& [j, v] : row) {
            w.neighbours.push_back(j);
            w.values.push_back(v);
        }
        w.offsets.push_back(w.neighbours.size());
    }
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

Weights with_self(const Weights& w, double self) {
    Weights out;
    out.n = w.n;
    out.offsets.push_back(0);
    for (std::size_t i = 0; i < w.n; ++i) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        bool placed = false;
        for (std::size_t k = 0; k < nb.size(); ++k) {
            if (nb[k] == i) continue;  // replaced by `self`
            if (!placed && nb[k] > i) {
                out.neighbours.push_back(i);
                out.values.push_back(self);
                placed = true;
            }
            out.neighbours.push_back(nb[k]);
            out.values.push_back(wv[k]);
        }
        if (!placed) {
            out.neighbours.push_back(i);
            out.values.push_back(self);
        }
        out.offsets.push_back(out.neighbours.size());
    }
    out.ids = w.ids;
    out.description = w.description + ", including self";
    return out;
}

Weights subset(const Weights& w, const std::vector<std::size_t>& keep) {
    std::vector<std::size_t> position(w.n, SIZE_MAX);
    for (std::size_t k = 0; k < keep.size(); ++k) position[keep[k]] = k;
    Weights out;
    out.n = keep.size();
    out.offsets.push_back(0);
    for (std::size_t i : keep) {
        const auto nb = w.neighbours_of(i);
        const auto wv = w.weights_of(i);
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (position[nb[k]] != SIZE_MAX) {
                out.neighbours.push_back(position[nb[k]]);
                out.values.push_back(wv[k]);
            }
        out.offsets.push_back(out.neighbours.size());
        if (!w.ids.empty()) out.ids.push_back(w.ids[i]);
    }
    out.description = w.description;
    return out;
}

std::vector<std::size_t> connected_components(const Weights& w, std::size_t* count) {
    std::vector<std::size_t> component(w.n, SIZE_MAX), stack, sizes;
    for (std::size_t start = 0; start < w.n; ++start) {
        if (component[start] != SIZE_MAX) continue;
        const std::size_t id = sizes.size();
        sizes.push_back(0);
        stack.assign(1, start);
        component[start] = id;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            ++sizes[id];
            for (std::size_t j : w.neighbours_of(i))
                if (component[j] == SIZE_MAX) {
                    component[j] = id;
                    stack.push_back(j);
                }
        }
    }
    // Renumber by size, largest first, so component 0 is the main body.
    std::vector<std::size_t> order(sizes.size()), rank(sizes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    for (auto& c : component) c = rank[c];
    if (count) *count = sizes.size();
    return component;
}

}  // namespace cohesion

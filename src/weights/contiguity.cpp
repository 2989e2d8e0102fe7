#include "weights/contiguity.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/message_text.hpp"

namespace cohesion {

namespace {

std::uint64_t coordinate_key(double v, double tolerance) {
    if (tolerance > 0.0) v = std::round(v / tolerance);
    if (v == 0.0) v = 0.0;  // −0 and +0 are the same point
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 29);
}

struct Entry {
    std::uint64_t hash;       // of the vertex (queen) or of the edge (rook)
    std::uint64_t a, b, c, d; // the exact keys, so hash collisions cannot create neighbours
    std::uint32_t area;
    bool same_place(const Entry& o) const { return a == o.a && b == o.b && c == o.c && d == o.d; }
};

}  // namespace

Weights contiguity_weights(const AreaLayer& layer, const ContiguityOptions& options) {
    const double tol = options.snap_tolerance;
    std::vector<Entry> entries;
    for (std::size_t area = 0; area < layer.size(); ++area)
        for (const Ring& ring : layer.rings[area])
            for (std::size_t k = 0; k + 1 < ring.x.size() || (k + 1 == ring.x.size() && options.rule == Contiguity::queen); ++k) {
                const std::uint64_t x1 = coordinate_key(ring.x[k], tol), y1 = coordinate_key(ring.y[k], tol);
                if (options.rule == Contiguity::queen) {
                    entries.push_back({mix(x1, y1), x1, y1, 0, 0, static_cast<std::uint32_t>(area)});
                } else {
                    std::uint64_t x2 = coordinate_key(ring.x[k + 1], tol), y2 = coordinate_key(ring.y[k + 1], tol);
                    std::uint64_t p1x = x1, p1y = y1;
                    if (std::tie(p1x, p1y) > std::tie(x2, y2)) std::swap(p1x, x2), std::swap(p1y, y2);
                    if (p1x == x2 && p1y == y2) continue;  // repeated vertex: no edge
                    entries.push_back({mix(mix(p1x, p1y), mix(x2, y2)), p1x, p1y, x2, y2, static_cast<std::uint32_t>(area)});
                }
            }
    tbb::parallel_sort(entries.begin(), entries.end(), [](const Entry& l, const Entry& r) {
        return std::tie(l.hash, l.a, l.b, l.c, l.d, l.area) < std::tie(r.hash, r.a, r.b, r.c, r.d, r.area);
    });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t start = 0; start < entries.size();) {
        std::size_t end = start + 1;
        while (end < entries.size() && entries[end].hash == entries[start].hash && entries[end].same_place(entries[start])) ++end;
        for (std::size_t i = start; i < end; ++i)
            for (std::size_t j = i + 1; j < end; ++j)
                if (entries[i].area != entries[j].area) {
                    pairs.emplace_back(entries[i].area, entries[j].area);
                    pairs.emplace_back(entries[j].area, entries[i].area);
                }
        start = end;
    }
    tbb::parallel_sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<std::vector<std::size_t>> lists(layer.size());
    for (const auto& [i, j] : pairs) lists[i].push_back(j);
    return weights_from_lists(lists, layer.codes,
                              std::string(options.rule == Contiguity::queen ? "queen" : "rook") + " contiguity, binary" +
                                  (tol > 0 ? ", snapped to " + number_text(tol) : ""));
}

}  // namespace cohesion

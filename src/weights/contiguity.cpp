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

// Queen: a vertex is its exact (x, y) keys, so sorting by them groups the areas that share it
// with no hash (24-byte entries instead of 48: half the memory to fault in and to sort).
struct VertexEntry {
    std::uint64_t x, y;
    std::uint32_t area;
};

template <class E, class Same>
void pair_areas_sharing(const std::vector<E>& entries, Same same, std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
    for (std::size_t start = 0; start < entries.size();) {
        std::size_t end = start + 1;
        while (end < entries.size() && same(entries[end], entries[start])) ++end;
        for (std::size_t i = start; i < end; ++i)
            for (std::size_t j = i + 1; j < end; ++j)
                if (entries[i].area != entries[j].area) {
                    pairs.emplace_back(entries[i].area, entries[j].area);
                    pairs.emplace_back(entries[j].area, entries[i].area);
                }
        start = end;
    }
}

}  // namespace

Weights contiguity_weights(const AreaLayer& layer, const ContiguityOptions& options) {
    const double tol = options.snap_tolerance;
    // Sized once: growing by doubling copied and page-faulted the array ~twice over, most of
    // what a first call in a process paid beyond later ones.
    std::size_t vertices = 0;
    for (const auto& rings : layer.rings)
        for (const Ring& ring : rings) vertices += ring.x.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(6 * layer.size());
    if (options.rule == Contiguity::queen) {
        std::vector<VertexEntry> entries;
        entries.reserve(vertices);
        for (std::size_t area = 0; area < layer.size(); ++area)
            for (const Ring& ring : layer.rings[area])
                for (std::size_t k = 0; k < ring.x.size(); ++k)
                    entries.push_back({coordinate_key(ring.x[k], tol), coordinate_key(ring.y[k], tol),
                                       static_cast<std::uint32_t>(area)});
        tbb::parallel_sort(entries.begin(), entries.end(), [](const VertexEntry& l, const VertexEntry& r) {
            return std::tie(l.x, l.y, l.area) < std::tie(r.x, r.y, r.area);
        });
        pair_areas_sharing(entries, [](const VertexEntry& a, const VertexEntry& b) { return a.x == b.x && a.y == b.y; },
                           pairs);
    } else {
        std::vector<Entry> entries;
        entries.reserve(vertices);
        for (std::size_t area = 0; area < layer.size(); ++area)
            for (const Ring& ring : layer.rings[area])
                for (std::size_t k = 0; k + 1 < ring.x.size(); ++k) {
                    std::uint64_t x1 = coordinate_key(ring.x[k], tol), y1 = coordinate_key(ring.y[k], tol);
                    std::uint64_t x2 = coordinate_key(ring.x[k + 1], tol), y2 = coordinate_key(ring.y[k + 1], tol);
                    if (std::tie(x1, y1) > std::tie(x2, y2)) std::swap(x1, x2), std::swap(y1, y2);
                    if (x1 == x2 && y1 == y2) continue;  // repeated vertex: no edge
                    entries.push_back({mix(mix(x1, y1), mix(x2, y2)), x1, y1, x2, y2, static_cast<std::uint32_t>(area)});
                }
        tbb::parallel_sort(entries.begin(), entries.end(), [](const Entry& l, const Entry& r) {
            return std::tie(l.hash, l.a, l.b, l.c, l.d, l.area) < std::tie(r.hash, r.a, r.b, r.c, r.d, r.area);
        });
        pair_areas_sharing(entries, [](const Entry& a, const Entry& b) { return a.hash == b.hash && a.same_place(b); },
                           pairs);
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

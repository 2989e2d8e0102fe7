#include "spatial/segregation_profile.hpp"

namespace cohesion {

std::vector<ProfilePoint> segregation_profile(const CountMatrix& counts, const std::vector<const IndexDefinition*>& indices,
                                              const std::vector<ProfileScale>& scales,
                                              const LocalEnvironmentOptions& options) {
    std::vector<ProfilePoint> out;
    const IndexParams params;
    for (const auto& scale : scales) {
        const CountMatrix smoothed = local_environment(counts, scale.weights, options);
        for (const auto* index : indices) out.push_back({scale.label, index->info.name, index->compute(IndexInput{smoothed, params})});
    }
    return out;
}

}  // namespace cohesion

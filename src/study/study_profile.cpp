#include "study/study_profile.hpp"

namespace cohesion {

TownProfile study_town_profile(const Study& study, TownProfileOptions options) {
    const StudySpec& spec = study.spec();
    options.bootstrap = spec.bootstrap;
    options.hot_spots.permutations = spec.permutations;
    options.seed = spec.seed;
    options.hot_spots.seed = spec.seed;
    options.hot_spots.memo = study.hot_spot_memo();
    if (options.host.empty()) options.host = spec.typology_host;
    options.enclaves = study.enclave_rule();
    const Table& table = study.spatial() ? study.spatial()->table : study.table();
    std::optional<Table> reference;
    if (study.reference()) reference = *study.reference();
    return town_profile(table, study.spatial() ? &study.spatial()->weights : nullptr, study.area_km2(), reference,
                        options);
}

}  // namespace cohesion

#pragma once
// The town profile of a study: TownProfile (analysis/town_profile.hpp) computed on the
// Study's inputs with the study's settings (bootstrap, permutations, seed, typology host,
// enclave rule). One function, so that the report, `cohesion findings` and the API's
// /api/findings state the same numbers for the same project.
#include "analysis/town_profile.hpp"
#include "study/study.hpp"

namespace cohesion {

// `options` supplies what the study does not fix (focal group, interval method, ranking
// rule, progress); its bootstrap, permutations, seed and enclave rule are the study's.
TownProfile study_town_profile(const Study& study, TownProfileOptions options = {});

}  // namespace cohesion

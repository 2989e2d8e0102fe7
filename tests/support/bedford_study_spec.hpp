#pragma once
// The bundled Bedford study's table and output-area polygons as a StudySpec, the start of the
// study tests' specs (each adds the parts it tests).
#include <string>

#include "study/study_spec.hpp"

namespace cohesion::test {

inline std::string bedford_example(const std::string& name) {
    return std::string(COHESION_EXAMPLE_DATA) + "/bedford/" + name;
}

inline StudySpec bedford_study_spec(int bootstrap, int permutations) {
    StudySpec spec;
    spec.name = "Bedford";
    spec.table.path = bedford_example("oa2011_ethnicity.csv");
    spec.boundaries = bedford_example("oa2011.geojson");
    spec.bootstrap = bootstrap;
    spec.permutations = permutations;
    return spec;
}

}  // namespace cohesion::test

#include "project/study_from_project.hpp"

#include <cstdlib>

namespace cohesion {

TableInput table_input(const ProjectTable& t) {
    TableInput in;
    in.path = t.path;
    if (!t.layout.empty()) in.layout = parse_input_layout(t.layout);
    in.where = t.where;
    in.aggregate_to = t.aggregate;
    in.residual_name = t.residual;
    in.merges = t.merge;
    in.scheme_path = t.scheme;
    in.groups = t.groups;
    in.percent_of = t.percent_of;
    in.levels_from = t.levels_from;
    return in;
}

StudySpec study_spec(const Project& p) {
    StudySpec s;
    s.name = p.name;
    s.table = table_input(p.table);
    s.boundaries = p.boundaries;
    s.layer.code_field = p.code_field;
    s.reference = p.reference;
    s.reference_name = p.reference_name;
    s.bootstrap = static_cast<int>(p.bootstrap);
    s.permutations = static_cast<int>(p.permutations);
    s.seed = p.seed;
    s.indices = p.indices;
    s.local = p.local;
    s.report = p.report;
    s.pdf = p.pdf;
    s.typology_host = p.typology_host;
    s.hotspots = p.hotspots;
    s.enclaves = p.enclaves;
    s.national_table = p.national_table;
    s.national_town = p.national_town;
    s.enclave_rule.min_lq = p.min_lq;
    s.places = p.places;
    if (p.change) {
        const auto& c = *p.change;
        StudyChangeSpec sc;
        sc.earlier = table_input(c.earlier);
        sc.later = table_input(c.later);
        sc.lookup.lookup = c.lookup;
        sc.lookup.options.from_column = c.from_column;
        sc.lookup.options.to_column = c.to_column;
        sc.lookup.options.change_column = c.change_column;
        sc.lookup.weights_table = c.weights_table;
        sc.boundaries = c.boundaries;
        sc.emerging = c.emerging;
        sc.years = c.years;
        sc.earlier_year = static_cast<int>(c.earlier_year);
        sc.later_year = static_cast<int>(c.later_year);
        // England & Wales for the findings' comparison: the shared data folder, as `simulate` finds it.
        const char* shared = std::getenv("COHESION_SHARED_DATA");
        sc.national = shared && *shared ? shared : "../shared/data";
        sc.later_areas_of_earlier = c.later_areas_of_earlier;
        s.change = std::move(sc);
    }
    if (p.targeting) {
        const auto& t = *p.targeting;
        StudyTargetingSpec st;
        st.census.folder = t.census;
        if (!t.where.empty()) st.census.where = {t.where};
        st.aggregate = t.aggregate;
        st.boundaries = t.boundaries;
        st.model = t.model;
        st.hubs = static_cast<std::size_t>(t.hubs);
        st.distance = t.distance;
        s.targeting = std::move(st);
    }
    if (!p.scenarios.empty()) {
        StudyWhatIfSpec w;
        w.town = p.simulation.town;
        w.data = p.simulation.data;
        w.parameters = p.simulation.parameters;
        w.scenarios = p.scenarios;
        w.replicates = static_cast<std::size_t>(p.simulation.replicates);
        w.years = static_cast<int>(p.simulation.years);
        w.seed = p.simulation.seed;
        s.what_if = std::move(w);
    }
    return s;
}

}  // namespace cohesion

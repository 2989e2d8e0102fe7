#include "study/study_plan.hpp"

#include <fmt/format.h>

#include <map>

#include "analysis/change_tables.hpp"
#include "analysis/comparison_table.hpp"
#include "analysis/emerging_tables.hpp"
#include "analysis/enclave_tables.hpp"
#include "analysis/esol_targeting.hpp"
#include "analysis/hot_spot_tables.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/index_tables.hpp"
#include "analysis/licensing_screen.hpp"
#include "analysis/table_result.hpp"
#include "analysis/table_summary.hpp"
#include "analysis/typology_tables.hpp"
#include "atlas/national_atlas.hpp"
#include "atlas/town_comparison.hpp"
#include "core/error.hpp"
#include "io/table_input.hpp"

namespace cohesion {

namespace {

const SpatialData& spatial_of(const Study& study, const std::string& analysis) {
    if (!study.spatial())
        throw Error(Location{"", 0, "boundaries"}, analysis + " needs the table's polygons; give the boundaries");
    return *study.spatial();
}

HotSpotOptions hot_spot_options(const Study& study, const StudyHooks& hooks) {
    HotSpotOptions h;
    h.permutations = study.spec().permutations;
    h.seed = study.spec().seed;
    h.stop = hooks.stop;
    h.progress = hooks.progress;  // areas tested, on the run's progress line
    h.memo = study.hot_spot_memo();  // a group's hot spots are tested once for all its steps
    return h;
}

void table_steps(const StudySpec& spec, std::vector<StudyStep>& steps) {
    steps.push_back({"table summary", "info", {"info.json"}, [](const Study& s, const StudyHooks&) {
                         return StudyOutput{table_summary(s.table())};
                     }});
    if (spec.indices)
        steps.push_back({"segregation indices with bootstrap intervals", "indices", {"indices.csv"},
                         [](const Study& s, const StudyHooks& hooks) {
                             IndexTableRequest r;
                             r.suite.include_stochastic = false;
                             r.suite.params.seed = s.spec().seed;
                             r.bootstrap = s.spec().bootstrap;
                             r.progress = hooks.progress;
                             r.stop = hooks.stop;
                             return StudyOutput{{index_table(s.table(), r)}};
                         }});
    if (spec.local)
        steps.push_back({"local statistics", "local", {"local.csv"}, [](const Study& s, const StudyHooks&) {
                             return StudyOutput{{local_table(s.table(), {})}};
                         }});
    if (!spec.typology_host.empty())
        steps.push_back({"neighbourhood typology", "typology", {"typology.csv"}, [](const Study& s, const StudyHooks&) {
                             TypologyOptions t;
                             t.host_group = s.spec().typology_host;
                             return StudyOutput{typology_tables(s.table(), t)};
                         }});
    for (const auto& g : spec.hotspots)
        steps.push_back({"hot spots of " + g, "hotspots", {"hotspots_" + g + ".gpkg"},
                         [g](const Study& s, const StudyHooks& hooks) {
                             const SpatialData& d = spatial_of(s, "hot spots of " + g);
                             return StudyOutput{hot_spot_tables(d, g, "share", hot_spot_options(s, hooks)),
                                                &d.layer};
                         },
                         "areas tested"});
    for (const auto& g : spec.enclaves)
        steps.push_back({"enclaves of " + g, "enclaves", {"enclaves_" + g + ".geojson"},
                         [g](const Study& s, const StudyHooks& hooks) {
                             const SpatialData& d = spatial_of(s, "enclaves of " + g);
                             return StudyOutput{enclave_tables(d, g, hot_spot_options(s, hooks), s.enclave_rule()), &d.layer};
                         },
                         "areas tested"});
}

void change_steps(const StudyChangeSpec& c, std::vector<StudyStep>& steps) {
    steps.push_back({"earlier census onto the later geography", "harmonise", {"change_earlier_on_later.csv"},
                     [](const Study& s, const StudyHooks&) {
                         const auto& h = s.change()->earlier;
                         return StudyOutput{{table_result(h.table, h.notes)}};
                     }});
    std::vector<std::string> change_files{"change.json"};
    if (!c.boundaries.empty()) change_files.push_back("change.geojson");
    steps.push_back({"pace of change and why segregation changed", "change", change_files,
                     [](const Study& s, const StudyHooks&) {
                         const auto& in = *s.change();
                         ChangeTableOptions options;
                         options.pace.years = s.spec().change->years;
                         options.label_a = in.label_earlier;
                         options.label_b = in.label_later;
                         return StudyOutput{change_tables(in.earlier.table, in.later, options),
                                            in.spatial ? &in.spatial->layer : nullptr};
                     }});
    steps.push_back({"is segregation rising (bootstrap)", "compare", {"segregation_change.json"},
                     [](const Study& s, const StudyHooks&) {
                         const auto& in = *s.change();
                         ComparisonRequest r;
                         r.indices = {"mutual_information", "information_theory"};
                         r.bootstrap = s.spec().bootstrap;
                         r.seed = s.spec().seed;
                         r.label_a = in.label_earlier;
                         r.label_b = in.label_later;
                         return StudyOutput{{comparison_table(in.earlier.table, in.later, r)}};
                     }});
    for (const auto& g : c.emerging)
        steps.push_back({"emerging enclaves of " + g, "emerging", {"emerging_" + g + ".geojson"},
                         [g](const Study& s, const StudyHooks& hooks) {
                             const auto& in = *s.change();
                             if (!in.spatial)
                                 throw Error(Location{"", 0, "change boundaries"},
                                             "emerging enclaves need the later geography's polygons");
                             EmergingRequest r;
                             r.group = g;
                             r.hot_spots = hot_spot_options(s, hooks);
                             r.years = s.spec().change->years;
                             r.enclaves = s.spec().enclave_rule;  // LSOAs: no ward names (those are per OA)
                             r.label_a = in.label_earlier;
                             r.label_b = in.label_later;
                             r.year_a = s.spec().change->earlier_year;
                             r.year_b = s.spec().change->later_year;
                             return StudyOutput{emerging_tables(*in.spatial, in.later, r), &in.spatial->layer};
                         },
                         "areas tested"});
}

void targeting_steps(const StudyTargetingSpec& t, std::vector<StudyStep>& steps) {
    steps.push_back({"ESOL need and isolation risk", "target esol", {"esol_need.json"},
                     [](const Study& s, const StudyHooks&) {
                         return StudyOutput{esol_targeting(*s.targeting()->output_areas, {})};
                     }});
    if (t.boundaries.empty()) {
        steps.push_back({"selective licensing screen", "target licensing", {"licensing.json"},
                         [](const Study& s, const StudyHooks&) {
                             const auto& census = *s.targeting()->aggregated;
                             return StudyOutput{licensing_screen(census, census.topic("ts054"), {})};
                         }});
        return;
    }
    steps.push_back({"ESOL need map", "target esol", {"esol_need.geojson"}, [](const Study& s, const StudyHooks&) {
                         const auto& in = *s.targeting();
                         return StudyOutput{esol_targeting(*in.aggregated, {}), in.layer()};
                     }});
    steps.push_back({"integration hub siting", "target hubs", {"hubs.json", "hubs.geojson"},
                     [](const Study& s, const StudyHooks& hooks) {
                         const auto& in = *s.targeting();
                         const auto& spec = *s.spec().targeting;
                         HubSitingOptions h;
                         h.model = spec.model;
                         h.p = spec.hubs;
                         h.distance = spec.distance;
                         h.progress = hooks.progress;
                         return StudyOutput{hub_siting(*in.aggregated, *in.layer(), h), in.layer()};
                     },
                     "solver stages"});
    steps.push_back({"selective licensing screen", "target licensing", {"licensing.json", "licensing.gpkg"},
                     [](const Study& s, const StudyHooks&) {
                         const auto& in = *s.targeting();
                         const SpatialData& d = *in.tenure;
                         return StudyOutput{licensing_screen(*in.aggregated, d.table, {}, &d.weights, area_km2(d)),
                                            &d.layer};
                     }});
}

}  // namespace

// The project's [[scenario]] blocks against the model's baseline, with few replicates
// (the project's [simulation] replicates) so the whole run stays fast.
void what_if_step(std::vector<StudyStep>& steps) {
    steps.push_back({"what if: scenarios against the baseline", "simulate", {"what_if.json"},
                     [](const Study& s, const StudyHooks& hooks) {
                         const auto& in = *s.what_if();
                         const auto& w = *s.spec().what_if;
                         WhatIfRequest r;
                         r.years = w.years;
                         r.replicates = w.replicates;
                         r.seed = w.seed;
                         r.progress = hooks.progress;
                         r.stop = hooks.stop;
                         auto result = std::make_shared<const WhatIf>(
                             run_what_if(in.town, in.parameters, w.scenarios, r, in.notes));
                         StudyOutput out{what_if_tables(*result, r.top)};
                         // Areas named after the places (wards) they lie in, when the study has both.
                         std::map<std::string, std::string> place_of;
                         const auto* change = s.change();
                         if (s.places() && change && change->spatial &&
                             change->spatial->layer.crs == s.places()->areas.crs) {
                             const auto& layer = change->spatial->layer;
                             const auto names = place_of_areas(layer, *s.places());
                             for (std::size_t f = 0; f < layer.size() && f < names.size(); ++f)
                                 place_of[layer.codes[f]] = names[f];
                         }
                         out.sentences = what_if_sentences(*result, place_of);
                         out.what_if = result;
                         return out;
                     }});
}

// The town among every local authority: the atlas without bootstrap or randomisation
// (seconds nationally), then the town's row of each measure beside its peers' median and
// England & Wales, in sentences.
void comparison_step(std::vector<StudyStep>& steps) {
    steps.push_back({"compared with similar towns and England & Wales", "atlas", {"compared.csv"},
                     [](const Study& s, const StudyHooks& hooks) {
                         const Table& national = *s.national();
                         AtlasOptions options;
                         options.randomisation = 0;
                         options.measures = {"dissimilarity", "mutual_information"};
                         const AtlasWorkList work = plan_atlas_units(national, options);
                         const NationalAtlas atlas = assemble_atlas(
                             compute_atlas_units(national, work, options, hooks.progress, hooks.stop), options,
                             &national);
                         const TownComparison c = compare_town(atlas, s.spec().national_town);
                         ResultTable t;
                         t.title = "How " + c.town + " compares with its most similar towns and England & Wales";
                         t.name = "compared";
                         t.notes = atlas.notes;
                         std::string peers;
                         for (std::size_t k = 0; k < c.peers.size(); ++k) peers += (k ? ", " : "") + c.peers[k];
                         t.notes.push_back("most similar towns by the make-up of their residents: " + peers);
                         t.columns = {"index_name", "group_name", "town", "peer_median", "england_and_wales", "rank",
                                      "rank_lower", "rank_upper", "ranked_among", "rank_among_peers", "peers_compared"};
                         StudyOutput out;
                         for (const auto& r : c.rows) {
                             t.add_row({r.index, r.group, r.town, r.peer_median, r.national,
                                        static_cast<std::int64_t>(r.rank), static_cast<std::int64_t>(r.rank_lower),
                                        static_cast<std::int64_t>(r.rank_upper), static_cast<std::int64_t>(r.ranked_among),
                                        static_cast<std::int64_t>(r.among_peers.rank),
                                        static_cast<std::int64_t>(r.among_peers.of)});
                             if (r.ranked && !r.sentence.empty()) out.sentences.push_back(r.sentence);
                         }
                         out.sentences.insert(out.sentences.begin(), "Most similar towns by the make-up of their residents: " + peers + ".");
                         out.tables = {t};
                         return out;
                     },
                     "local authorities"});
}

std::vector<StudyStep> study_plan(const StudySpec& spec) {
    std::vector<StudyStep> steps;
    table_steps(spec, steps);
    if (!spec.national_table.empty()) comparison_step(steps);
    if (spec.change) change_steps(*spec.change, steps);
    if (spec.targeting) targeting_steps(*spec.targeting, steps);
    if (spec.what_if && !spec.what_if->scenarios.empty()) what_if_step(steps);
    return steps;
}

}  // namespace cohesion

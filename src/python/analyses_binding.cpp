// Every analysis the CLI runs, as one call of the same library function with the same
// options, returning its result tables as dicts (python/result_conversion.hpp). The
// option names and defaults follow the CLI's flags; long computations run inside a
// ComputeScope (GIL released, thread limit, progress callback, cancellation).
#include <fmt/format.h>
#include <pybind11/stl.h>

#include "analysis/change_tables.hpp"
#include "analysis/comparison_table.hpp"
#include "analysis/decomposition_tables.hpp"
#include "analysis/enclave_tables.hpp"
#include "analysis/esol_targeting.hpp"
#include "analysis/group_enclaves.hpp"
#include "analysis/spatial_data.hpp"
#include "analysis/hot_spot_tables.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/index_tables.hpp"
#include "analysis/licensing_screen.hpp"
#include "analysis/multilevel_tables.hpp"
#include "analysis/profile_table.hpp"
#include "analysis/emerging_tables.hpp"
#include "analysis/spatial_index_table.hpp"
#include "analysis/typology_tables.hpp"
#include "change/areal_interpolation.hpp"
#include "change/enclave_change.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "core/table_operations.hpp"
#include "core/error.hpp"
#include "indices/registry.hpp"
#include "io/census_topics.hpp"
#include "python/bindings.hpp"
#include "python/compute_scope.hpp"
#include "python/move_only.hpp"
#include "python/result_conversion.hpp"
#include "spatial/segregation_profile.hpp"
#include "weights/distance_weights.hpp"

namespace py = pybind11;
using StringList = std::vector<std::string>;

namespace cohesion::python {

namespace {

py::list list_indices() {
    py::list out;
    for (const auto* d : IndexRegistry::instance().all()) {
        py::dict row;
        row["name"] = d->info.name;
        row["kind"] = kind_label(d->info);
        row["groups"] = d->info.groups == IndexGroups::two_group ? "two-group" : "multigroup";
        row["per_area"] = d->info.output == IndexOutput::per_area;
        row["title"] = d->info.title;
        row["library_name"] = d->info.library_name;
        row["simulated"] = d->info.stochastic;
        row["needs_areas"] = d->info.needs.unit_areas;
        row["needs_weights"] = d->info.needs.weights;
        row["needs_geometry"] = d->info.needs.geometry;
        row["min_value"] = d->info.min_value;
        row["max_value"] = d->info.max_value;
        row["description"] = d->info.description;
        row["formula"] = d->info.formula;
        row["reference"] = d->info.reference;
        out.append(row);
    }
    return out;
}

py::dict indices(const Table& table, const StringList& names, const StringList& focal, const std::string& versus,
                 bool include_simulated, std::uint64_t seed, int simulations, int bootstrap, int randomisation,
                 double confidence, int threads, py::object progress) {
    ComputeScope scope(threads, std::move(progress));
    IndexTableRequest r;
    r.suite.indices = names;
    r.suite.focal = focal;
    r.suite.versus = versus;
    r.suite.include_stochastic = include_simulated;
    r.suite.params.seed = seed;
    r.suite.params.simulations = simulations;
    r.bootstrap = bootstrap;
    r.randomisation = randomisation;
    r.confidence = confidence;
    r.progress = scope.progress();
    r.stop = scope.stop();
    return to_python(scope.run([&] { return index_table(table, r); }));
}

py::dict compare(const Table& a, const Table& b, const StringList& names, const StringList& focal, int bootstrap,
                 double confidence, std::uint64_t seed, const std::string& label_a, const std::string& label_b,
                 int threads, py::object progress) {
    ComputeScope scope(threads, std::move(progress));
    ComparisonRequest r;
    r.indices = names;
    r.focal = focal;
    r.bootstrap = bootstrap;
    r.confidence = confidence;
    r.seed = seed;
    r.label_a = label_a;
    r.label_b = label_b;
    r.progress = scope.progress();
    return to_python(scope.run([&] { return comparison_table(a, b, r); }));
}

HotSpotOptions hot_spot_options(int permutations, double alpha, bool fdr, std::uint64_t seed, const ComputeScope& scope) {
    HotSpotOptions o;
    o.permutations = permutations;
    o.alpha = alpha;
    o.false_discovery_rate = fdr;
    o.seed = seed;
    o.stop = scope.stop();
    return o;
}

py::tuple harmonise(const Table& table, const std::string& lookup, const std::string& from_column,
                    const std::string& to_column, const std::string& change_column, const StringList& level_columns,
                    const std::string& weights_table, const std::string& weights_id, const std::string& weights_column,
                    bool allow_unmatched, py::object progress) {
    LookupHarmonisationJob job;
    job.lookup = lookup;
    job.options.from_column = from_column;
    job.options.to_column = to_column;
    job.options.change_column = change_column;
    job.options.level_columns = level_columns;
    job.weights_table = weights_table;
    job.weights_id = weights_id;
    job.weights_column = weights_column;
    job.allow_unmatched = allow_unmatched;
    ComputeScope scope(0, std::move(progress));  // areas apportioned
    HarmonisedTable h = scope.run([&] { return harmonise_with_lookup(table, job, scope.progress()); });
    return py::make_tuple(std::move(h.table), h.notes);
}

// As `cohesion harmonise --from-boundaries/--to-boundaries` (areal-weighted, GEOS
// intersections); the layers must share a CRS (the Python side reads the target in the
// source's CRS).
py::tuple harmonise_areal(const Table& table, const AreaLayer& source, const AreaLayer& target, bool allow_unmatched,
                          py::object progress) {
    if (source.crs != target.crs)
        throw Error(Location{target.source, 0, {}}, "the target layer is in " + target.crs + ", the source layer in " +
                                                         source.crs + "; overlaps need one CRS");
    ArealInterpolationOptions options;
    options.allow_unmatched = allow_unmatched;
    ComputeScope scope(0, std::move(progress));
    options.progress = scope.progress();  // source areas overlaid
    const ArealInterpolated r = scope.run([&] { return areal_interpolate(table, source, target, options); });
    std::vector<std::string> notes = r.table.history();
    for (const auto& line : r.report.lines()) notes.push_back(line);
    notes.push_back("counts are estimates (fractional people): they assume people are spread evenly over each source area");
    return py::make_tuple(r.table, notes);
}

py::list change(const Table& a, const Table& b, double years, double top, double threshold, const std::string& label_a,
                const std::string& label_b, const Table* national_a, const Table* national_b,
                const std::string& national_label) {
    ChangeTableOptions options;
    options.pace.years = years;
    options.pace.top_share = top;
    options.pace.threshold = threshold;
    options.label_a = label_a;
    options.label_b = label_b;
    if ((national_a == nullptr) != (national_b == nullptr))
        throw Error(Location{"", 0, national_a ? "national_b" : "national_a"},
                    "give both national_a and national_b (the reference area in each year)");
    if (national_a) options.national = NationalChange{national_label, national_a, national_b};
    ComputeScope scope(0);
    return to_python(scope.run([&] { return change_tables(a, b, options); }));
}

// As `cohesion multilevel`: MLID and the M/H decomposition across every level, the same
// tables in the same order (docs/indices.md).
py::list multilevel(const Table& table, const StringList& levels, const std::string& group, const std::string& versus,
                    const StringList& omit, const StringList& places, const std::string& map_level, std::size_t top,
                    std::size_t bootstrap, std::size_t expected_draws, std::uint64_t seed, int threads) {
    MultilevelRequest r;
    r.levels = levels;
    r.group = group;
    r.versus = versus;
    r.omit = omit;
    r.places = places;
    r.map_level = map_level;
    r.top = top;
    r.bootstrap = bootstrap;
    r.expected_draws = expected_draws;
    r.seed = seed;
    ComputeScope scope(threads);
    return to_python(scope.run([&] { return multilevel_tables(table, r); }));
}

CensusSource census_source(const std::string& folder, const StringList& where, const std::string& aggregate) {
    return CensusSource{folder, where, aggregate};
}


}  // namespace

void bind_analyses(py::module_& m) {
    m.def("list_indices", &list_indices);
    m.def("index_table", &indices, py::arg("table"), py::arg("indices") = StringList{}, py::arg("focal") = StringList{},
          py::arg("versus") = "", py::arg("include_simulated") = true, py::arg("seed") = 20170601,
          py::arg("simulations") = 500, py::arg("bootstrap") = 0, py::arg("randomisation") = 0,
          py::arg("confidence") = 0.95, py::arg("threads") = 0, py::arg("progress") = py::none());
    m.def(
        "local_table",
        [](const Table& table, const StringList& names, int threads) {
            ComputeScope scope(threads);
            return to_python(scope.run([&] { return local_table(table, names); }));
        },
        py::arg("table"), py::arg("indices") = StringList{}, py::arg("threads") = 0);
    m.def("comparison_table", &compare, py::arg("a"), py::arg("b"), py::arg("indices") = StringList{},
          py::arg("focal") = StringList{}, py::arg("bootstrap") = 200, py::arg("confidence") = 0.95,
          py::arg("seed") = 20170601, py::arg("label_a") = "A", py::arg("label_b") = "B", py::arg("threads") = 0,
          py::arg("progress") = py::none());
    m.def(
        "decomposition_tables",
        [](const Table& table, const std::string& within, bool skip_parts) {
            ComputeScope scope(0);
            return to_python(scope.run([&] { return decomposition_tables(table, within, skip_parts); }));
        },
        py::arg("table"), py::arg("within") = "", py::arg("skip_parts") = false);
    m.def(
        "typology_tables",
        [](const Table& table, const std::string& host, double isolated, double non_isolated, double assimilation,
           double dominant, double ghetto, bool summary_only) {
            TypologyOptions o;
            o.host_group = host;
            o.isolated_host = isolated;
            o.non_isolated_host = non_isolated;
            o.assimilation = assimilation;
            o.dominant_minority = dominant;
            o.ghetto_share = ghetto;
            ComputeScope scope(0);
            return to_python(scope.run([&] { return typology_tables(table, o, summary_only); }));
        },
        py::arg("table"), py::arg("host"), py::arg("isolated") = 0.80, py::arg("non_isolated") = 0.50,
        py::arg("assimilation") = 0.30, py::arg("dominant") = 0.60, py::arg("ghetto") = 0.30,
        py::arg("summary_only") = false);
    m.def(
        "spatial_index_table",
        [](const SpatialData& d, const StringList& names, const StringList& focal, double proximity_unit_m, int threads) {
            ComputeScope scope(threads);
            return to_python(
                scope.run([&] { return spatial_index_table(d, SpatialIndexRequest{names, focal, proximity_unit_m}); }));
        },
        py::arg("data"), py::arg("indices") = StringList{}, py::arg("focal") = StringList{},
        py::arg("proximity_unit_m") = 1000.0, py::arg("threads") = 0);
    m.def(
        "hot_spot_tables",
        [](const SpatialData& d, const std::string& group, const std::string& variable, int permutations, double alpha,
           bool fdr, std::uint64_t seed, int threads) {
            ComputeScope scope(threads);
            const HotSpotOptions o = hot_spot_options(permutations, alpha, fdr, seed, scope);
            return to_python(scope.run([&] { return hot_spot_tables(d, group, variable, o); }));
        },
        py::arg("data"), py::arg("group"), py::arg("variable") = "share", py::arg("permutations") = 999,
        py::arg("alpha") = 0.05, py::arg("fdr") = true, py::arg("seed") = 20170601, py::arg("threads") = 0);
    m.def(
        "enclave_tables",
        [](const SpatialData& d, const std::string& group, int permutations, double alpha, bool fdr, std::uint64_t seed,
           bool use_lisa, std::size_t min_areas, double min_lq, int threads) {
            ComputeScope scope(threads);
            const HotSpotOptions o = hot_spot_options(permutations, alpha, fdr, seed, scope);
            EnclaveOptions e;
            e.use_lisa = use_lisa;
            e.min_areas = min_areas;
            e.min_lq = min_lq;
            return to_python(scope.run([&] { return enclave_tables(d, group, o, e); }));
        },
        py::arg("data"), py::arg("group"), py::arg("permutations") = 999, py::arg("alpha") = 0.05, py::arg("fdr") = true,
        py::arg("seed") = 20170601, py::arg("use_lisa") = false, py::arg("min_areas") = 2, py::arg("min_lq") = 1.5,
        py::arg("threads") = 0);
    m.def(
        "profile_table",
        [](const SpatialData& d, const std::vector<double>& distances, const std::string& kernel, bool contiguity,
           bool round, const StringList& focal, const StringList& names, const std::string& weights_rule, int threads) {
            ComputeScope scope(threads);
            return to_python(scope.run(
                [&] {
                    ProfileRequest r;
                    r.distances = distances;
                    r.kernel = kernel;
                    r.contiguity = contiguity;
                    r.round = round;
                    r.focal = focal;
                    r.indices = names;
                    r.weights_rule = weights_rule;
                    return profile_table(d, r);
                }));
        },
        py::arg("data"), py::arg("distances") = std::vector<double>{250, 500, 1000, 2000},
        py::arg("kernel") = "triangular", py::arg("contiguity") = true, py::arg("round") = false,
        py::arg("focal") = StringList{},
        py::arg("indices") = StringList{"dissimilarity", "isolation", "multi_dissimilarity", "mutual_information",
                                        "information_theory"},
        py::arg("weights_rule") = "queen", py::arg("threads") = 0);
    m.def(
        "emerging_tables",
        [](const SpatialData& d, const Table& b, const std::string& group, int permutations, double alpha, bool fdr,
           std::uint64_t seed, bool use_lisa, std::size_t min_areas, double min_lq, double years, const std::string& label_a,
           const std::string& label_b, int threads) {
            if (!(years > 0)) throw Error(Location{"", 0, "years"}, "years between the censuses must be positive");
            ComputeScope scope(threads);
            const HotSpotOptions o = hot_spot_options(permutations, alpha, fdr, seed, scope);
            EnclaveOptions e;
            e.use_lisa = use_lisa;
            e.min_areas = min_areas;
            e.min_lq = min_lq;
            EmergingRequest r;
            r.group = group;
            r.hot_spots = o;
            r.enclaves = e;
            r.years = years;
            r.label_a = label_a;
            r.label_b = label_b;
            return to_python(scope.run([&] { return emerging_tables(d, b, r); }));
        },
        py::arg("data"), py::arg("b"), py::arg("group"), py::arg("permutations") = 999, py::arg("alpha") = 0.05,
        py::arg("fdr") = true, py::arg("seed") = 20170601, py::arg("use_lisa") = false, py::arg("min_areas") = 2,
        py::arg("min_lq") = 1.5, py::arg("years") = 10.0, py::arg("label_a") = "A", py::arg("label_b") = "B", py::arg("threads") = 0);
    m.def("harmonise_areal", &harmonise_areal, py::arg("table"), py::arg("source"), py::arg("target"),
          py::arg("allow_unmatched") = false, py::arg("progress") = py::none());
    m.def("harmonise", &harmonise, py::arg("table"), py::arg("lookup"), py::arg("from_column"), py::arg("to_column"),
          py::arg("change_column") = "", py::arg("level_columns") = StringList{}, py::arg("weights_table") = "",
          py::arg("weights_id") = "", py::arg("weights_column") = "", py::arg("allow_unmatched") = false,
          py::arg("progress") = py::none());
    m.def("change_tables", &change, py::arg("a"), py::arg("b"), py::arg("years") = 10.0, py::arg("top") = 0.10,
          py::arg("threshold") = -1.0, py::arg("label_a") = "A", py::arg("label_b") = "B",
          py::arg("national_a") = nullptr, py::arg("national_b") = nullptr, py::arg("national_label") = "national");

    m.def("multilevel_tables", &multilevel, py::arg("table"), py::arg("levels"), py::arg("group") = "",
          py::arg("versus") = "", py::arg("omit") = StringList{}, py::arg("places") = StringList{},
          py::arg("map_level") = "", py::arg("top") = 10, py::arg("bootstrap") = 0, py::arg("expected_draws") = 100,
          py::arg("seed") = 2017, py::arg("threads") = 0);

    m.def(
        "census_topic",
        [](const std::string& folder, const StringList& where, const std::string& aggregate, const std::string& topic) {
            const CensusTopics census(census_source(folder, where, aggregate));
            py::gil_scoped_release release;
            return Table(census.topic(topic));
        },
        py::arg("folder"), py::arg("where") = StringList{}, py::arg("aggregate") = "", py::arg("topic") = "ts054");
    m.def(
        "esol_targeting",
        [](const std::string& folder, const StringList& where, const std::string& aggregate,
           const std::string& neighbourhood, const StringList& weights, std::size_t top, double confidence) {
            EsolTargetingOptions o;
            o.neighbourhood = neighbourhood;
            o.weights = parse_score_weights(weights);
            o.top = top;
            o.confidence = confidence;
            ComputeScope scope(0);
            return to_python(scope.run([&] { return esol_targeting(CensusTopics(census_source(folder, where, aggregate)), o); }));
        },
        py::arg("census"), py::arg("where") = StringList{}, py::arg("aggregate") = "", py::arg("neighbourhood") = "msoa21cd",
        py::arg("weights") = StringList{"need=0.4", "isolation=0.2", "accession=0.2", "private_rented=0.2"},
        py::arg("top") = 10, py::arg("confidence") = 0.95);
    m.def(
        "hub_siting",
        [](const std::string& folder, const StringList& where, const std::string& aggregate, const AreaLayer& layer,
           const std::string& demand, const std::string& model, std::size_t p, double distance, const std::string& solver,
           double time_limit, const std::string& candidates, bool allow_outside, py::object progress) {
            HubSitingOptions o;
            o.demand = demand;
            o.model = model;
            o.p = p;
            o.distance = distance;
            o.solver = solver;
            o.time_limit = time_limit;
            o.candidates = candidates;
            o.allow_outside = allow_outside;
            ComputeScope scope(0, std::move(progress));
            o.progress = scope.progress();  // solver stages (targeting/facility_location.hpp)
            return to_python(
                scope.run([&] { return hub_siting(CensusTopics(census_source(folder, where, aggregate)), layer, o); }));
        },
        py::arg("census"), py::arg("where") = StringList{}, py::arg("aggregate") = "", py::arg("layer"),
        py::arg("demand") = "need", py::arg("model") = "maximal-covering", py::arg("p") = 3, py::arg("distance") = 800.0,
        py::arg("solver") = "auto", py::arg("time_limit") = 60.0, py::arg("candidates") = "",
        py::arg("allow_outside") = false, py::arg("progress") = py::none());
    m.def(
        "licensing_screen",
        [](const std::string& folder, const StringList& where, const std::string& aggregate, const SpatialData* spatial,
           double min_private_rented, double min_accession) {
            LicensingScreenOptions o;
            o.min_private_rented = min_private_rented;
            o.min_accession = min_accession;
            ComputeScope scope(0);
            return to_python(scope.run([&] {
                const CensusTopics census(census_source(folder, where, aggregate));
                if (!spatial) return licensing_screen(census, census.topic("ts054"), o);
                return licensing_screen(census, spatial->table, o, &spatial->weights, area_km2(*spatial));
            }));
        },
        py::arg("census"), py::arg("where") = StringList{}, py::arg("aggregate") = "", py::arg("spatial") = nullptr,
        py::arg("min_private_rented") = national2021::private_rented_share,
        py::arg("min_accession") = national2021::accession_born_share);
}

}  // namespace cohesion::python

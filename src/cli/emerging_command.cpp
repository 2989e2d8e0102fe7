// `cohesion emerging A B`: which enclaves of a group emerged, persisted or dissolved
// between two censuses on the same areas, with the group's growth in each, and a
// per-area map layer (new / persisting / left).
#include <fmt/format.h>

#include "analysis/group_enclaves.hpp"
#include "change/enclave_change.hpp"
#include "cli/command.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/table_operations.hpp"

namespace cohesion::cli {

namespace {

struct EmergingOptions {
    InputOptionValues input;
    SecondTableValues b;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    EnclaveOptions enclave;
    OutputOptionValues output;
    double years = 10.0;
};

// Enclave name of each area in one year ("" for non-members).
std::vector<std::string> enclave_of(const std::vector<Enclave>& enclaves, std::size_t n) {
    std::vector<std::string> name(n);
    for (const auto& e : enclaves)
        for (std::size_t i : e.members) name[i] = e.name;
    return name;
}

std::vector<ResultTable> run(const EmergingOptions& o, const SpatialData& d, const Table& b_table) {
    const Table b = select_area_codes(b_table, d.table.area_codes());
    const auto km2 = area_km2(d);
    const GroupEnclaves a = group_enclaves(d.table, o.hot.group, d.weights, km2, o.hot.options, o.enclave);
    const GroupEnclaves later = group_enclaves(b, o.hot.group, d.weights, km2, o.hot.options, o.enclave);
    const auto& codes = d.table.area_codes();
    const auto& [share_a, hot_a, enclaves_a] = a;
    const auto& [share_b, hot_b, enclaves_b] = later;
    const EnclaveChange change =
        compare_enclaves(enclaves_a, enclaves_b, share_a.count, share_a.total, share_b.count, share_b.total, o.years);

    std::size_t emerging = 0;
    for (const auto& e : change.enclaves) emerging += e.status == "emerging";
    ResultTable list;
    list.title = fmt::format("Enclaves of {}: {} in A, {} in B, {} emerging", o.hot.group, enclaves_a.size(),
                             enclaves_b.size(), emerging);
    list.notes.push_back("A: " + o.input.input.path);
    list.notes.push_back("B: " + (o.b.path.empty() ? o.input.input.path : o.b.path));
    for (const auto& n : d.table.history()) list.notes.push_back("A: " + n);
    for (const auto& n : b.history()) list.notes.push_back("B: " + n);
    list.notes.insert(list.notes.end(), d.notes.begin(), d.notes.end());
    for (const auto& n : hot_spot_notes(o.hot.options)) list.notes.push_back(n);
    list.notes.push_back(fmt::format(
        "enclave = at least {} neighbouring areas, each a significant {} with a share above the town's, found in each "
        "year with the same weights and seed; emerging = no area was an enclave member in A; persisting = shares "
        "areas with an A enclave (measured over both years' members); dissolved = no area is a member in B",
        o.enclave.min_areas, o.enclave.use_lisa ? "LISA HH cluster" : "G* hot spot"));
    list.notes.push_back(fmt::format("growth = annualised change of the group's count over {:g} years", o.years));
    list.columns = {"enclave", "status", "areas_a", "areas_b", "core_area", "population_a", "population_b",
                    "group_a", "group_b", "share_a", "share_b", "annual_growth"};
    for (const auto& e : change.enclaves)
        list.add_row({e.enclave, e.status, static_cast<std::int64_t>(e.areas_a), static_cast<std::int64_t>(e.areas_b),
                      codes[e.core], e.population_a, e.population_b, e.group_a, e.group_b, e.share_a, e.share_b,
                      e.annual_growth});

    const auto name_a = enclave_of(enclaves_a, codes.size());
    const auto name_b = enclave_of(enclaves_b, codes.size());
    ResultTable areas;
    areas.title = "Areas: enclave membership in each year";
    areas.columns = {"area", "status", "enclave_a", "enclave_b", "hot_spot_a", "hot_spot_b",
                     "share_a", "share_b", "change_pp"};
    for (std::size_t i = 0; i < codes.size(); ++i)
        areas.add_row({codes[i], change.area_status[i], name_a[i], name_b[i], hot_a.hot_spot[i], hot_b.hot_spot[i],
                       share_a.share[i], share_b.share[i], 100.0 * (share_b.share[i] - share_a.share[i])});
    return {list, areas};
}

}  // namespace

void add_emerging_command(CLI::App& app) {
    auto o = std::make_shared<EmergingOptions>();
    auto* command = app.add_subcommand(
        "emerging", "Emerging enclaves: a group's enclaves in the later census and not the earlier one (and those "
                    "that persisted or dissolved), with the group's growth in each; tables on the same areas");
    add_input_options(*command, o->input, "A");
    add_second_table_options(*command, o->b, "Later table, on the same geography as A (harmonise A first)", true);
    add_spatial_options(*command, o->spatial);
    add_hot_spot_options(*command, o->hot);
    auto* g = "Enclaves";
    command->add_flag("--lisa", o->enclave.use_lisa, "Use LISA HH clusters instead of Getis-Ord G* hot spots")->group(g);
    command->add_option("--min-areas", o->enclave.min_areas, "Smallest number of areas that makes an enclave")
        ->default_val(2)->check(CLI::Range(1, 100000))->group(g);
    command->add_option("--years", o->years, "Years between the censuses, for annualised growth")
        ->default_val(10.0)->check(CLI::PositiveNumber)->group(g);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        const Table a = load_input(o->input);
        const Table b = load_second_table(o->input, a, o->b);
        const SpatialData d = load_spatial(o->spatial, a);
        const auto results = run(*o, d, b);
        emit_spatial(results, results.back(), d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli

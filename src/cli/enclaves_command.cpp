// `cohesion enclaves`: contiguous runs of significant hot spots of a group's share,
// named and measured (areas, people, share, land area, share of the group in them).
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/hot_spot_options.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "spatial/enclaves.hpp"

namespace cohesion::cli {

namespace {

struct EnclavesOptions {
    InputOptionValues input;
    SpatialOptionValues spatial;
    HotSpotOptionValues hot;
    EnclaveOptions enclave;
    OutputOptionValues output;
};

}  // namespace

void add_enclaves_command(CLI::App& app) {
    auto o = std::make_shared<EnclavesOptions>();
    auto* command = app.add_subcommand(
        "enclaves", "Find enclaves: contiguous significant hot spots of a group's share, with their population, "
                    "share, land area and the share of the group living in them");
    add_input_options(*command, o->input);
    add_spatial_options(*command, o->spatial);
    add_hot_spot_options(*command, o->hot);
    command->add_flag("--lisa", o->enclave.use_lisa, "Use LISA HH clusters instead of Getis-Ord G* hot spots")
        ->group("Enclaves");
    command->add_option("--min-areas", o->enclave.min_areas, "Smallest number of areas that makes an enclave")
        ->default_val(2)->check(CLI::Range(1, 100000))->group("Enclaves");
    add_output_options(*command, o->output);
    command->callback([o, command] {
        SpatialData d = load_spatial(o->spatial, load_input(o->input));
        const GroupShare share = group_share(d.table, o->hot.group);
        const HotSpots h = find_hot_spots(share.share, d.weights, o->hot.options);
        std::vector<double> area(d.table.areas());
        for (std::size_t i = 0; i < area.size(); ++i) area[i] = d.layer.area_km2[d.feature[i]];
        const auto enclaves = find_enclaves(o->hot.group, share.count, share.total, d.table.area_codes(), area,
                                            d.weights, h, o->enclave);

        ResultTable list;
        list.title = fmt::format("{} enclaves of {}", enclaves.size(), o->hot.group);
        list.notes = d.table.history();
        list.notes.insert(list.notes.end(), d.notes.begin(), d.notes.end());
        list.notes.push_back(share.description);
        for (const auto& n : hot_spot_notes(o->hot.options)) list.notes.push_back(n);
        list.notes.push_back(fmt::format("enclave = at least {} neighbouring areas, each a significant {} with a {} "
                                         "share above the town's",
                                         o->enclave.min_areas, o->enclave.use_lisa ? "LISA HH cluster" : "G* hot spot",
                                         o->hot.group));
        list.columns = {"enclave", "areas", "core_area", "population", "group_count", "group_share",
                        "share_of_group_in_town", "area_km2"};
        for (const auto& e : enclaves)
            list.add_row({e.name, static_cast<std::int64_t>(e.members.size()), e.core_area, e.population, e.group_count,
                          e.group_share, e.share_of_group, e.area_km2});

        ResultTable members;
        members.title = "Member areas";
        members.columns = {"area", "enclave", "population", "group", "share"};
        for (const auto& e : enclaves)
            for (std::size_t i : e.members)
                members.add_row({d.table.area_codes()[i], e.name, share.total[i], share.count[i], share.share[i]});
        emit_spatial({list, members}, members, d.layer, o->output, *command);
    });
}

}  // namespace cohesion::cli

// `cohesion local`: per-area statistics (location quotients, local entropy, local
// segregation scores, ...) as one row per area, ready to join to a map.
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "core/error.hpp"
#include "indices/registry.hpp"

namespace cohesion::cli {

namespace {

struct LocalOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::vector<std::string> indices;
};

ResultTable compute(const LocalOptions& o, const Table& table) {
    std::vector<const IndexDefinition*> chosen;
    if (o.indices.empty()) chosen = IndexRegistry::instance().of_kind(IndexKind::local);
    for (const auto& name : o.indices) {
        const auto& d = IndexRegistry::instance().get(name);
        if (d.info.kind != IndexKind::local)
            throw Error(Location{"", 0, "--index"}, "'" + name + "' is not a local index; use `cohesion indices`");
        chosen.push_back(&d);
    }
    if (chosen.empty()) throw Error("no local index is registered");

    const CountMatrix m = multigroup(table);
    const IndexParams params;
    ResultTable out;
    out.title = "Local statistics per area";
    out.notes = table.history();
    out.notes.push_back("view: " + m.description);
    if (m.dropped_units)
        out.notes.push_back(std::to_string(m.dropped_units) +
                            " zero-population areas have empty values (see docs/conventions.md)");
    out.columns = {"area", "population"};
    std::vector<LocalColumns> results;
    for (const auto* d : chosen) {
        results.push_back(d->compute_local(IndexInput{m, params}));
        for (const auto& name : results.back().names)
            out.columns.push_back(results.back().names.size() == 1 ? d->info.name : d->info.name + ":" + name);
    }
    // One row per table area; zero-population areas keep their row with empty cells.
    std::vector<std::ptrdiff_t> unit_of_row(table.areas(), -1);
    for (std::size_t k = 0; k < m.units; ++k) unit_of_row[m.unit_rows[k]] = static_cast<std::ptrdiff_t>(k);
    for (std::size_t i = 0; i < table.areas(); ++i) {
        std::vector<Cell> row{table.area_codes()[i]};
        const auto k = unit_of_row[i];
        row.emplace_back(k >= 0 ? Cell{m.unit_totals[static_cast<std::size_t>(k)]} : Cell{0.0});
        for (const auto& r : results)
            for (const auto& column : r.values)
                row.emplace_back(k >= 0 ? Cell{column[static_cast<std::size_t>(k)]} : Cell{});
        out.add_row(std::move(row));
    }
    return out;
}

}  // namespace

void add_local_command(CLI::App& app) {
    auto o = std::make_shared<LocalOptions>();
    auto* command = app.add_subcommand("local", "Per-area statistics: location quotients, local entropy, "
                                                "local segregation (contribution to M), local divergence");
    add_input_options(*command, o->input);
    command->add_option("--index,-i", o->indices, "Local index name(s) (default: all local indices)")->delimiter(',');
    add_output_options(*command, o->output);
    command->callback([o, command] { emit({compute(*o, load_input(o->input))}, o->output, *command); });
}

}  // namespace cohesion::cli

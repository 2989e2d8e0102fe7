// `cohesion decompose`: M and H split into between- and within-cluster parts for a
// hierarchy level (e.g. OAs within MSOAs), and into each group's contribution.
#include "cli/command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"

namespace cohesion::cli {

namespace {

struct DecomposeOptions {
    InputOptionValues input;
    OutputOptionValues output;
    std::string within;
    bool skip_parts = false;
};

std::vector<ResultTable> run(const DecomposeOptions& o, const Table& table) {
    const CountMatrix m = multigroup(table);
    std::vector<std::string> notes = table.history();
    notes.push_back("view: " + m.description);
    notes.push_back("natural logarithms; H components are M components divided by the overall entropy (as R segregation)");
    if (m.dropped_units) notes.push_back(std::to_string(m.dropped_units) + " zero-population areas left out");
    std::vector<ResultTable> results;

    if (!o.within.empty()) {
        const Level& level = table.level(o.within);
        std::vector<std::string> parent;
        parent.reserve(m.units);
        for (std::size_t row : m.unit_rows) parent.push_back(level.labels[row]);
        const MutualDecomposition d = decompose_within(m, parent);
        ResultTable summary;
        summary.title = "Mutual information M and H, between and within " + o.within;
        summary.notes = notes;
        summary.columns = {"component", "M", "H", "share_of_M"};
        summary.add_row({std::string("total"), d.total_M, d.total_H, 1.0});
        summary.add_row({"between " + o.within, d.between_M, d.between_H, d.between_M / d.total_M});
        summary.add_row({"within " + o.within, d.within_M, d.within_H, d.within_M / d.total_M});
        results.push_back(std::move(summary));
        if (!o.skip_parts) {
            ResultTable parts;
            parts.title = "Within-" + o.within + " segregation by " + o.within + " (largest contribution first)";
            parts.columns = {o.within, "areas", "population_share", "entropy", "M", "H", "contribution_to_M"};
            for (const auto& p : d.parts)
                parts.add_row({p.parent, static_cast<std::int64_t>(p.units), p.population_share, p.entropy, p.M, p.H,
                               p.contribution});
            results.push_back(std::move(parts));
        }
    }

    ResultTable groups;
    groups.title = "Contribution of each group to M";
    if (o.within.empty()) groups.notes = notes;
    groups.columns = {"group", "population_share", "local_segregation", "contribution_to_M", "share_of_M"};
    double M = 0.0;
    const auto contributions = decompose_by_group(m);
    for (const auto& c : contributions) M += c.contribution;
    for (const auto& c : contributions)
        groups.add_row({c.group, c.population_share, c.local_segregation, c.contribution, c.contribution / M});
    results.push_back(std::move(groups));
    return results;
}

}  // namespace

void add_decompose_command(CLI::App& app) {
    auto o = std::make_shared<DecomposeOptions>();
    auto* command = app.add_subcommand(
        "decompose", "Decompose the mutual information index M (and H) between/within a hierarchy level and by group");
    add_input_options(*command, o->input);
    command->add_option("--within", o->within, "Hierarchy level to decompose by, e.g. MSOA or LAD")->group("Decomposition");
    command->add_flag("--no-parts", o->skip_parts, "Do not list the within-component of every cluster")
        ->group("Decomposition");
    add_output_options(*command, o->output);
    command->callback([o, command] { emit(run(*o, load_input(o->input)), o->output, *command); });
}

}  // namespace cohesion::cli

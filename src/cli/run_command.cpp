// `cohesion run PROJECT`: a whole study from one project file (docs/project.md). Each
// analysis is run as the same in-process command a user would type, so the project's
// outputs are exactly the CLI's; the steps, their files and timings are listed in
// run.json in the output folder.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "cli/project_check.hpp"
#include "cli/staged_output_folder.hpp"
#include "core/error.hpp"
#include "project/project_file.hpp"
#include "output/atomic_file.hpp"
#include "output/result_table.hpp"

namespace cohesion::cli {

namespace {

namespace fs = std::filesystem;

struct Step {
    std::string label;
    std::vector<std::string> args;  // after `cohesion`
};

std::vector<std::string> table_args(const ProjectTable& t, const std::string& suffix = "") {
    std::vector<std::string> a;
    auto opt = [&](const std::string& name, const std::string& value) {
        if (!value.empty()) a.insert(a.end(), {name + suffix, value});
    };
    opt("--layout", t.layout);
    for (const auto& w : t.where) opt("--where", w);
    for (const auto& m : t.merge) opt("--merge", m);
    opt("--scheme", t.scheme);
    std::string groups;
    for (const auto& g : t.groups) groups += (groups.empty() ? "" : ",") + g;
    opt("--groups", groups);
    if (suffix.empty()) {  // options the second table of a pair does not have
        opt("--aggregate", t.aggregate);
        opt("--residual", t.residual);
        opt("--percent-of", t.percent_of);
        opt("--levels-from", t.levels_from);
    }
    return a;
}

std::vector<Step> plan(const Project& p) {
    const std::string out = p.output;
    auto file = [&](const std::string& name) { return (fs::path(out) / name).string(); };
    const auto table = table_args(p.table);
    auto with_table = [&](std::vector<std::string> head, std::vector<std::string> tail) {
        head.push_back(p.table.path);
        head.insert(head.end(), table.begin(), table.end());
        head.insert(head.end(), tail.begin(), tail.end());
        return head;
    };
    std::vector<std::string> bounds;
    if (!p.boundaries.empty()) {
        bounds = {"--boundaries", p.boundaries};
        if (!p.code_field.empty()) bounds.insert(bounds.end(), {"--code-field", p.code_field});
    }
    const std::string bootstrap = std::to_string(p.bootstrap), permutations = std::to_string(p.permutations),
                      seed = std::to_string(p.seed);
    // The enclave rule and the place names, the same for `enclaves` and the report.
    std::vector<std::string> enclave_rule{"--min-lq", fmt::format("{:g}", p.min_lq)};
    if (!p.places.empty()) enclave_rule.insert(enclave_rule.end(), {"--places", p.places});
    std::vector<Step> steps;
    steps.push_back({"table summary", with_table({"info"}, {"--output", file("info.json")})});
    if (p.indices)
        steps.push_back({"segregation indices with bootstrap intervals",
                         with_table({"indices"}, {"--no-simulated", "--bootstrap", bootstrap, "--seed", seed, "--output",
                                                  file("indices.csv")})});
    if (p.local) steps.push_back({"local statistics", with_table({"local"}, {"--output", file("local.csv")})});
    if (!p.typology_host.empty())
        steps.push_back({"neighbourhood typology",
                         with_table({"typology"}, {"--host", p.typology_host, "--output", file("typology.csv")})});
    for (const auto& g : p.hotspots) {
        auto tail = bounds;
        tail.insert(tail.end(), {"--group", g, "--permutations", permutations, "--seed", seed, "--output",
                                 file("hotspots_" + g + ".gpkg")});
        steps.push_back({"hot spots of " + g, with_table({"hotspots"}, tail)});
    }
    for (const auto& g : p.enclaves) {
        auto tail = bounds;
        tail.insert(tail.end(), {"--group", g, "--permutations", permutations, "--seed", seed, "--output",
                                 file("enclaves_" + g + ".geojson")});
        tail.insert(tail.end(), enclave_rule.begin(), enclave_rule.end());
        steps.push_back({"enclaves of " + g, with_table({"enclaves"}, tail)});
    }
    if (p.change) {
        const auto& c = *p.change;
        const std::string harmonised = file("change_earlier_on_later.csv");
        std::vector<std::string> h{"harmonise", c.earlier.path};
        const auto ea = table_args(c.earlier);
        h.insert(h.end(), ea.begin(), ea.end());
        h.insert(h.end(), {"--lookup", c.lookup, "--from-column", c.from_column, "--to-column", c.to_column});
        if (!c.change_column.empty()) h.insert(h.end(), {"--change-column", c.change_column});
        if (!c.weights_table.empty()) h.insert(h.end(), {"--weights-table", c.weights_table});
        h.insert(h.end(), {"--output", harmonised});
        steps.push_back({"earlier census onto the later geography", h});
        auto pair = [&](const std::string& command) {
            std::vector<std::string> a{command, harmonised, c.later.path};
            const auto lb = table_args(c.later, "-b");
            a.insert(a.end(), lb.begin(), lb.end());
            return a;
        };
        auto change = pair("change");
        change.insert(change.end(), {"--years", fmt::format("{:g}", c.years), "--output", file("change.json")});
        steps.push_back({"pace of change and why segregation changed", change});
        if (!c.boundaries.empty()) {
            auto map = pair("change");
            map.insert(map.end(), {"--boundaries", c.boundaries, "--output", file("change.geojson")});
            steps.push_back({"change map", map});
        }
        auto compare = pair("compare");
        compare.insert(compare.end(), {"--index", "mutual_information,information_theory", "--bootstrap", bootstrap,
                                       "--seed", seed, "--output", file("segregation_change.json")});
        steps.push_back({"is segregation rising (bootstrap)", compare});
        for (const auto& g : c.emerging) {
            auto e = pair("emerging");
            e.insert(e.end(), {"--boundaries", c.boundaries, "--group", g, "--permutations", permutations, "--seed",
                               seed, "--output", file("emerging_" + g + ".geojson")});
            steps.push_back({"emerging enclaves of " + g, e});
        }
    }
    if (p.targeting) {
        const auto& t = *p.targeting;
        std::vector<std::string> census{"--census", t.census};
        if (!t.where.empty()) census.insert(census.end(), {"--where", t.where});
        auto target = [&](const std::string& what, bool aggregated) {
            std::vector<std::string> a{"target", what};
            a.insert(a.end(), census.begin(), census.end());
            if (aggregated && !t.aggregate.empty()) a.insert(a.end(), {"--aggregate", t.aggregate});
            if (aggregated && !t.boundaries.empty()) a.insert(a.end(), {"--boundaries", t.boundaries});
            return a;
        };
        auto esol = target("esol", false);
        esol.insert(esol.end(), {"--output", file("esol_need.json")});
        steps.push_back({"ESOL need and isolation risk", esol});
        if (!t.boundaries.empty()) {
            auto map = target("esol", true);
            map.insert(map.end(), {"--output", file("esol_need.geojson")});
            steps.push_back({"ESOL need map", map});
        }
        if (!t.boundaries.empty()) {
            auto hubs = target("hubs", true);
            hubs.insert(hubs.end(), {"--model", t.model, "-p", std::to_string(t.hubs), "--distance",
                                     fmt::format("{:g}", t.distance), "--output", file("hubs.json"), "--output",
                                     file("hubs.geojson")});
            steps.push_back({"integration hub siting", hubs});
        }
        auto lic = target("licensing", true);
        lic.insert(lic.end(), {"--output", file("licensing.json")});
        if (!t.boundaries.empty()) lic.insert(lic.end(), {"--output", file("licensing.gpkg")});
        steps.push_back({"selective licensing screen", lic});
    }
    if (p.report) {
        auto tail = bounds;
        tail.insert(tail.end(), {"--html", file("report.html"), "--bootstrap", bootstrap, "--permutations", permutations,
                                 "--seed", seed, "--areas-csv", file("areas.csv")});
        if (p.pdf) tail.insert(tail.end(), {"--pdf", file("report.pdf")});
        if (!p.name.empty()) tail.insert(tail.end(), {"--town", p.name});
        if (!p.boundaries.empty()) tail.insert(tail.end(), enclave_rule.begin(), enclave_rule.end());
        if (!p.reference.empty()) tail.insert(tail.end(), {"--reference", p.reference, "--reference-name", p.reference_name});
        if (!p.typology_host.empty()) tail.insert(tail.end(), {"--host", p.typology_host});
        if (p.change) {
            if (!p.change->boundaries.empty())
                tail.insert(tail.end(), {"--section-map", "Change over time=" + file("change.geojson") + ":pace"});
            tail.insert(tail.end(), {"--section", "Change over time=" + file("change.json"), "--section",
                                     "Is segregation rising?=" + file("segregation_change.json")});
        }
        if (p.targeting) {
            const bool maps = !p.targeting->boundaries.empty();
            const std::string esol = "Targeting: ESOL need and isolation risk", hubs = "Targeting: integration hubs",
                              lic = "Targeting: selective licensing screen";
            if (maps)
                tail.insert(tail.end(), {"--section-map", esol + "=" + file("esol_need.geojson") + ":score",
                                         "--section-map", hubs + "=" + file("hubs.geojson") + ":site",
                                         "--section-map", lic + "=" + file("licensing.gpkg") + ":zone", "--hub-distance",
                                         fmt::format("{:g}", p.targeting->distance)});
            tail.insert(tail.end(), {"--section", esol + "=" + file("esol_need.json")});
            if (maps) tail.insert(tail.end(), {"--section", hubs + "=" + file("hubs.json")});
            tail.insert(tail.end(), {"--section", lic + "=" + file("licensing.json")});
        }
        steps.push_back({"report", with_table({"report"}, tail)});
    }
    return steps;
}

// The step as a line a POSIX shell runs as is: arguments with spaces or shell characters quoted.
std::string shell_command(const std::vector<std::string>& args) {
    std::string line = "cohesion";
    for (const auto& a : args) {
        const bool plain = !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789-_./=:,@+%") == std::string::npos;
        line += " ";
        if (plain) {
            line += a;
        } else {
            line += "'";
            for (char c : a) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
            line += "'";
        }
    }
    return line;
}

void run_step(const Step& s) {
    CLI::App app{"cohesion"};
    add_all_commands(app);
    std::vector<std::string> reversed(s.args.rbegin(), s.args.rend());  // CLI11 parses a reversed vector
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        throw Error(fmt::format("step '{}': {} ({})", s.label, e.what(), shell_command(s.args)));
    } catch (const Error& e) {
        throw Error(fmt::format("step '{}' failed: {}", s.label, e.what()));
    }
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto output = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto* command = app.add_subcommand(
        "run", "Run a whole study from a project file (TOML; see docs/project.md): every analysis, its CSV/JSON/"
               "GeoPackage outputs and the HTML/PDF report, into the project's output folder");
    command->add_option("PROJECT", *path, "Project file, e.g. data/bedford/bedford.toml")->required();
    command->add_flag("--dry-run", *dry,
                      "Check the project (tables parse, groups exist, boundaries read, model names) and list the "
                      "steps as cohesion commands, without running them");
    command->add_option("--output,-o", *output,
                        "Output folder (default: the project's project.output); built beside it as "
                        "FOLDER.staging-PID and swapped in whole when every step succeeded");
    command->add_flag("--quiet,-q", *quiet,
                      "Do not repeat each step's notes (inputs, unit totals, warnings) on standard error; they are "
                      "in the outputs");
    command->callback([path, dry, output, quiet] {
        Project p = load_project(*path);
        if (!output->empty()) p.output = *output;
        // Everything a step will read is checked first, so a typo stops the run before
        // any output exists (and a dry run says so).
        check_project(p);
        const auto steps = plan(p);
        if (*dry) {
            for (const auto& s : steps) std::cout << shell_command(s.args) << "\n";
            return;
        }
        // The steps write into a staging folder swapped in whole at the end; the log and
        // messages show the commands as they would be typed for the final folder.
        StagedOutputFolder staged(p.output);
        Project staged_project = p;
        staged_project.output = staged.path();
        const auto staged_steps = plan(staged_project);
        ResultTable log;
        log.title = "cohesion run " + *path;
        log.columns = {"step", "seconds", "command"};
        ProgressBar progress("run", steps.size());
        try {
            for (std::size_t k = 0; k < steps.size(); ++k) {
                const auto start = std::chrono::steady_clock::now();
                std::cerr << "==> " << steps[k].label << "\n";
                Step step = staged_steps[k];
                // Steps that write --output files repeat their notes on stderr unless told not to.
                if (*quiet && std::find(step.args.begin(), step.args.end(), "--output") != step.args.end())
                    step.args.push_back("--quiet");
                staged.name_final_folder_in_text_outputs();
                run_step(step);
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                log.add_row({steps[k].label, seconds, shell_command(steps[k].args)});
                progress.advance();
            }
            staged.name_final_folder_in_text_outputs();
            write_file_atomically((fs::path(staged.path()) / "run.json").string(), render_json(log));
        } catch (const std::exception& e) {
            std::error_code ec;
            const std::string before = fs::exists(p.output, ec)
                                           ? "the previous outputs in " + p.output + " are untouched"
                                           : "nothing was written to " + p.output;
            throw Error(fmt::format("{}\n  {}; this run's partial outputs are in {}", e.what(), before, staged.path()));
        }
        staged.commit();
        std::cout << fmt::format("{} steps done; outputs in {}\n", steps.size(), p.output);
    });
}

}  // namespace cohesion::cli

// `cohesion run PROJECT`: a whole study from one project file (docs/project.md). The
// project becomes the library's StudySpec; a Study reads every input once; each step of
// the study plan is a library call whose results are written with the single command's
// own writers, so the outputs are exactly the CLI's (a test runs the `--dry-run`
// commands and compares). The steps, their files, times and equivalent commands, and the
// inputs read with their checksums, are listed in run.json in the output folder.
#include <fmt/format.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/invocation.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/project_source.hpp"
#include "cli/project_check.hpp"
#include "cli/staged_output_folder.hpp"
#include "core/error.hpp"
#include "project/project_errors.hpp"
#include "project/project_file.hpp"
#include "project/study_from_project.hpp"
#include "report/html_report.hpp"
#include "report/pdf_report.hpp"
#include "report/study_report.hpp"
#include "study/study.hpp"
#include "study/run_study.hpp"
#include "study/study_plan.hpp"
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
    if (!p.scenarios.empty()) {
        const auto& m = p.simulation;
        std::vector<std::string> a{"simulate", "--town", m.town, "--data", m.data};
        if (!m.parameters.empty()) a.insert(a.end(), {"--parameters", m.parameters});
        a.insert(a.end(), {"--scenarios", p.file, "--replicates", std::to_string(m.replicates), "--years",
                           std::to_string(m.years), "--seed", std::to_string(m.seed), "--output", file("what_if.json")});
        steps.push_back({"what if: scenarios against the baseline", a});
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
        if (!p.scenarios.empty()) tail.insert(tail.end(), {"--section", "What if=" + file("what_if.json")});
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

// The files a step writes, from its --output arguments.
std::vector<std::string> outputs_of(const Step& s) {
    std::vector<std::string> files;
    for (std::size_t k = 0; k + 1 < s.args.size(); ++k)
        if (s.args[k] == "--output" || s.args[k] == "--html" || s.args[k] == "--pdf" || s.args[k] == "--areas-csv")
            files.push_back(fs::path(s.args[k + 1]).filename().string());
    return files;
}

// The equivalent commands of a study step: those writing any of its files.
std::string equivalent_commands(const std::vector<Step>& commands, const std::vector<std::string>& files) {
    std::string text;
    for (const auto& c : commands) {
        bool match = false;
        for (const auto& f : outputs_of(c)) match = match || std::find(files.begin(), files.end(), f) != files.end();
        if (match) text += (text.empty() ? "" : " && ") + shell_command(c.args);
    }
    return text;
}

// Writes one step's results into the output folder with the writers the single command
// uses (so `run` and the command it stands for write the same files).
void write_step(const StudyStep& step, const StudyOutput& out, const std::string& folder, bool quiet) {
    OutputOptionValues values;
    CLI::App writer{"", step.command};
    add_output_options(writer, values);
    for (const auto& f : step.files) values.outputs.push_back((fs::path(folder) / f).string());
    values.quiet = quiet;
    if (out.layer) emit_spatial(out.tables, out.tables.back(), *out.layer, values, writer);
    else emit(out.tables, values, writer);
}

// A library error in the project file's terms: the study names the part (a section and
// key, "table.where"), which project_error names as the file's key with its line.
[[noreturn]] void throw_project_error(const Project& p, const Error& e) { throw project_error(p, e); }

}  // namespace

void add_run_command(CLI::App& app) {
    auto dry = std::make_shared<bool>(false);
    auto output = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto* command = app.add_subcommand(
        "run", "Run a whole study from a project file (TOML; see docs/project.md): every analysis, its CSV/JSON/"
               "GeoPackage outputs and the HTML/PDF report, into the project's output folder");
    auto source = std::make_shared<ProjectSourceValues>();
    add_project_source_options(*command, *source,
                               "Study any local authority of England and Wales from the national tables instead of a "
                               "project file: its name or code, any case (e.g. --town luton); outputs in out/NAME "
                               "unless --output");
    command->add_flag("--dry-run", *dry,
                      "Check the project (tables parse, groups exist, boundaries read, model names) and list the "
                      "steps as cohesion commands, without running them");
    command->add_option("--output,-o", *output,
                        "Output folder (default: the project's project.output); built beside it as "
                        "FOLDER.staging-PID and swapped in whole when every step succeeded");
    command->add_flag("--quiet,-q", *quiet,
                      "Do not print progress or repeat each step's notes (inputs, unit totals, warnings) on standard "
                      "error; the notes are in the outputs");
    command->callback([dry, output, quiet, source] {
        if (*quiet) set_progress_quiet(true);
        StudyFiles files;  // `--town` parses the national table once, to find the town and for the study
        Project p = load_project_source(*source, &files.tables);
        if (!output->empty()) p.output = *output;
        check_output_folder(p);
        const auto commands = plan(p);
        const StudySpec spec = study_spec(p);
        // Every input is read (once) and checked before anything is computed, so a typo
        // stops the run before any output exists (and a dry run says so).
        const auto started = std::chrono::steady_clock::now();
        std::optional<Study> study;
        try {
            study.emplace(spec, [quiet](const std::string& what) { if (!*quiet) std::cerr << "==> " + what + "\n"; }, &files);
        } catch (const Error& e) {
            throw_project_error(p, e);
        }
        if (*dry) {
            for (const auto& c : commands) std::cout << shell_command(c.args) << "\n";
            return;
        }
        const auto steps = study_plan(spec);
        StagedOutputFolder staged(p.output);
        ResultTable log;
        log.title = "cohesion run " + (source->town.empty() ? source->project : "--town " + p.name);
        log.columns = {"step", "seconds", "files", "command"};
        const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        log.add_row({std::string("read the inputs"), read_seconds, std::string(""), std::string("")});
        ProgressBar progress("run", steps.size() + (p.report ? 1 : 0));
        std::string (*joined)(const std::vector<std::string>&) = [](const std::vector<std::string>& files) {
            std::string text;
            for (const auto& f : files) text += (text.empty() ? "" : " ") + f;
            return text;
        };
        try {
            // The steps run side by side (each only reads the study) and are written as each
            // ends; the report starts as soon as the steps it shows have ended (the index step,
            // the longest, is not among them) and is built beside the steps still running.
            std::vector<StudyOutput> outputs(steps.size());
            std::vector<double> step_seconds(steps.size(), 0.0);
            StudyRunCallbacks callbacks;
            callbacks.started = [&steps, quiet](std::size_t i) {
                if (!*quiet) std::cerr << ("==> " + steps[i].label + "\n");
            };
            // A step's long loops (bootstrap and randomisation replicates, permutations) count on
            // stderr, one line every few seconds when it is not a terminal (--quiet: none).
            std::vector<std::unique_ptr<ProgressBar>> step_progress(steps.size());
            callbacks.progress = [&steps, &step_progress](std::size_t i, std::size_t, std::size_t total) {
                if (!step_progress[i]) step_progress[i] = std::make_unique<ProgressBar>(steps[i].label + ": " + steps[i].counted, total);
                step_progress[i]->advance();
            };
            callbacks.finished = [&](std::size_t i, StudyOutput&& out, double compute_seconds) {
                step_progress[i].reset();
                outputs[i] = std::move(out);
                step_seconds[i] = compute_seconds;
                progress.advance();
            };
            // Each step's files are written by a task of their own once it is handed over, not
            // in the hand-over: writing map layers is a good part of a run, and written in turn
            // there it held back the report (which reads the results, not the files).
            for (std::size_t i = 0; i < steps.size(); ++i)
                callbacks.then.push_back({[i](std::size_t j) { return j == i; }, [&, i](std::stop_token) {
                    const auto start = std::chrono::steady_clock::now();
                    try {
                        write_step(steps[i], outputs[i], staged.path(), *quiet);
                    } catch (const std::exception& e) {
                        throw Error(fmt::format("step '{}' failed: {}", steps[i].label, e.what()));
                    }
                    step_seconds[i] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                }});
            std::vector<std::string> report_files{"report.html", "areas.csv"};
            if (p.pdf) report_files.push_back("report.pdf");
            double report_seconds = 0.0;
            // The report's own profile (ranking bootstrap, randomisation, permutations) counts its stages.
            std::optional<ProgressBar> stages;
            if (p.report) {
                stages.emplace("report: composition, indices, per-area values, hot spots", 4);
                callbacks.then.push_back({[&steps](std::size_t i) { return study_report_reads(steps[i]); },
                                          [&](std::stop_token) {
                    const auto start = std::chrono::steady_clock::now();
                    if (!*quiet) std::cerr << "==> report\n";
                    try {
                        StudyReportRequest request;
                        request.command = invocation();
                        request.version = COHESION_VERSION;
                        request.generated = utc_timestamp();
                        request.profile.step = [&stages](const std::string&) { stages->advance(); };
                        // Reads only the outputs of the steps it shows, which have ended; the
                        // others' slots may still be filled meanwhile.
                        const StudyReport report = study_report(*study, steps, outputs, request);
                        const fs::path folder = staged.path();
                        std::string html, pdf;
                        tbb::parallel_invoke([&] { html = render_html(report.document); },
                                             [&] {
                                                 if (p.pdf) pdf = render_pdf(report.document);
                                             });
                        write_file_atomically((folder / "report.html").string(), html);
                        if (p.pdf) write_file_atomically((folder / "report.pdf").string(), pdf);
                        write_file_atomically((folder / "areas.csv").string(), render_csv(report.profile.areas));
                    } catch (const std::exception& e) {
                        throw Error(fmt::format("step 'report' failed: {}", e.what()));
                    }
                    report_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                }});
            }
            run_study_steps(*study, steps, callbacks);
            for (std::size_t i = 0; i < steps.size(); ++i)
                log.add_row({steps[i].label, step_seconds[i], joined(steps[i].files),
                             equivalent_commands(commands, steps[i].files)});
            if (p.report) {
                log.add_row({std::string("report"), report_seconds, joined(report_files),
                             equivalent_commands(commands, report_files)});
                progress.advance();
            }
            log.notes.push_back("the steps ran side by side, and the report beside the steps it does not show: a "
                                "step's seconds are its own compute and write time, and the times overlap");
            // The inputs with their checksums, and how many tables and layers were read: each input once.
            log.notes.push_back(fmt::format("read {} tables and {} polygon layers", study->tables_read(),
                                            study->layers_read()));
            for (const auto& f : study->inputs())
                log.notes.push_back(fmt::format("input {}: {} (sha256 {})", f.role, f.path, f.sha256));
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
        std::cout << fmt::format("{} steps done; outputs in {}\n", steps.size() + (p.report ? 1 : 0), p.output);
    });
}

}  // namespace cohesion::cli

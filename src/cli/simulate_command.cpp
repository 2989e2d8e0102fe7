// `cohesion simulate`: the residential-mobility model on a town's real areas — scenario runs
// against the baseline (default), calibration on the 2011 -> 2021 backcast, or validation
// against the naive baselines.
#include <tbb/global_control.h>

#include <fstream>
#include <optional>
#include <iostream>

#include "cli/batch_runner.hpp"
#include "cli/command.hpp"
#include "cli/output_options.hpp"
#include "cli/town_options.hpp"
#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "project/scenario_file.hpp"
#include "simulation/calibration.hpp"
#include "simulation/parameters_json.hpp"
#include "simulation/simulation_tables.hpp"
#include "simulation/sweep.hpp"
#include "study/what_if.hpp"

namespace cohesion::cli {

namespace {

struct SimulateOptions {
    TownOptionValues town;
    OutputOptionValues output;
    int years = 10;
    int from = 2021;
    std::size_t replicates = 100;
    std::uint64_t seed = 20210321;
    std::string scenarios, scenario;
    bool calibrate = false, validate = false, sweep = false;
    std::vector<std::string> towns;
    int threads = 0;
    std::string save_parameters;
    std::size_t calibration_replicates = 6;
    std::size_t top = 10;
    MovingRates rates;
    double arrivals_near_group = 0.5;
};

SimulationSetup setup_for(const SimulateOptions& o, const Town& town, bool from_later, int years) {
    SimulationSetup s = make_setup(town, from_later, years);
    s.rates = o.rates;
    s.arrivals_near_group = o.arrivals_near_group;
    return s;
}

std::vector<double> later_counts(const Town& town) {
    std::vector<double> c(town.areas() * town.groups.size());
    for (std::size_t g = 0; g < town.groups.size(); ++g)
        for (std::size_t i = 0; i < town.areas(); ++i) c[g * town.areas() + i] = town.later.count(i, g);
    return c;
}

// --sweep: scenarios × replicates × towns as independent work units, over MPI ranks under
// mpirun (cli/batch_runner.hpp), else on threads; identical either way. Returns no tables on
// ranks other than 0 (they only compute).
std::vector<ResultTable> run_sweep_command(const SimulateOptions& o) {
    std::vector<std::string> names = o.towns.empty() ? std::vector<std::string>{o.town.town} : o.towns;
    std::vector<SweepTown> towns;
    std::vector<std::string> notes;
    for (const auto& name : names) {
        TownOptionValues v = o.town;
        v.town = name;
        const Town town = load_town_from(v);
        const bool from_later = o.from == town.later_year;
        if (!from_later && o.from != town.earlier_year)
            throw Error(fmt::format("--from must be {} or {} (a census year)", town.earlier_year, town.later_year));
        std::vector<std::string> town_notes;
        SweepTown t{town.name, setup_for(o, town, from_later, o.years), parameters_for(v, town, town_notes)};
        for (const auto& n : town_notes) notes.push_back(town.name + ": " + n);
        towns.push_back(std::move(t));
    }
    std::vector<ScenarioSpec> scenarios;
    if (!o.scenarios.empty()) scenarios = load_scenarios(o.scenarios);
    const SweepPlan plan = plan_sweep(towns, scenarios, o.replicates, o.seed);
    const auto progress = progress_reporter("sweep");
    BatchJob job;
    job.units = plan.units.size();
    job.order = plan.largest_first();
    job.compute = [&](std::size_t k) { return encode_run(run_sweep_unit(plan, k)); };
    job.kill_variable = "COHESION_SIMULATE_KILL_RANK";
    job.progress = progress;
    BatchRun batch = run_batch(job);
    if (!batch.writes) return {};
    std::vector<ScenarioComparison> comparisons;
    if (!batch.distributed) {
        comparisons = run_sweep(plan, 0.90, progress);
    } else {
        std::vector<RunResult> runs;
        runs.reserve(batch.results.size());
        for (const auto& bytes : batch.results) runs.push_back(decode_run(bytes));
        comparisons = sweep_comparisons(plan, std::move(runs));
    }
    std::string per_rank;
    for (std::size_t r = 0; r < batch.units_per_rank.size(); ++r)
        per_rank += fmt::format("{}rank {}: {}", r ? ", " : " (", r, batch.units_per_rank[r]);
    if (!per_rank.empty()) per_rank += fmt::format("; {} bytes gathered)", batch.gathered_bytes);
    const auto plural = [](std::size_t n, const char* what) { return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s"); };
    std::cerr << fmt::format("sweep: {} ({} × {} × {}) on {} process{}{}\n", plural(plan.units.size(), "work unit"),
                             plural(plan.towns.size(), "town"), plural(scenarios.size() + 1, "scenario"),
                             plural(plan.replicates, "replicate"), batch.ranks, batch.ranks == 1 ? "" : "es", per_rank);
    ResultTable t = sweep_table(comparisons, plan.towns);
    t.notes.insert(t.notes.end(), notes.begin(), notes.end());
    return {t};
}

std::vector<ResultTable> run(const SimulateOptions& o) {
    if (o.sweep) return run_sweep_command(o);
    const Town town = load_town_from(o.town);
    if (o.calibrate) {
        CalibrationOptions options;
        options.replicates = o.calibration_replicates;
        options.seed = o.seed;
        options.progress = progress_reporter("calibrating");
        const CalibrationResult r = calibrate(setup_for(o, town, false, town.later_year - town.earlier_year),
                                              later_counts(town), options);
        if (!o.save_parameters.empty())
            write_file_atomically(o.save_parameters, calibration_json(r, town.groups, town.name));
        auto tables = calibration_tables(r, town.name);
        tables.front().notes.insert(tables.front().notes.end(), town.notes.begin(), town.notes.end());
        return tables;
    }
    std::vector<std::string> notes;
    const ModelParameters params = parameters_for(o.town, town, notes);
    if (o.validate) {
        ResultTable t = validation_table(validate_town(town, params, o.replicates, o.seed, town.name == "Bedford"));
        t.notes.insert(t.notes.end(), notes.begin(), notes.end());
        return {t};
    }
    std::vector<ScenarioSpec> scenarios;
    if (!o.scenarios.empty()) scenarios = load_scenarios(o.scenarios);
    if (!o.scenario.empty() && o.scenarios.empty()) throw Error("--scenario needs --scenarios FILE (where it is declared)");
    const bool from_later = o.from == town.later_year;
    if (!from_later && o.from != town.earlier_year)
        throw Error(fmt::format("--from must be {} or {} (a census year)", town.earlier_year, town.later_year));
    WhatIfRequest r;
    r.years = o.years;
    r.from_later = from_later;
    r.replicates = o.replicates;
    r.seed = o.seed;
    r.rates = o.rates;
    r.arrivals_near_group = o.arrivals_near_group;
    r.top = o.top;
    r.progress = progress_reporter("simulating scenarios (runs)");
    return what_if_tables(run_what_if(town, params, scenarios, r, notes, o.scenario), o.top);
}

}  // namespace

void add_simulate_command(CLI::App& app) {
    auto o = std::make_shared<SimulateOptions>();
    auto* command = app.add_subcommand(
        "simulate", "Residential-mobility model on a town's real areas: households move each year into vacancies chosen "
                    "by a logit on the group's neighbourhood location quotient, tenure and distance; compare [[scenario]] levers with the "
                    "baseline, --calibrate on the 2011 -> 2021 backcast, or --validate against naive baselines; "
                    "--sweep runs scenarios x replicates x towns, over MPI ranks under mpirun "
                    "(docs/simulation.md says what it must not be used for)");
    add_town_options(*command, o->town);
    const auto* g = "Simulation";
    command->add_option("--years", o->years, "Years to simulate")->check(CLI::Range(1, 50))->capture_default_str()->group(g);
    command->add_option("--from", o->from, "Census to start from: 2021 (projection) or 2011 (backcast)")
        ->capture_default_str()->group(g);
    command->add_option("--replicates", o->replicates, "Seeded replicate runs per scenario")
        ->check(CLI::Range(1, 100000))->capture_default_str()->group(g);
    command->add_option("--seed", o->seed, "Random seed (replicate r uses (seed, r) only)")->capture_default_str()->group(g);
    command->add_option("--scenarios", o->scenarios, "TOML file with [[scenario]] blocks (e.g. the project file)")
        ->check(CLI::ExistingFile)->group(g);
    command->add_option("--scenario", o->scenario, "Only this scenario (its name) against the baseline")->group(g);
    command->add_option("--top", o->top, "Areas listed per scenario among those that change most")
        ->capture_default_str()->group(g);
    command->add_option("--rate-owner", o->rates.owner, "Yearly moving probability, owner occupiers")
        ->check(CLI::Range(0.0, 1.0))->capture_default_str()->group(g);
    command->add_option("--rate-social", o->rates.social, "Yearly moving probability, social renters")
        ->check(CLI::Range(0.0, 1.0))->capture_default_str()->group(g);
    command->add_option("--rate-private", o->rates.private_rented, "Yearly moving probability, private renters")
        ->check(CLI::Range(0.0, 1.0))->capture_default_str()->group(g);
    command->add_option("--arrivals-near-group", o->arrivals_near_group,
                        "Share of new households that form near their group's existing households")
        ->check(CLI::Range(0.0, 1.0))->capture_default_str()->group(g);
    const auto* m = "Mode";
    auto* cal = command->add_flag("--calibrate", o->calibrate,
                                  "Fit the preferences to the town's 2011 -> 2021 change (simulated method of moments)")
                    ->group(m);
    command->add_option("--save-parameters", o->save_parameters, "With --calibrate: write the parameters as JSON")
        ->needs(cal)->group(m);
    command->add_option("--calibration-replicates", o->calibration_replicates, "With --calibrate: runs per parameter set")
        ->check(CLI::Range(1, 1000))->capture_default_str()->group(m);
    auto* val = command->add_flag("--validate", o->validate,
                      "Backcast 2011 -> 2021 and compare with the census and the naive baselines")->excludes(cal)->group(m);
    auto* sweep = command->add_flag("--sweep", o->sweep,
                                    "Run scenarios x replicates x towns as independent work units: under mpirun (MPI build) "
                                    "spread over the ranks with dynamic load balancing, else on threads; identical results "
                                    "for any number of processes; one table of index trajectories by town and scenario")
                      ->excludes(cal)->excludes(val)->group(m);
    command->add_option("--towns", o->towns, "With --sweep: the towns (comma-separated; default: --town)")
        ->delimiter(',')->needs(sweep)->group(m);
    command->add_option("--threads", o->threads,
                        "Threads per process (0 = every core); under mpirun, e.g. 1 thread per rank")
        ->check(CLI::Range(0, 1024))->capture_default_str()->group(m);
    add_output_options(*command, o->output);
    command->callback([o, command] {
        std::optional<tbb::global_control> limit;
        if (o->threads > 0)
            limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(o->threads));
        auto tables = run(*o);
        if (!tables.empty()) emit(tables, o->output, *command);  // empty: an MPI rank other than 0
    });
}

}  // namespace cohesion::cli

// The jobs of the reference runners (../shared/anchors/pyseg.py and rseg.R), computed by
// libcohesion and timed the same way — the library call only, table loading excluded — so
// bench/compare_anchors can put the two side by side. Prints JSON: job -> {value(s), seconds}
// where seconds is the minimum over --repeat calls.
//   bench_anchor_jobs --csv FILE --group Pakistani [--where LAD=Birmingham] [--repeat 3]
//                     [--only a,b] [--bootstrap 100] [--within LAD]
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "analysis/index_tables.hpp"
#include "core/table.hpp"
#include "core/table_operations.hpp"
#include "indices/decomposition/mutual_decomposition.hpp"
#include "indices/registry.hpp"
#include "inference/bootstrap.hpp"
#include "io/wide_csv_loader.hpp"

using namespace cohesion;

namespace {

struct Args {
    std::string csv, group = "Pakistani", where, within = "LAD", only;
    int repeat = 3, bootstrap = 100;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--csv") a.csv = v;
        else if (k == "--group") a.group = v;
        else if (k == "--where") a.where = v;
        else if (k == "--within") a.within = v;
        else if (k == "--only") a.only = v;
        else if (k == "--repeat") a.repeat = std::stoi(v);
        else if (k == "--bootstrap") a.bootstrap = std::stoi(v);
        else throw std::runtime_error("unknown option " + k);
    }
    if (a.csv.empty()) throw std::runtime_error("--csv is required");
    return a;
}

double seconds_of(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) try {
    const Args a = parse(argc, argv);
    std::set<std::string> only;
    {
        std::stringstream ss(a.only);
        for (std::string s; std::getline(ss, s, ',');)
            if (!s.empty()) only.insert(s);
    }
    nlohmann::json out, results;
    Table table;
    out["load_seconds"] = seconds_of([&] {
        table = load_wide_csv(a.csv);
        if (!a.where.empty()) table = filter_areas(table, a.where);
    });
    const CountMatrix two = two_group_vs_rest(table, a.group);
    const CountMatrix all = multigroup(table);
    auto run = [&](const std::string& job, const std::function<nlohmann::json()>& f) {
        if (!only.empty() && !only.count(job)) return;
        nlohmann::json value;
        double best = 1e300;
        for (int r = 0; r < a.repeat; ++r) best = std::min(best, seconds_of([&] { value = f(); }));
        results[job] = {{"value", value}, {"seconds", best}, {"calls", a.repeat}};
        std::fprintf(stderr, "  %-40s %.6f s\n", job.c_str(), best);
    };
    const IndexParams params;
    // pysal class name -> registry index (found by library_name), plus the simulated variants.
    for (const char* name : {"Dissim", "Gini", "Entropy", "Atkinson", "Isolation", "Interaction", "CorrelationR",
                             "ConProf", "ModifiedDissim", "BiasCorrectedDissim", "ModifiedGini",
                             "DensityCorrectedDissim", "MultiDissim", "MultiGini", "MultiNormExposure",
                             "MultiInfoTheory", "MultiRelativeDiversity", "MultiSquaredCoefVar", "MultiDiversity",
                             "SimpsonsConcentration", "SimpsonsInteraction", "MultiDivergence"}) {
        const IndexDefinition* d = IndexRegistry::instance().find(name);
        if (!d || !d->compute) continue;
        const CountMatrix& m = d->info.groups == IndexGroups::two_group ? two : all;
        run(std::string("pysal.") + name, [&] { return d->compute(IndexInput{m, params}); });
    }
    for (const char* name : {"modified_dissimilarity_simulated", "bias_corrected_dissimilarity_simulated",
                             "modified_gini_simulated"}) {
        const IndexDefinition& d = IndexRegistry::instance().get(name);
        run(std::string("pysal.") + name, [&] { return d.compute(IndexInput{two, params}); });
    }
    // R segregation jobs.
    const IndexDefinition& M = IndexRegistry::instance().get("mutual_information");
    const IndexDefinition& H = IndexRegistry::instance().get("information_theory");
    run("r.mutual_total", [&] {
        return nlohmann::json{{"M", M.compute(IndexInput{all, params})}, {"H", H.compute(IndexInput{all, params})}};
    });
    if (table.find_level(a.within)) {
        std::vector<std::string> parent;
        for (std::size_t row : all.unit_rows) parent.push_back(table.level(a.within).labels[row]);
        run("r.mutual_total_within_" + a.within, [&] {
            const auto d = decompose_within(all, parent);
            return nlohmann::json{{"M", d.within_M}, {"H", d.within_H}};
        });
    }
    const IndexDefinition& D = IndexRegistry::instance().get("dissimilarity");
    run("r.dissimilarity", [&] { return D.compute(IndexInput{two, params}); });
    run("r.isolation", [&] { return IndexRegistry::instance().get("isolation").compute(IndexInput{two, params}); });
    run("r.mutual_local", [&] {
        const auto local = IndexRegistry::instance().get("local_segregation").compute_local(IndexInput{all, params});
        return nlohmann::json{{"columns", local.names}};
    });
    // Bootstrap of M and H together: one set of resamples (as R's mutual_total(se = TRUE)).
    run("r.mutual_total_se", [&] {
        IndexTableRequest request;
        request.suite.indices = {"mutual_information", "information_theory"};
        request.bootstrap = a.bootstrap;
        const ResultTable t = index_table(table, request);
        nlohmann::json v;
        for (const auto& row : t.rows) {
            const std::string name = std::get<std::string>(row[0]);
            v[name == "mutual_information" ? "M" : "H"] = {{"est", std::get<double>(row[4])},
                                                            {"se", std::get<double>(row[6])}};
        }
        return v;
    });
    run("r.dissimilarity_se", [&] {
        const auto b = bootstrap(D, two, params, BootstrapOptions{a.bootstrap, 0.95, params.seed, {}, {}});
        return nlohmann::json{{"est", b.estimate}, {"se", b.standard_error}};
    });
    out["results"] = results;
    out["n_units"] = all.units;
    std::cout << out.dump(1) << "\n";
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_anchor_jobs: %s\n", e.what());
    return 1;
}

#pragma once
// The analyses of a study, in order, each a library call on the Study's inputs:
// table summary, indices with bootstrap intervals, local statistics, typology, hot spots
// and enclaves per group, the change between censuses (harmonised table, pace of change
// and the Shapley decomposition, the bootstrap test of whether segregation rose,
// emerging enclaves), targeting (ESOL need, hubs, licensing screen) and the what-if
// scenarios against the model's baseline (study/what_if.hpp). `cohesion run`
// writes each step's results to its files with the same writers the single commands
// use; `run --dry-run` lists the equivalent commands.
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "geo/area_layer.hpp"
#include "output/result_table.hpp"
#include "study/study.hpp"
#include "study/what_if.hpp"

namespace cohesion {

struct StudyOutput {
    std::vector<ResultTable> tables;
    // Polygons for map files (.geojson/.gpkg): the last table is the per-area table joined
    // to them by area code. Null: the step has no map.
    const AreaLayer* layer = nullptr;
    std::vector<std::string> sentences{};  // what the step found, in words (the report's paragraphs)
    std::shared_ptr<const WhatIf> what_if{};  // the what-if step's typed result (the report's charts and map)
};

// What a step's library calls may use besides the study: cancellation and a progress
// counter (done, total) for the long loops (bootstrap, permutations).
struct StudyHooks {
    std::stop_token stop;
    std::function<void(std::size_t, std::size_t)> progress;
};

struct StudyStep {
    std::string label;                // "hot spots of Pakistani"
    std::string command;              // the single command that computes the same, e.g. "hotspots"
    std::vector<std::string> files;   // written into the output folder, e.g. {"hubs.json", "hubs.geojson"}
    std::function<StudyOutput(const Study&, const StudyHooks&)> compute;
    std::string counted = "replicates";  // what StudyHooks::progress counts, for the progress line
};

// Every step the spec asks for, report excluded (the report layer renders the study).
std::vector<StudyStep> study_plan(const StudySpec& spec);

}  // namespace cohesion

#pragma once
// Runs the steps of a study plan side by side. The steps only read the Study (const, every
// input loaded before), so they are independent: each runs as a task on the shared thread
// pool, beside whatever else the caller adds, and its inner loops (bootstrap, permutations)
// share the same pool. Results are handed to the caller one at a time, as they are ready
// (the caller orders what it lists), and work that needs some steps' results (the report
// needs the change, targeting and what-if steps, not the index step) starts as soon as those
// are handed over, while the other steps still run.
//
// A failing step stops the others (their stop tokens are triggered) and the first error is
// thrown, with the step's label, once every task has ended.
#include <cstddef>
#include <functional>
#include <vector>

#include "study/study_plan.hpp"

namespace cohesion {

struct StudyRunCallbacks {
    // A step begins (on the thread that runs it; calls may overlap).
    std::function<void(std::size_t step)> started;
    // A step's long loop counts (done, total) (on the step's thread; one step's calls arrive in order).
    std::function<void(std::size_t step, std::size_t done, std::size_t total)> progress;
    // A step's results as soon as they are ready, one call at a time; `seconds` is the step's
    // own compute time.
    std::function<void(std::size_t step, StudyOutput&& output, double seconds)> finished;
    // Work that starts once every step it `needs` has been handed to `finished` (e.g. the report);
    // without `needs`, at once, beside the steps. Its errors end the run like a step's.
    struct FollowUp {
        std::function<bool(std::size_t step)> needs;
        std::function<void(std::stop_token)> work;
    };
    std::vector<FollowUp> then;
};

void run_study_steps(const Study& study, const std::vector<StudyStep>& steps, const StudyRunCallbacks& callbacks);

}  // namespace cohesion

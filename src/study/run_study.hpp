#pragma once
// Runs the steps of a study plan side by side. The steps only read the Study (const, every
// input loaded before), so they are independent: each runs as a task on the shared thread
// pool, beside whatever else the caller adds (the report's own town profile), and its
// inner loops (bootstrap, permutations) share the same pool. Results are handed to the
// caller one at a time and in plan order, so files, notes and progress on stderr come out
// as if the steps had run one after another.
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
    // A step's results, in plan order, one call at a time; `seconds` is the step's own compute time.
    std::function<void(std::size_t step, StudyOutput&& output, double seconds)> finished;
    // Work to run beside the steps (e.g. the report's town profile); errors end the run like a step's.
    std::vector<std::function<void(std::stop_token)>> alongside;
};

void run_study_steps(const Study& study, const std::vector<StudyStep>& steps, const StudyRunCallbacks& callbacks);

}  // namespace cohesion

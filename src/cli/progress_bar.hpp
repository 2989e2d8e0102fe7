#pragma once
// Progress on stderr for long work (bootstrap, randomisation, report steps), counted in
// replicates or steps. On a terminal: a bar redrawn in place. Elsewhere (a log, CI, a
// pipe): one plain line every few seconds ("bootstrap: 400/1000 (40 %)") and a last
// line when done, so a long job in a log is seen to move; work that finishes within the
// first interval prints nothing. `--quiet` silences it (set_progress_quiet).
// COHESION_PROGRESS_SECONDS sets the interval of the plain lines (default 5; tests use 0).
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace cohesion::cli {

// Process-wide: set by --quiet before the command runs.
void set_progress_quiet(bool quiet);

class ProgressBar {
public:
    ProgressBar(std::string label, std::size_t total);
    ~ProgressBar();
    void advance(std::size_t steps = 1);

private:
    void draw(bool final);
    void line();
    std::string label_;
    std::size_t total_, done_ = 0;
    bool enabled_, terminal_, printed_ = false;
    std::chrono::steady_clock::duration interval_;
    std::chrono::steady_clock::time_point last_draw_;
};

// A library progress callback (done, total), counted one by one on a ProgressBar labelled
// `label`: a fresh bar each time the count starts again at 1 (a test per group, a solver
// fallback), closed at the total.
std::function<void(std::size_t done, std::size_t total)> counted_progress(std::string label);

}  // namespace cohesion::cli

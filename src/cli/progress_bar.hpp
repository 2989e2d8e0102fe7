#pragma once
// A progress bar on stderr for long work (bootstrap, randomisation). Drawn only
// when stderr is a terminal, so logs and CI output stay clean.
#include <chrono>
#include <cstddef>
#include <string>

namespace cohesion::cli {

class ProgressBar {
public:
    ProgressBar(std::string label, std::size_t total);
    ~ProgressBar();
    void advance(std::size_t steps = 1);

private:
    void draw(bool final);
    std::string label_;
    std::size_t total_, done_ = 0;
    bool enabled_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace cohesion::cli

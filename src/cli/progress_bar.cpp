#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace cohesion::cli {

ProgressBar::ProgressBar(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), enabled_(total > 0 && isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() {
    if (enabled_ && done_ > 0) draw(true);
}

void ProgressBar::advance(std::size_t steps) {
    done_ += steps;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    draw(done_ >= total_);
}

void ProgressBar::draw(bool final) {
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu", label_.c_str(), filled, "##############################",
                 width - filled, "", done_, total_);
    if (final) std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

}  // namespace cohesion::cli

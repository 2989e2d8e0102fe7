#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

namespace cohesion::cli {

namespace {

std::atomic<bool> quiet{false};

std::chrono::steady_clock::duration line_interval() {
    double seconds = 5.0;
    if (const char* text = std::getenv("COHESION_PROGRESS_SECONDS")) {
        char* end = nullptr;
        const double v = std::strtod(text, &end);
        if (end != text && v >= 0.0 && v < 3600.0) seconds = v;
    }
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

void set_progress_quiet(bool q) { quiet = q; }

ProgressBar::ProgressBar(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(total > 0 && !quiet),
      terminal_(isatty(STDERR_FILENO) != 0),
      interval_(line_interval()),
      last_draw_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
    if (!enabled_ || done_ == 0) return;
    if (terminal_) draw(true);
    else if (printed_ && done_ < total_) line();  // stopped early (error, cancel): say where
}

void ProgressBar::advance(std::size_t steps) {
    done_ += steps;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!terminal_) {
        // The last line only where earlier lines were printed: quick work stays silent.
        if ((done_ >= total_ && printed_) || now - last_draw_ >= interval_) {
            last_draw_ = now;
            line();
        }
        return;
    }
    if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    draw(done_ >= total_);
}

void ProgressBar::line() {
    printed_ = true;
    std::fprintf(stderr, "%s: %zu/%zu (%d %%)\n", label_.c_str(), done_, total_,
                 total_ ? static_cast<int>(100 * done_ / total_) : 100);
    std::fflush(stderr);
}

void ProgressBar::draw(bool final) {
    const int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu", label_.c_str(), filled, "##############################",
                 width - filled, "", done_, total_);
    if (final) std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

std::function<void(std::size_t, std::size_t)> counted_progress(std::string label) {
    auto bar = std::make_shared<std::optional<ProgressBar>>();
    return [bar, label = std::move(label)](std::size_t done, std::size_t total) {
        if (done == 1 || !*bar) bar->emplace(label, total);
        (*bar)->advance();
        if (done >= total) bar->reset();
    };
}

}  // namespace cohesion::cli

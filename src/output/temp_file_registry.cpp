#include "output/temp_file_registry.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

namespace cohesion {

namespace {

enum SlotState : int { free_slot = 0, filling = 1, live = 2 };

constexpr std::size_t max_path = 4096;

struct Slot {
    std::atomic<int> state{free_slot};
    char path[max_path]{};
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");

std::array<Slot, max_registered_temp_files> slots;

extern "C" void unlink_temp_files_and_reraise(int signal_number) {
    for (auto& slot : slots)
        if (slot.state.load(std::memory_order_acquire) == live) ::unlink(slot.path);
    // Default disposition, then the same signal: the parent sees the real cause of death.
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal_number, &action, nullptr);
    ::raise(signal_number);
}

}  // namespace

TempFileRegistration::TempFileRegistration(const std::string& path) {
    if (path.size() + 1 > max_path) return;
    for (std::size_t k = 0; k < slots.size(); ++k) {
        int expected = free_slot;
        if (slots[k].state.compare_exchange_strong(expected, filling, std::memory_order_acq_rel)) {
            std::memcpy(slots[k].path, path.c_str(), path.size() + 1);
            slots[k].state.store(live, std::memory_order_release);
            slot_ = static_cast<int>(k);
            return;
        }
    }
}

TempFileRegistration::TempFileRegistration(TempFileRegistration&& other) noexcept : slot_(other.slot_) {
    other.slot_ = -1;
}

TempFileRegistration& TempFileRegistration::operator=(TempFileRegistration&& other) noexcept {
    if (this != &other) {
        release();
        slot_ = other.slot_;
        other.slot_ = -1;
    }
    return *this;
}

TempFileRegistration::~TempFileRegistration() { release(); }

void TempFileRegistration::release() noexcept {
    if (slot_ >= 0) slots[static_cast<std::size_t>(slot_)].state.store(free_slot, std::memory_order_release);
    slot_ = -1;
}

void remove_temp_files_on_signals() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
            struct sigaction previous {};
            ::sigaction(signal_number, nullptr, &previous);
            // A signal the parent told us to ignore (nohup, `trap '' INT`) stays ignored.
            if (previous.sa_handler == SIG_IGN) continue;
            struct sigaction action {};
            action.sa_handler = unlink_temp_files_and_reraise;
            sigemptyset(&action.sa_mask);
            for (int blocked : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, blocked);
            ::sigaction(signal_number, &action, nullptr);
        }
    });
}

}  // namespace cohesion

// The steps of a study run side by side (study/run_study.hpp): every result reaches the
// caller once, work that needs some steps starts before the others end, a failing step stops
// the others and is named, and steps asking the same hot spots share one computation.
#include <gtest/gtest.h>

#include <tbb/info.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "autocorrelation/hot_spot_memo.hpp"
#include "core/error.hpp"
#include "study/run_study.hpp"
#include "study/study.hpp"
#include "study/study_plan.hpp"
#include "study/study_profile.hpp"
#include "support/bedford_study_spec.hpp"

namespace cohesion {
namespace {

StudySpec bedford_hot_spots() {
    StudySpec spec = test::bedford_study_spec(5, 99);
    spec.hotspots = {"Pakistani", "OtherWhite"};
    spec.enclaves = {"Pakistani"};
    return spec;
}

TEST(RunStudy, EveryResultArrivesOnceAndHotSpotsAreTestedOncePerGroup) {
    const Study study(bedford_hot_spots());
    const auto steps = study_plan(study.spec());
    std::vector<std::size_t> order;
    std::atomic<int> alongside{0};
    StudyRunCallbacks callbacks;
    callbacks.finished = [&](std::size_t i, StudyOutput&& out, double seconds) {
        order.push_back(i);
        EXPECT_FALSE(out.tables.empty()) << steps[i].label;
        EXPECT_GE(seconds, 0.0);
    };
    TownProfile profile;
    callbacks.then.push_back({nullptr, [&](std::stop_token) {
        TownProfileOptions o;
        o.focal = "Pakistani";
        profile = study_town_profile(study, o);
        ++alongside;
    }});
    run_study_steps(study, steps, callbacks);
    ASSERT_EQ(order.size(), steps.size());
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
    EXPECT_EQ(alongside, 1);
    // Pakistani: its hot-spot step, its enclaves step and the profile's map; OtherWhite: one.
    EXPECT_EQ(study.hot_spot_memo()->computed(), 2u);
    EXPECT_FALSE(profile.enclave.empty());
}

TEST(RunStudy, FollowUpStartsOnceItsStepsEndedWhileOthersRun) {
    if (tbb::info::default_concurrency() < 2) GTEST_SKIP() << "needs two threads";
    const Study study(bedford_hot_spots());
    std::atomic<bool> followed{false}, seen_while_running{false};
    std::vector<StudyStep> steps;
    steps.push_back({"slow", "none", {}, [&](const Study&, const StudyHooks&) {
                         const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
                         while (!followed && std::chrono::steady_clock::now() < give_up)
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));
                         seen_while_running = followed.load();
                         return StudyOutput{};
                     }});
    steps.push_back({"quick", "none", {}, [](const Study&, const StudyHooks&) { return StudyOutput{}; }});
    StudyRunCallbacks callbacks;
    std::vector<std::size_t> handed;
    callbacks.finished = [&](std::size_t i, StudyOutput&&, double) { handed.push_back(i); };
    callbacks.then.push_back({[](std::size_t i) { return i == 1; }, [&](std::stop_token) {
                                  EXPECT_EQ(handed, std::vector<std::size_t>{1});  // after "quick", before "slow"
                                  followed = true;
                              }});
    run_study_steps(study, steps, callbacks);
    EXPECT_TRUE(followed);
    EXPECT_TRUE(seen_while_running);  // the follow-up ran while "slow" still did
    EXPECT_EQ(handed, (std::vector<std::size_t>{1, 0}));
}

TEST(RunStudy, AFailingStepStopsTheOthersAndIsNamed) {
    const Study study(bedford_hot_spots());
    std::atomic<bool> started{false}, stopped{false};
    std::vector<StudyStep> steps;
    steps.push_back({"waits to be stopped", "none", {}, [&](const Study&, const StudyHooks& hooks) {
                         started = true;
                         const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
                         while (!hooks.stop.stop_requested() && std::chrono::steady_clock::now() < give_up)
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));
                         stopped = hooks.stop.stop_requested();
                         return StudyOutput{};
                     }});
    steps.push_back({"breaks", "none", {}, [&](const Study&, const StudyHooks&) -> StudyOutput {
                         // Fails while the other step runs (on the pool's other thread).
                         const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
                         while (!started && std::chrono::steady_clock::now() < give_up)
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));
                         throw Error("no such group 'X'");
                     }});
    StudyRunCallbacks callbacks;
    std::size_t handed = 0;
    callbacks.finished = [&](std::size_t, StudyOutput&&, double) { ++handed; };
    try {
        run_study_steps(study, steps, callbacks);
        FAIL() << "expected the step's error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("step 'breaks' failed: no such group 'X'"), std::string::npos) << e.what();
    }
    if (started) EXPECT_TRUE(stopped);  // a step not yet begun is not begun at all
    EXPECT_EQ(handed, 0u);  // nothing is handed over once a step has failed
}

}  // namespace
}  // namespace cohesion

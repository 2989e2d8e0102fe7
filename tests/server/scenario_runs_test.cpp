// Scenario runs as server jobs (server/scenario_jobs.hpp) on the bundled Bedford project:
// the listing, 404s for unknown datasets, scenarios and hostile ids (never echoed), 405s,
// cancellation, a deadline that stops a run, and a full queue answered 503 + Retry-After.
// (A finished run's result equals `cohesion simulate --scenario`: endpoint_twins_test.cpp.)
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server/serve_process.hpp"

using namespace cohesion::test;

namespace {

const std::string estate = "Estate%20of%201%2C500%20homes%2C%20a%20third%20social";

nlohmann::json wait_until_finished(httplib::Client& c, const std::string& url, double seconds = 60) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (true) {
        auto r = c.Get(url);
        EXPECT_TRUE(r);
        if (!r) return {};
        EXPECT_EQ(r->status, 200) << r->body;
        auto j = nlohmann::json::parse(r->body);
        const std::string s = j["state"];
        if (s != "queued" && s != "running") return j;
        if (std::chrono::steady_clock::now() > until) return j;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

}  // namespace

TEST(ScenarioRuns, ListRejectCancelDeadlineAndFullQueue) {
    const std::string data = COHESION_EXAMPLE_DATA;
    Server server("--project " + data + "/bedford/bedford.toml --queue 1", 11);
    auto c = server.client();

    auto list = c.Get("/api/scenarios");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->status, 200) << list->body;
    const auto scenarios = nlohmann::json::parse(list->body)["scenarios"];
    ASSERT_EQ(scenarios.size(), 2u);
    EXPECT_EQ(scenarios[0]["name"], "Estate of 1,500 homes, a third social");
    EXPECT_NE(scenarios[0]["assumption"].get<std::string>().find("1,500 new homes"), std::string::npos);

    // Mistakes: unknown dataset or scenario 404, a bad number 400, wrong methods 405.
    auto post = [&](const std::string& query) { return c.Post("/api/scenario-runs?" + query, "", "text/plain"); };
    auto r = post("dataset=Nowhere&scenario=x");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    r = post("dataset=bedford&scenario=x");  // a dataset without scenarios
    EXPECT_EQ(r->status, 404);
    r = post("dataset=Bedford&scenario=No%20such%20plan");
    EXPECT_EQ(r->status, 404);
    EXPECT_NE(r->body.find("No such plan"), std::string::npos);
    r = post("dataset=Bedford&scenario=" + estate + "&replicates=100000");
    EXPECT_EQ(r->status, 400) << r->body;
    r = c.Get("/api/scenario-runs");
    EXPECT_EQ(r->status, 405);
    EXPECT_EQ(r->get_header_value("Allow"), "POST");
    r = c.Post("/api/indices?dataset=bedford", "", "text/plain");
    EXPECT_EQ(r->status, 405);
    // Hostile ids: a 404 that does not repeat them.
    for (const std::string id : {"..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "0123456789abcdef0123456789abcdef0",
                                 "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdef"}) {
        r = c.Get("/api/scenario-runs/" + id);
        ASSERT_TRUE(r) << id;
        EXPECT_TRUE(r->status == 404 || r->status == 400) << id << " " << r->status;
        EXPECT_EQ(r->body.find("script"), std::string::npos) << r->body;
        EXPECT_EQ(r->body.find("passwd"), std::string::npos) << r->body;
        r = c.Delete("/api/scenario-runs/" + id);
        EXPECT_TRUE(r->status == 404 || r->status == 400) << id << " " << r->status;
    }

    // A deadline stops a run at its next check (after the baseline's runs): the baseline's 80
    // runs of 50 years take longer than 1 s (12 runs took under 1 s on a fast machine).
    r = post("dataset=Bedford&scenario=" + estate + "&replicates=80&years=50&deadline=1");
    ASSERT_EQ(r->status, 202) << r->body;
    auto job = nlohmann::json::parse(r->body);
    EXPECT_EQ(r->get_header_value("Location"), job["status_url"]);
    EXPECT_TRUE(job["state"] == "queued" || job["state"] == "running") << job.dump();
    EXPECT_EQ(job["progress"]["total"], 160);
    auto end = wait_until_finished(c, job["status_url"]);
    EXPECT_EQ(end["state"], "failed") << end.dump();
    EXPECT_NE(end.value("error", "").find("deadline of 1 s"), std::string::npos) << end.dump();
    EXPECT_EQ(end["progress"]["done"], 80);  // the baseline's runs, then the stop

    // The queue holds one waiting run beside the running one: a third is refused.
    r = post("dataset=Bedford&scenario=" + estate + "&replicates=8&years=40");
    ASSERT_EQ(r->status, 202) << r->body;
    const auto running = nlohmann::json::parse(r->body);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    r = post("dataset=Bedford&scenario=" + estate + "&replicates=4&years=30&seed=2");
    ASSERT_EQ(r->status, 202) << r->body;
    const auto queued = nlohmann::json::parse(r->body);
    r = post("dataset=Bedford&scenario=" + estate + "&replicates=4&years=30&seed=3");
    EXPECT_EQ(r->status, 503) << r->body;
    EXPECT_FALSE(r->get_header_value("Retry-After").empty());

    // Cancelling: the queued run leaves the queue at once; the running one stops.
    for (const auto& j : {queued, running}) {
        r = c.Delete(j["status_url"].get<std::string>());
        ASSERT_EQ(r->status, 200) << r->body;
        EXPECT_EQ(nlohmann::json::parse(r->body)["state"], "cancelled");
    }
    EXPECT_EQ(wait_until_finished(c, queued["status_url"])["state"], "cancelled");
    EXPECT_EQ(wait_until_finished(c, running["status_url"])["state"], "cancelled");
    // A finished run cannot be cancelled; the deadline run failed.
    r = c.Delete(job["status_url"].get<std::string>());
    EXPECT_EQ(r->status, 409);
}

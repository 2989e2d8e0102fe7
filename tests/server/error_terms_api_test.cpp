// Errors in the caller's terms (issue 12 §5), HTTP side: a library error about a field is a
// 400 whose message names the query parameter the client sent, also given as "parameter".
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "server/serve_process.hpp"

using namespace cohesion::test;

TEST(ErrorTerms, ApiNamesTheQueryParameter) {
    const std::string data = COHESION_EXAMPLE_DATA;
    Server server("--census bedford=" + data + "/bedford/census2021_oa@" + data +
                      "/bedford/lsoa2021.geojson --census-aggregate lsoa21cd",
                  7);
    auto c = server.client();
    struct Case {
        std::string target, parameter, text;
    };
    const std::vector<Case> cases = {
        {"/api/indices?dataset=bedford&index=dissimilarity&group=Martian", "group", "no group 'Martian'"},
        {"/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani&versus=Martian", "versus", "no group 'Martian'"},
        {"/api/indices?dataset=bedford&index=dissimilarity&level=Ward", "level", "no level 'Ward'"},
        {"/api/indices?dataset=bedford&index=dissimilarityy", "index", "unknown index 'dissimilarityy'"},
        {"/api/target/esol?dataset=bedford&weights=need:x", "weights", "'x' is not a number"},
        {"/api/target/esol?dataset=bedford&neighbourhood=ward", "neighbourhood", "no level 'ward'"},
        {"/api/target/hubs?dataset=bedford&model=p-centre", "model", "unknown model 'p-centre'"},
    };
    for (const auto& k : cases) {
        auto r = c.Get(k.target);
        ASSERT_TRUE(r) << k.target;
        EXPECT_EQ(r->status, 400) << k.target << " " << r->body;
        const auto body = nlohmann::json::parse(r->body);
        EXPECT_EQ(body.value("parameter", ""), k.parameter) << r->body;
        const std::string error = body.value("error", "");
        EXPECT_EQ(error.rfind("parameter '" + k.parameter + "': ", 0), 0u) << error;
        EXPECT_NE(error.find(k.text), std::string::npos) << error;
        EXPECT_EQ(error.find("--"), std::string::npos) << error;  // a client typed no flag
    }
}

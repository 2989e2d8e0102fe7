// read_atlas_folder: a finished atlas read back as typed rows, and what it says about a
// folder that is not one or a file that is malformed (file, line and column named).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "atlas/atlas_folder.hpp"
#include "core/error.hpp"

namespace cohesion {
namespace {

const char* header =
    "lad,code,region,index_name,group_name,people,share,estimate,raw_value,ci_lower,ci_upper,expected_if_random,"
    "excess_over_random,p_value,rank,rank_lower,rank_upper,ranked_among,peer_rank,peer_count,reason,seed\n";

// Atlas folders written before the plain field names (issue 13 §5) said index, group, by.
const char* legacy_header =
    "lad,code,region,index,group,people,share,estimate,raw_value,ci_lower,ci_upper,expected_if_random,"
    "excess_over_random,p_value,rank,rank_lower,rank_upper,ranked_among,peer_rank,peer_count,reason,seed\n";

std::filesystem::path folder(const std::string& name, const std::string& dissimilarity, bool legacy = false) {
    const auto dir = std::filesystem::temp_directory_path() / ("cohesion_atlas_folder_" + name);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "towns.csv") << "lad,code,became,region,areas,people\nA,E1,,R,10,1000\nB,,C (E9),R,5,500\n";
    std::ofstream(dir / "peers.csv")
        << (legacy ? "lad,by,order,peer,distance\n" : "lad,similar_by,peer_order,peer,distance\n") << "A,composition,1,B,0.5\nA,segregation,1,B,0.7\n";
    std::ofstream(dir / "dissimilarity.csv") << (legacy ? legacy_header : header) << dissimilarity;
    std::ofstream(dir / "notes.txt") << "first note\nsecond note\n";
    return dir;
}

TEST(AtlasFolder, ReadsRowsPeersAndNotesAndMapsOneMeasure) {
    const auto dir = folder("ok", "A,E1,R,dissimilarity,G,100,0.1,0.5,0.5,0.4,0.6,0.2,0.3,0.01,1,1,2,2,1,2,,7\n"
                                  "B,,R,dissimilarity,G,10,0.02,0.7,0.7,,,,,,,,,,2,2,fewer than 500 people,8\n");
    const AtlasFolder a = read_atlas_folder(dir.string());
    ASSERT_EQ(a.rows.size(), 2u);
    EXPECT_DOUBLE_EQ(a.rows[0].ci_upper, 0.6);
    EXPECT_EQ(a.rows[0].rank, 1);
    EXPECT_TRUE(std::isnan(a.rows[1].ci_lower));
    EXPECT_EQ(a.rows[1].rank, 0);
    EXPECT_EQ(a.peers.at("A"), std::vector<std::string>{"B"});  // composition peers only
    EXPECT_EQ(a.notes.size(), 2u);
    EXPECT_EQ(a.indices(), std::vector<std::string>{"dissimilarity"});
    const ResultTable t = atlas_choropleth_table(a, "", "");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(std::get<std::string>(t.rows[1][3]), "C (E9)");  // became
    EXPECT_THROW(atlas_choropleth_table(a, "isolation", ""), Error);
    EXPECT_THROW(atlas_choropleth_table(a, "dissimilarity", "H"), Error);
}

TEST(AtlasFolder, FoldersWrittenBeforeThePlainFieldNamesStillRead) {
    const AtlasFolder a = read_atlas_folder(
        folder("legacy", "A,E1,R,dissimilarity,G,100,0.1,0.5,0.5,0.4,0.6,0.2,0.3,0.01,1,1,2,2,1,2,,7\n", true).string());
    ASSERT_EQ(a.rows.size(), 1u);
    EXPECT_EQ(a.rows[0].index, "dissimilarity");
    EXPECT_EQ(a.rows[0].group, "G");
    EXPECT_EQ(a.peers.at("A"), std::vector<std::string>{"B"});
}

TEST(AtlasFolder, MalformedNumbersAndMissingFilesAreNamed) {
    const auto dir = folder("bad", "A,E1,R,dissimilarity,G,100,0.1,half,0.5,,,,,,,,,,,,,7\n");
    try {
        read_atlas_folder(dir.string());
        FAIL() << "no error";
    } catch (const Error& e) {
        const std::string text = format_error(e.where(), e.message());
        EXPECT_NE(text.find("dissimilarity.csv"), std::string::npos) << text;
        EXPECT_NE(text.find("estimate"), std::string::npos) << text;
        EXPECT_NE(text.find("half"), std::string::npos) << text;
    }
    EXPECT_THROW(read_atlas_folder((dir / "nowhere").string()), Error);
}

}  // namespace
}  // namespace cohesion

#include "project/project_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/error_of.hpp"

using namespace cohesion;

namespace {

std::string write_project(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "cohesion_project_test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "table.csv") << "code,A,B\nx,1,2\n";
    const auto path = dir / (name + ".toml");
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

TEST(ProjectFile, ReadsSectionsAndResolvesPathsAgainstTheFile) {
    const auto path = write_project("ok", R"(
[project]
name = "Town"
[table]
path = "table.csv"
where = "LAD=Town"
merge = ["AB=A+B"]
[analyses]
bootstrap = 50
hotspots = ["A"]
)");
    const Project p = load_project(path);
    EXPECT_EQ(p.name, "Town");
    EXPECT_EQ(p.table.path, (std::filesystem::path(path).parent_path() / "table.csv").string());
    EXPECT_EQ(p.table.where, std::vector<std::string>{"LAD=Town"});
    EXPECT_EQ(p.table.merge.size(), 1u);
    EXPECT_EQ(p.bootstrap, 50);
    EXPECT_EQ(p.hotspots, std::vector<std::string>{"A"});
    EXPECT_TRUE(p.report);
    EXPECT_FALSE(p.change.has_value());
}

TEST(ProjectFile, ErrorsNameTheLineAndKey) {
    const auto unknown = error_of([] { load_project(write_project("unknown", "[table]\npath = \"table.csv\"\nbootsrap = 3\n")); });
    EXPECT_NE(unknown.find("unknown.toml:3"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("table.bootsrap"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("unknown key"), std::string::npos) << unknown;

    const auto type = error_of([] {
        load_project(write_project("type", "[table]\npath = \"table.csv\"\n[analyses]\nbootstrap = \"many\"\n"));
    });
    EXPECT_NE(type.find("type.toml:4"), std::string::npos) << type;
    EXPECT_NE(type.find("expected a whole number"), std::string::npos) << type;

    const auto missing = error_of([] { load_project(write_project("missing", "[table]\npath = \"nowhere.csv\"\n")); });
    EXPECT_NE(missing.find("missing.toml:2"), std::string::npos) << missing;
    EXPECT_NE(missing.find("no such file"), std::string::npos) << missing;

    const auto syntax = error_of([] { load_project(write_project("syntax", "[table\npath = 1\n")); });
    EXPECT_NE(syntax.find("not valid TOML"), std::string::npos) << syntax;

    const auto no_table = error_of([] { load_project(write_project("empty", "[project]\nname = \"x\"\n")); });
    EXPECT_NE(no_table.find("[table]"), std::string::npos) << no_table;

    const auto range = error_of([] {
        load_project(write_project("range", "[table]\npath = \"table.csv\"\n[analyses]\nbootstrap = 1\n"));
    });
    EXPECT_NE(range.find("from 2 to 100000"), std::string::npos) << range;
    EXPECT_NE(error_of([] { load_project("/nonexistent/project.toml"); }).find("no such project file"), std::string::npos);
}

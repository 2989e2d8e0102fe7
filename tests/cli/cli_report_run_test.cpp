// report and run commands through the real binary (split by topic from the old cli_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/json_data.hpp"
#include "cli/plain_field_names.hpp"
#include "cli/run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

TEST(CliReport, SelfContainedHtmlAndPdfWithProvenance) {
    const auto html = scratch_dir() / "report.html";
    const auto pdf = scratch_dir() / "report.pdf";
    const std::string data = COHESION_EXAMPLE_DATA;
    const auto run = run_cli("report " + example_table() + " --boundaries " + data + "/bedford/oa2011.geojson --town Bedford "
                             "--places " + data + "/bedford/wards.geojson "
                             "--bootstrap 20 --permutations 99 --html " + html.string() + " --pdf " + pdf.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::ifstream in(html);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Where Bedford's communities live"), std::string::npos);
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("Open Government Licence"), std::string::npos);
    // The key figure names the ranking's top group with its bias-corrected D, interval and
    // rank interval, and the maps show that same group; the 331 Arab residents (D = 0.71,
    // mostly chance) are listed as not ranked (docs/inference.md).
    EXPECT_NE(text.find("<div class=\"v\">Bangladeshi</div><div class=\"l\">people live most apart (D = 0.68, 95% interval 0.6"), std::string::npos);
    EXPECT_NE(text.find("Maps of Bangladeshi (the group ranked as living most apart)"), std::string::npos);
    EXPECT_NE(text.find("Arab (fewer than 500 people)"), std::string::npos);
    EXPECT_EQ(text.find("<div class=\"v\">Arab</div>"), std::string::npos);
    // Provenance: the input's SHA-256 (checked against coreutils' sha256sum) and the command.
    const auto digest_file = scratch_dir() / "input.sha256";
    ASSERT_EQ(std::system(("sha256sum " + example_table() + " > " + digest_file.string()).c_str()), 0);
    const std::string digest = slurp(digest_file).substr(0, 64);
    EXPECT_NE(text.find(digest), std::string::npos) << digest;
    EXPECT_NE(text.find("command: " + std::string(COHESION_CLI) + " report " + example_table()), std::string::npos);
    // Self-contained: no scripts, stylesheets or images fetched from anywhere.
    for (const char* forbidden : {"<script", "<link", "src=\"http", "url(http", "@import"})
        EXPECT_EQ(text.find(forbidden), std::string::npos) << forbidden;
    // Figures are inline SVGs in one page: their glyph/clip ids must not collide, or later
    // figures draw earlier figures' glyphs.
    std::set<std::string> ids;
    for (auto at = text.find(" id=\""); at != std::string::npos; at = text.find(" id=\"", at + 1)) {
        const auto end = text.find('"', at + 5);
        EXPECT_TRUE(ids.insert(text.substr(at + 5, end - at - 5)).second) << text.substr(at + 5, end - at - 5);
    }
    EXPECT_GT(ids.size(), 10u);
    std::ifstream p(pdf, std::ios::binary);
    std::string head(5, '\0');
    p.read(head.data(), 5);
    EXPECT_EQ(head, "%PDF-");
    // Page layout (Pango): no page of the PDF ends with a heading (a section or table title
    // from the HTML's <h2>/<h3>), read page by page with poppler's pdftotext.
    std::set<std::string> headings;
    for (const char* tag : {"<h2>", "<h3>"})
        for (auto at = text.find(tag); at != std::string::npos; at = text.find(tag, at + 1)) {
            std::string h = text.substr(at + 4, text.find("</h", at) - at - 4);
            for (auto amp = h.find("&amp;"); amp != std::string::npos; amp = h.find("&amp;")) h.replace(amp, 5, "&");
            headings.insert(h);
        }
    ASSERT_GT(headings.size(), 5u);
    const auto pdf_text = scratch_dir() / "report.txt";
    ASSERT_EQ(std::system(("pdftotext -layout " + pdf.string() + " " + pdf_text.string()).c_str()), 0);
    const std::string pages = slurp(pdf_text);
    std::size_t page_count = 0;
    for (std::size_t start = 0; start < pages.size();) {
        const std::size_t end = std::min(pages.find('\f', start), pages.size());
        std::string last;
        std::size_t line_start = start;
        for (std::size_t k = start; k <= end; ++k)
            if (k == end || pages[k] == '\n') {
                std::string line = pages.substr(line_start, k - line_start);
                line.erase(0, line.find_first_not_of(' '));
                line.erase(line.find_last_not_of(' ') + 1);
                if (!line.empty()) last = line;
                line_start = k + 1;
            }
        if (!last.empty()) {
            ++page_count;
            for (const auto& h : headings) EXPECT_NE(last, h) << "page " << page_count << " ends with a heading";
        }
        start = end + 1;
    }
    EXPECT_GT(page_count, 3u);
    // Maps people can place: ward names on the maps, enclaves named after their wards.
    EXPECT_NE(pages.find("Queens Park"), std::string::npos);
    // People's words: no census column codes for groups, no numbered enclave ids (the data
    // files keep both), neighbourhood types by their thresholds.
    for (const char* code : {"WhiteBrit", "OtherWhite", "BlkAfrican", "enclave 1"})
        EXPECT_EQ(pages.find(code), std::string::npos) << code;
    EXPECT_NE(pages.find("White British 80% or more"), std::string::npos);
    EXPECT_NE(text.find("The same map zoomed to the built-up area where the enclaves"), std::string::npos);
    const auto none = run_cli("report " + example_table());
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_NE(none.err.find("--html"), std::string::npos) << none.err;
}

namespace {

// Every CSV, JSON and GeoJSON output of `a` has the same data in `b` (GeoPackages and the
// report, which carry timestamps, are compared through their CSV/JSON twins).
void expect_same_data(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(a)) {
        const auto name = entry.path().filename().string();
        const auto ext = entry.path().extension().string();
        if (name == "run.json" || (ext != ".csv" && ext != ".json" && ext != ".geojson")) continue;
        ASSERT_TRUE(std::filesystem::exists(b / name)) << name;
        if (ext == ".csv") {
            EXPECT_EQ(slurp(a / name), slurp(b / name)) << name;
        } else {
            EXPECT_EQ(data_of(nlohmann::json::parse(slurp(a / name))), data_of(nlohmann::json::parse(slurp(b / name))))
                << name;
        }
        ++compared;
    }
    EXPECT_GE(compared, 15u);
}

}  // namespace

TEST(CliRun, BundledBedfordProjectWritesEveryOutputAndTheReport) {
    const std::string path = std::string(COHESION_EXAMPLE_DATA) + "/bedford/bedford.toml";
    const auto out = scratch_dir() / "run_out";
    const auto dry = run_cli("run --dry-run " + path + " --output " + out.string());
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("cohesion report"), std::string::npos);
    const auto run = run_cli("run " + path + " --output " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Each step says what it found as it ends, in years where the study knows them.
    EXPECT_NE(run.err.find("Enclaves of Asian: 1 in 2011, "), std::string::npos) << run.err;
    for (const char* f : {"indices.csv", "local.csv", "hotspots_Pakistani.gpkg", "enclaves_Pakistani.geojson", "change.json",
                          "change.geojson", "segregation_change.json", "emerging_Asian.geojson", "esol_need.json",
                          "hubs.geojson", "licensing.gpkg", "report.html", "report.pdf", "run.json"})
        EXPECT_TRUE(std::filesystem::exists(out / f)) << f;
    std::ifstream report(out / "report.html");
    const std::string html((std::istreambuf_iterator<char>(report)), std::istreambuf_iterator<char>());
    EXPECT_NE(html.find("Change over time"), std::string::npos);
    EXPECT_NE(html.find("Targeting: integration hubs"), std::string::npos);
    // Each finding links to the section behind it; per-area tables are in the appendix and
    // the body holds their top 10 (issue 13 §2).
    EXPECT_NE(html.find("<a href=\"#section-"), std::string::npos);
    EXPECT_NE(html.find("Appendix: every area"), std::string::npos);
    EXPECT_NE(html.find("The 10 areas whose make-up changed fastest"), std::string::npos);
    // The ESOL top 10 (2021 output areas, which have no polygons in the study) name each
    // area's place through its LSOA: Castle comes first in Bedford.
    const auto esol = html.find("English classes are most needed");
    ASSERT_NE(esol, std::string::npos);
    const std::string esol_table = html.substr(esol, html.find("</table>", esol) - esol);
    EXPECT_NE(esol_table.find("Place"), std::string::npos) << esol_table.substr(0, 400);
    EXPECT_NE(esol_table.find("Castle"), std::string::npos) << esol_table.substr(0, 800);
    std::size_t figures = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++figures;
    // 2 charts, 7 town maps (one a closer view), maps of pace, ESOL score, hubs, licensing
    // zones, and the What if section's trajectory chart and end-state map.
    EXPECT_EQ(figures, 15u);
    EXPECT_NE(html.find("What if"), std::string::npos);
    EXPECT_NE(html.find("These are model projections, not forecasts"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(out / "what_if.json"));
    // Built in a staging folder (issue 11 item 11), but provenance names the final folder:
    // change.json read the harmonised table from the staging folder and says so in its notes.
    for (const char* f : {"change.json", "segregation_change.json", "report.html", "run.json"}) {
        std::ifstream in(out / f);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_EQ(text.find(".staging-"), std::string::npos) << f;
    }
    // The study reads its inputs before computing and counts the reads (run.json's notes), each
    // file once: the 2011 table (the town's table and, aggregated to LSOAs, the earlier census
    // and the what-if town's), the 2021 table, the four Census 2021 topics and the what-if
    // town's households by tenure; three polygon layers (OAs, the 2021 LSOAs shared by the
    // change, targeting and what-if steps, wards).
    const auto log = nlohmann::json::parse(slurp(out / "run.json"));
    bool counted = false;
    for (const auto& note : log["notes"]) counted = counted || note.get<std::string>() == "read 7 tables and 3 polygon layers";
    EXPECT_TRUE(counted) << log["notes"].dump();
    EXPECT_NE(html.find("harmonised through"), std::string::npos);
    // Every field of every output an analyst can use unquoted (issue 13 §5): each CSV header,
    // JSON table's columns, GeoJSON feature's properties and GeoPackage layer's fields.
    EXPECT_GE(expect_plain_output_fields(out), 25u);

    // The same numbers as the single commands: run every command the dry run lists into a
    // second folder and compare each output's data with the run's.
    const auto by_commands = scratch_dir() / "run_by_commands";
    std::filesystem::remove_all(by_commands);
    std::filesystem::create_directories(by_commands);
    const auto listed = run_cli("run --dry-run " + path + " --output " + by_commands.string());
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);) {
        ASSERT_EQ(line.rfind("cohesion ", 0), 0u) << line;
        const auto single = run_cli(line.substr(9));
        ASSERT_EQ(single.exit_code, 0) << line << "\n" << single.err;
    }
    expect_same_data(out, by_commands);
    EXPECT_GE(expect_plain_output_fields(by_commands), 25u);

    const auto bad = scratch_dir() / "bad.toml";
    std::ofstream(bad) << "[table]\npath = \"" << example_table() << "\"\n[analyses]\nhotspot = [\"A\"]\n";
    const auto failed = run_cli("run " + bad.string());
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find("bad.toml:4"), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("unknown key"), std::string::npos) << failed.err;
}

TEST(CliOutput, SeveralOutputsFromOneRunOrNone) {
    const auto dir = scratch_dir();
    const auto json = dir / "lic.json", csv = dir / "lic.csv", layer = dir / "lic.geojson";
    const auto run = run_cli("target licensing --census " + census_bundle() + " --aggregate lsoa21cd --boundaries " +
                             lsoa2021() + " -o " + json.string() + " -o " + csv.string() + " -o " + layer.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(slurp(json))[1]["rows"].size(),
              nlohmann::json::parse(slurp(layer))["features"].size());
    // CSV: one file per table (NAME.TABLE.csv), and one notes file beside them all.
    EXPECT_FALSE(std::filesystem::exists(csv));
    EXPECT_EQ(slurp(dir / "lic.zones.csv").rfind("zone,areas,", 0), 0u) << slurp(dir / "lic.zones.csv").substr(0, 80);
    EXPECT_EQ(slurp(dir / "lic.areas.csv").rfind("area,households,", 0), 0u);
    EXPECT_NE(slurp(dir / "lic.notes.txt").find("census tables: "), std::string::npos);
    // A map layer where the command has no polygons: refused before any file is written.
    const auto a = dir / "a.csv", b = dir / "b.geojson";
    const auto bad = run_cli("indices " + example_table() + " -o " + a.string() + " -o " + b.string());
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("writes no per-area map layer"), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(a));
    EXPECT_FALSE(std::filesystem::exists(b));
}

// Any council's study is one command (issue 15): the national tables give Luton's report,
// whose findings name its own most separated group and the change between the censuses.
TEST(CliRun, AnyTownFromTheNationalTables) {
    const auto out = scratch_dir() / "luton";
    const auto run = run_cli("run --town LUTON --quiet --output " + out.string() + " --data " +
                             shared_data() + " --schemes " + COHESION_EXAMPLE_DATA +
                             "/schemes");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string html = slurp(out / "report.html");
    EXPECT_NE(html.find("Pakistani residents (29,353) live the most apart from everyone else in Luton"),
              std::string::npos);
    EXPECT_NE(html.find("segregation across the 5 broad groups fell in Luton"), std::string::npos);
    const auto typo = run_cli("run --town lutom --dry-run --data " + shared_data());
    EXPECT_EQ(typo.exit_code, 1);
    EXPECT_NE(typo.err.find("nearest: Luton"), std::string::npos) << typo.err;
}

// `report --town NAME` without a table: the town's study from the national tables (as
// `run --town`), and its comparison section names the town's most similar towns.
TEST(CliReport, TownFromTheNationalTablesComparesWithItsPeers) {
    const auto html = scratch_dir() / "luton.html";
    const auto run = run_cli("report --town luton --data " + shared_data() + " --schemes " +
                             std::string(COHESION_EXAMPLE_DATA) + "/schemes --bootstrap 10 --randomisation 0 "
                             "--permutations 19 --html " + html.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = slurp(html);
    EXPECT_NE(text.find("Where Luton's communities live"), std::string::npos);
    EXPECT_NE(text.find("Compared with similar towns and England &amp; Wales"), std::string::npos);
    const auto peers = text.find("Most similar towns by the make-up of their residents: ");
    ASSERT_NE(peers, std::string::npos);
    const std::string sentence = text.substr(peers, text.find('.', peers) - peers);
    for (const char* peer : {"Birmingham", "Watford", "Slough"})
        EXPECT_NE(sentence.find(peer), std::string::npos) << sentence;
    EXPECT_NE(text.find("Luton's"), std::string::npos);
    EXPECT_NE(text.find("Change over time"), std::string::npos);

    const auto none = run_cli("report --html " + (scratch_dir() / "none.html").string());
    EXPECT_NE(none.exit_code, 0);
    EXPECT_NE(none.err.find("give a table FILE or --town NAME"), std::string::npos) << none.err;
    const auto filtered = run_cli("report --town luton --where LAD=Luton --html " + (scratch_dir() / "f.html").string());
    EXPECT_NE(filtered.exit_code, 0);
    EXPECT_NE(filtered.err.find("apply to a table FILE"), std::string::npos) << filtered.err;
}

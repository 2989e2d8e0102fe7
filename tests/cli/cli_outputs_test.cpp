// Outputs analysts can load (issue 13 §5): one table per CSV file, notes beside every
// file, field names without colons, counts as integers, GeoPackages with a QGIS style
// and dissolved zones, a line on stderr saying what was written, progress on stderr.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

#include "plain_field_names.hpp"
#include "run_cli.hpp"

using namespace cohesion::test;
namespace fs = std::filesystem;

namespace {

// Strict reading, as pandas.read_csv needs: a header, then every row with as many
// fields as the header, and no blank lines. Returns the header.
std::vector<std::string> strict_csv_header(const fs::path& path, std::size_t& rows) {
    std::istringstream in(slurp(path));
    bool ok = false;
    const auto header = csv_record(in, ok);
    EXPECT_TRUE(ok) << path;
    rows = 0;
    for (auto row = csv_record(in, ok); ok; row = csv_record(in, ok), ++rows)
        EXPECT_EQ(row.size(), header.size()) << path << " row " << rows + 1;
    return header;
}

}  // namespace

TEST(CliOutputs, SeveralTablesWriteOneCsvEach) {
    const auto dir = scratch_dir() / "one_table_per_csv";
    fs::create_directories(dir);
    const auto run = run_cli("hotspots " + example_table() + " -b " + bedford_boundaries() +
                             " -g Pakistani --permutations 19 -o " + (dir / "hot.csv").string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_FALSE(fs::exists(dir / "hot.csv"));  // the tables, not a stack of them
    std::size_t rows = 0;
    EXPECT_EQ(strict_csv_header(dir / "hot.global.csv", rows), (std::vector<std::string>{"statistic", "value"}));
    EXPECT_EQ(rows, 5u);
    const auto header = strict_csv_header(dir / "hot.areas.csv", rows);
    EXPECT_EQ(rows, 501u);
    expect_plain_field_names(header, "hot.areas.csv");
    // Counts as integers: population and group_count of the first area.
    const std::string areas = slurp(dir / "hot.areas.csv");
    EXPECT_EQ(areas.rfind("area,population,group_count,share,", 0), 0u) << areas.substr(0, 80);
    EXPECT_EQ(areas.find("e+"), std::string::npos);
    EXPECT_TRUE(std::regex_search(areas, std::regex("\nE00088132,298,[0-9]+,"))) << areas.substr(0, 300);
    // Notes beside the files, and one line on stderr naming them and the finding.
    const std::string notes = slurp(dir / "hot.notes.txt");
    EXPECT_NE(notes.find("permutations"), std::string::npos) << notes;
    EXPECT_NE(notes.find("Written by:"), std::string::npos) << notes;
    EXPECT_NE(run.err.find("wrote " + (dir / "hot.global.csv").string() + ", " + (dir / "hot.areas.csv").string()),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("hot spots and"), std::string::npos) << run.err;

    // The same rule for decompose and change.
    const auto dec = run_cli("decompose " + example_table() + " --within MSOA -o " + (dir / "dec.csv").string());
    ASSERT_EQ(dec.exit_code, 0) << dec.err;
    for (const char* table : {"summary", "parts", "groups"}) {
        const auto path = dir / (std::string("dec.") + table + ".csv");
        ASSERT_TRUE(fs::exists(path)) << path;
        expect_plain_field_names(strict_csv_header(path, rows), path.string());
        EXPECT_GT(rows, 0u) << path;
    }
    // One table: the file as named.
    const auto one = run_cli("local " + example_table() + " -o " + (dir / "local.csv").string() + " --quiet");
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.err, "");  // --quiet: nothing on stderr
    const auto local_header = strict_csv_header(dir / "local.csv", rows);
    EXPECT_EQ(rows, 501u);
    expect_plain_field_names(local_header, "local.csv");
    EXPECT_NE(std::find(local_header.begin(), local_header.end(), "local_segregation_population_share"),
              local_header.end());
    EXPECT_TRUE(fs::exists(dir / "local.notes.txt"));
}

TEST(CliOutputs, GeoPackageCarriesAStyleZonesAndNotes) {
    const auto dir = scratch_dir() / "gpkg_outputs";
    fs::create_directories(dir);
    const auto gpkg = dir / "enclaves.gpkg";
    const auto run = run_cli("enclaves " + example_table() + " -b " + bedford_boundaries() +
                             " -g Pakistani -o " + gpkg.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(dir / "enclaves.notes.txt"));
    EXPECT_NE(run.err.find("1 enclave of Pakistani (largest: Pakistani enclave 1"), std::string::npos) << run.err;
    // With place names, the headline names the enclave by its place.
    const auto named = run_cli("enclaves " + example_table() + " -b " + bedford_boundaries() + " -g Pakistani --places " +
                               std::string(COHESION_EXAMPLE_DATA) + "/bedford/wards.geojson -o " +
                               (dir / "named.geojson").string());
    ASSERT_EQ(named.exit_code, 0) << named.err;
    EXPECT_NE(named.err.find("(largest: Queens Park, "), std::string::npos) << named.err;
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* areas = ds->GetLayerByName("enclaves");
    ASSERT_NE(areas, nullptr);
    std::vector<std::string> fields;
    for (int f = 0; f < areas->GetLayerDefn()->GetFieldCount(); ++f) {
        fields.emplace_back(areas->GetLayerDefn()->GetFieldDefn(f)->GetNameRef());
        if (fields.back() == "population" || fields.back() == "group_count") {
            EXPECT_EQ(areas->GetLayerDefn()->GetFieldDefn(f)->GetType(), OFTInteger64) << fields.back();
        }
    }
    expect_plain_field_names(fields, "enclaves.gpkg");
    const auto members = areas->GetFeatureCount();
    ASSERT_GT(members, 1);
    // The zones dissolved: fewer polygons than member areas, each naming its enclave.
    OGRLayer* zones = ds->GetLayerByName("enclaves_zones");
    ASSERT_NE(zones, nullptr);
    EXPECT_GE(zones->GetFeatureCount(), 1);
    EXPECT_LT(zones->GetFeatureCount(), members);
    std::unique_ptr<OGRFeature> zone(zones->GetNextFeature());
    ASSERT_TRUE(zone);
    EXPECT_NE(std::string(zone->GetFieldAsString("enclave")).find("Pakistani"), std::string::npos);
    EXPECT_GT(zone->GetFieldAsInteger64("areas"), 1);
    // QGIS's default styles: one per layer, categorised on the enclave name.
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    ASSERT_NE(styles, nullptr);
    std::map<std::string, std::string> qml;
    for (auto& f : *styles) {
        EXPECT_EQ(f->GetFieldAsInteger("useAsDefault"), 1);
        EXPECT_STREQ(f->GetFieldAsString("f_geometry_column"), "geom");
        qml[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleQML");
    }
    ASSERT_EQ(qml.size(), 2u);
    EXPECT_NE(qml["enclaves"].find("categorizedSymbol\" attr=\"enclave\""), std::string::npos) << qml["enclaves"];
    EXPECT_NE(qml["enclaves_zones"].find("fieldName=\"enclave\""), std::string::npos);
    // Notes as the layer's metadata.
    const char* notes = areas->GetMetadataItem("NOTES");
    ASSERT_NE(notes, nullptr);
    EXPECT_NE(std::string(notes).find("permutations"), std::string::npos) << notes;
}

TEST(CliOutputs, LocalWritesAMapLayerWithAGraduatedStyle) {
    const auto gpkg = scratch_dir() / "local_map.gpkg";
    const auto run = run_cli("local " + example_table() + " --boundaries " + bedford_boundaries() + " -o " +
                             gpkg.string());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("local");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 501);
    EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex("local_segregation"), 0);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    ASSERT_NE(styles, nullptr);
    std::unique_ptr<OGRFeature> style(styles->GetNextFeature());
    ASSERT_TRUE(style);
    const std::string qml = style->GetFieldAsString("styleQML");
    EXPECT_NE(qml.find("graduatedSymbol\" attr=\"local_segregation\""), std::string::npos) << qml.substr(0, 300);
    EXPECT_NE(std::string(style->GetFieldAsString("styleSLD")).find("StyledLayerDescriptor"), std::string::npos);
}

TEST(CliOutputs, ProgressLinesWhenStderrIsNotATerminal) {
    const auto run = run_cli("indices " + example_table() +
                             " --index mutual_information --bootstrap 30 --seed 1 --format csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err.find("replicates:"), std::string::npos) << run.err;  // quick work: silent
    const auto shown = run_cli("indices " + example_table() +
                               " --index mutual_information --bootstrap 30 --seed 1 --format csv",
                               "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_NE(shown.err.find("bootstrap and randomisation replicates: 30/30 (100 %)\n"), std::string::npos) << shown.err;
    const auto out = scratch_dir() / "quiet_indices.csv";
    const auto quiet = run_cli("indices " + example_table() + " --index mutual_information --bootstrap 30 --seed 1 -q -o " +
                                   out.string(),
                               "COHESION_PROGRESS_SECONDS=0");
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.err, "");
}

TEST(CliOutputs, TargetReadsTheOnsBulkDownloadsAsPublished) {
    // The same 38 output areas, once as ONS publishes them, once as the renamed tables.
    const std::string ons = std::string(COHESION_TEST_DATA_DIR) + "/ons_bulk_census2021";
    const auto published = run_cli("target esol --census " + ons + " --format csv");
    ASSERT_EQ(published.exit_code, 0) << published.err;
    const auto renamed = run_cli("target esol --census " + census_bundle() + " --where msoa21cd=E02003623 --format csv");
    ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
    EXPECT_EQ(published.out, renamed.out);
    EXPECT_NE(published.out.find("\nE00088161,"), std::string::npos);
    const auto licensing = run_cli("target licensing --census " + ons + " --format json");
    ASSERT_EQ(licensing.exit_code, 0) << licensing.err;
}

TEST(CliOutputs, NamesAndFlagsAgree) {
    // target esol --top 10 prints exactly 10 areas on the terminal.
    const auto esol = run_cli("target esol --census " + census_bundle() + " --top 10");
    ASSERT_EQ(esol.exit_code, 0) << esol.err;
    const auto ranking = esol.out.substr(esol.out.find("ESOL need and isolation risk per area"));
    std::size_t rows = 0;
    for (std::size_t at = ranking.find("\nE0"); at != std::string::npos; at = ranking.find("\nE0", at + 1)) ++rows;
    EXPECT_EQ(rows, 10u) << ranking.substr(0, 2000);
    // --hubs and its short form -p are one option.
    const auto help = run_cli("target hubs --help");
    EXPECT_NE(help.out.find("--hubs"), std::string::npos);
    // compare --group is refused where no index uses it, not ignored.
    const auto compare = run_cli("compare " + example_table() +
                                 " --where-a MSOA=E02003620 --where-b MSOA=E02003623 --group Pakistani "
                                 "--index mutual_information --bootstrap 5");
    EXPECT_EQ(compare.exit_code, 1);
    EXPECT_NE(compare.err.find("option '--group': group Pakistani applies to two-group indices"), std::string::npos) << compare.err;
    // A single group: the two-group indices against the rest, multigroup ones skipped with a note.
    const auto one = run_cli("indices " + example_table() + " --group-columns Pakistani --format json");
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const auto doc = nlohmann::json::parse(one.out);
    EXPECT_NE(doc["notes"].dump().find("multigroup indices skipped"), std::string::npos) << doc["notes"].dump();
    for (const auto& row : doc["rows"]) EXPECT_EQ(row["kind"], "two-group") << row.dump();
    // Output-area rows and LSOA polygons: the error says to aggregate.
    const std::string shared_lsoas = std::string(COHESION_DEFAULT_SHARED_DATA) + "/bedford/lsoa2011.geojson";
    const auto mismatch = run_cli("hotspots " + example_table() + " -b " + shared_lsoas + " -g Pakistani");
    EXPECT_EQ(mismatch.exit_code, 1);
    EXPECT_NE(mismatch.err.find("add --aggregate LSOA"), std::string::npos) << mismatch.err;
}

#include "project/national_town.hpp"

#include <filesystem>

#include "atlas/town_directory.hpp"
#include "io/table_files.hpp"
#include "io/table_input.hpp"

namespace cohesion {

Project national_town_project(const std::string& data, const std::string& schemes, const std::string& town,
                              TableFiles* files) {
    namespace fs = std::filesystem;
    auto at = [&data](const std::string& name) { return (fs::path(data) / name).string(); };
    const std::string oa2011 = at("ew2011_oa_ethnicity.csv.gz"), lookup = at("lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz"),
                      lsoa2021 = at("ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz");
    TableInput national;
    national.path = oa2011;
    const TownSelection t =
        resolve_town(make_town_directory(files ? files->load(national) : load_table(national), lookup), town);

    Project p;
    p.file = "town " + town;
    p.folder = fs::current_path().string();
    p.name = t.name;
    p.output = (fs::path("out") / t.name).string();
    p.table.path = oa2011;
    p.table.where = {t.where};
    p.table.aggregate = "LSOA";
    p.boundaries = at("ew_boundaries/lsoa2011.gpkg");
    p.reference = oa2011;
    p.typology_host = "WhiteBrit";
    p.national_table = oa2011;
    p.national_town = t.name;
    ProjectChange c;
    c.earlier = p.table;
    c.earlier.scheme = (fs::path(schemes) / "ethnicity2011_broad5.csv").string();
    c.later.path = lsoa2021;
    c.later.scheme = (fs::path(schemes) / "ethnicity2021_broad5.csv").string();
    c.lookup = lookup;
    c.from_column = "lsoa11_code";
    c.to_column = "lsoa21_code";
    c.change_column = "change_code";
    c.weights_table = lsoa2021;
    c.boundaries = at("ew_boundaries/lsoa2021.gpkg");
    c.later_areas_of_earlier = true;  // the national 2021 table: keep the town's LSOAs
    p.change = c;
    if (!t.code.empty()) {
        ProjectTargeting g;
        g.census = at("ew2021_oa");
        g.where = "lad22cd=" + t.code;
        g.aggregate = "lsoa21cd";
        g.boundaries = at("ew_boundaries/lsoa2021.gpkg");
        p.targeting = g;
    }
    return p;
}

}  // namespace cohesion

#include "cli/census_options.hpp"

namespace cohesion::cli {

void add_census_options(CLI::App& command, CensusSource& v) {
    auto* g = "Census tables";
    command.add_option("--census", v.folder,
                       "Folder of Census 2021 OA tables (ts001, ts004, ts029, ts054, oa2021_lookup; .csv or .csv.gz), "
                       "e.g. data/bedford/census2021_oa or ../shared/data/ew2021_oa; the ONS bulk downloads as "
                       "published (census2021-ts029-oa.csv, ONS headings) are read too")
        ->required()->group(g);
    command.add_option("--where", v.where, "Keep areas with LEVEL=VALUE from the lookup, e.g. lad22nm=Bedford")
        ->group(g);
    command.add_option("--aggregate", v.aggregate,
                       "Sum output areas to a lookup level first, e.g. lsoa21cd (to map with LSOA boundaries)")
        ->group(g);
}

}  // namespace cohesion::cli

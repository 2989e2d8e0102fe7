#include "study/national_change.hpp"

#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "change/lookup_harmonisation.hpp"
#include "change/lookup_harmonisation_job.hpp"
#include "core/count_matrix.hpp"
#include "core/table_operations.hpp"
#include "indices/multigroup/multigroup_terms.hpp"
#include "io/table_input.hpp"

namespace cohesion {

namespace {

NationalChange compute(const std::string& earlier_path, const std::string& later_path, const std::string& lookup_path,
                       const std::string& schemes) {
    namespace fs = std::filesystem;
    TableInput earlier;
    earlier.path = earlier_path;
    earlier.scheme_path = (fs::path(schemes) / "ethnicity2011_broad5.csv").string();
    const Table a = load_table(earlier);
    TableInput later;
    later.path = later_path;
    later.scheme_path = (fs::path(schemes) / "ethnicity2021_broad5.csv").string();
    later.groups = a.group_names();
    const Table b = load_table(later);
    LookupOptions options;
    options.from_column = "lsoa11_code";
    options.to_column = "lsoa21_code";
    options.change_column = "change_code";
    const GeographyLookup lookup = load_lookup(lookup_path, options);
    const Table w = load_weights_table(later_path, "", "");
    std::unordered_map<std::string, double> weights;
    for (std::size_t i = 0; i < w.areas(); ++i) weights[w.area_codes()[i]] = w.count(i, 0);
    const Harmonised h = harmonise(a, lookup, &weights);
    const Table b_common = select_area_codes(b, h.table.area_codes());
    NationalChange out;
    out.M_earlier = multigroup_terms::mutual_information(multigroup(h.table));
    out.M_later = multigroup_terms::mutual_information(multigroup(b_common));
    out.source = "England & Wales: Theil's M of the five broad groups on the 2021 LSOAs, from " +
                 fs::path(earlier_path).filename().string() + " (moved through " + fs::path(lookup_path).filename().string() +
                 ") and " + fs::path(later_path).filename().string();
    return out;
}

}  // namespace

std::optional<NationalChange> national_change(const std::string& shared_data, const std::string& schemes) {
    namespace fs = std::filesystem;
    const auto at = [&](const char* name) { return (fs::path(shared_data) / name).string(); };
    const std::string earlier = at("ew2011_lsoa_ethnicity.csv.gz"), later = at("ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz"),
                      lookup = at("lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz");
    std::error_code ec;
    for (const auto& p : {earlier, later, lookup, (fs::path(schemes) / "ethnicity2011_broad5.csv").string()})
        if (!fs::exists(p, ec)) return std::nullopt;
    static std::mutex lock;
    static std::map<std::pair<std::string, std::string>, NationalChange> kept;
    std::lock_guard guard(lock);
    const auto key = std::make_pair(fs::absolute(shared_data, ec).string(), fs::absolute(schemes, ec).string());
    if (const auto it = kept.find(key); it != kept.end()) return it->second;
    return kept.emplace(key, compute(earlier, later, lookup, schemes)).first->second;
}

}  // namespace cohesion

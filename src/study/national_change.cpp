#include "study/national_change.hpp"

#include <filesystem>
#include <map>
#include <mutex>
#include <utility>

#include "atlas/atlas_change.hpp"
#include "core/count_matrix.hpp"
#include "core/table_operations.hpp"
#include "indices/multigroup/multigroup_terms.hpp"

namespace cohesion {

namespace {

// The atlas's change inputs (atlas/atlas_change.hpp) for the whole country, from the 2011
// LSOA table (already LSOAs: nothing to aggregate, and a tenth of the OA table's rows).
NationalChange compute(const std::string& shared_data, const std::string& schemes, const std::string& lsoa_table) {
    namespace fs = std::filesystem;
    AtlasChangeSources sources = atlas_change_sources(shared_data, schemes);
    sources.earlier = lsoa_table;
    const AtlasChangeInputs in = load_atlas_change_inputs(sources, "LAD", "");
    const Harmonised h = harmonise(in.earlier, in.lookup, &in.weights);
    NationalChange out;
    out.M_earlier = multigroup_terms::mutual_information(multigroup(h.table));
    out.M_later = multigroup_terms::mutual_information(multigroup(select_area_codes(in.later, h.table.area_codes())));
    out.source = "England & Wales: Theil's M of the five broad groups on the 2021 LSOAs, from " +
                 fs::path(sources.earlier).filename().string() + " (moved through " +
                 fs::path(sources.lookup).filename().string() + ") and " + fs::path(sources.later).filename().string();
    return out;
}

}  // namespace

std::optional<NationalChange> national_change(const std::string& shared_data, const std::string& schemes) {
    namespace fs = std::filesystem;
    const AtlasChangeSources sources = atlas_change_sources(shared_data, schemes);
    const std::string lsoa_table = (fs::path(shared_data) / "ew2011_lsoa_ethnicity.csv.gz").string();
    std::error_code ec;
    for (const auto& p : {lsoa_table, sources.later, sources.lookup, sources.earlier_scheme, sources.later_scheme})
        if (!fs::exists(p, ec)) return std::nullopt;
    static std::mutex lock;
    static std::map<std::pair<std::string, std::string>, NationalChange> kept;
    std::lock_guard guard(lock);
    const auto key = std::make_pair(fs::absolute(shared_data, ec).string(), fs::absolute(schemes, ec).string());
    if (const auto it = kept.find(key); it != kept.end()) return it->second;
    return kept.emplace(key, compute(shared_data, schemes, lsoa_table)).first->second;
}

}  // namespace cohesion

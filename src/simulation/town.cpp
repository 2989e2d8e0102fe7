#include "simulation/town.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <cstdlib>
#include <numeric>
#include <unordered_map>

#include "change/lookup_harmonisation_job.hpp"
#include "core/error.hpp"
#include "core/table_operations.hpp"
#include "geo/area_layer.hpp"
#include "io/table_input.hpp"
#include "weights/contiguity.hpp"

namespace cohesion {

namespace fs = std::filesystem;

TownSources shared_town_sources(const std::string& shared, const std::string& repo, const std::string& town) {
    TownSources s;
    s.name = town;
    s.earlier = (fs::path(shared) / "ew2011_oa_ethnicity.csv.gz").string();
    s.earlier_scheme = (fs::path(repo) / "schemes/ethnicity2011_broad5.csv").string();
    s.later = (fs::path(shared) / "ew2021_lsoa/ts021_ethnic5_lsoa.csv.gz").string();
    s.later_scheme = (fs::path(repo) / "schemes/ethnicity2021_broad5.csv").string();
    s.lookup = (fs::path(shared) / "lookups/lookup_lsoa11_lsoa21_ltla22.csv.gz").string();
    s.households = (fs::path(shared) / "ew2021_oa/ts054.csv.gz").string();
    s.households_lookup = (fs::path(shared) / "ew2021_oa/oa2021_lookup.csv.gz").string();
    s.boundaries = (fs::path(shared) / "ew_boundaries/lsoa2021.gpkg").string();
    return s;
}

TownSources bedford_sources(const std::string& repo) {
    const fs::path b = fs::path(repo) / "bedford";
    TownSources s;
    s.name = "Bedford";
    s.earlier = (b / "oa2011_ethnicity.csv").string();
    s.earlier_scheme = (fs::path(repo) / "schemes/ethnicity2011_broad5.csv").string();
    s.later = (b / "lsoa2021_ethnic5.csv").string();
    s.later_scheme = (fs::path(repo) / "schemes/ethnicity2021_broad5.csv").string();
    s.lookup = (b / "lookup_lsoa11_lsoa21.csv").string();
    s.households = (b / "census2021_oa/ts054.csv").string();
    s.households_lookup = (b / "census2021_oa/oa2021_lookup.csv").string();
    s.boundaries = (b / "lsoa2021.geojson").string();
    return s;
}

TownSources town_sources(const std::string& town, const std::string& repo, const std::string& shared) {
    if (town == "Bedford" && fs::exists(fs::path(repo) / "bedford" / "lsoa2021_ethnic5.csv")) return bedford_sources(repo);
    std::string folder = shared;
    if (folder.empty()) {
        const char* env = std::getenv("COHESION_SHARED_DATA");
        folder = env && *env ? env : "../shared/data";
    }
    return shared_town_sources(folder, repo, town);
}

namespace {
double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }
}  // namespace

Town load_town(const TownSources& src, const TownReaders& readers) {
    Town town;
    town.name = src.name;
    auto read = [&readers](const TableInput& input) { return readers.table ? readers.table(input) : load_table(input); };

    TableInput earlier;
    earlier.path = src.earlier;
    earlier.where = {"LAD=" + src.name};
    earlier.aggregate_to = "LSOA";
    earlier.scheme_path = src.earlier_scheme;
    const Table people11 = read(earlier);

    LookupHarmonisationJob job;
    job.lookup = src.lookup;
    job.options.from_column = "lsoa11_code";
    job.options.to_column = "lsoa21_code";
    job.options.change_column = "change_code";
    job.weights_table = src.later;
    HarmonisedTable h = harmonise_with_lookup(people11, job);
    town.notes = h.notes;
    Table e = std::move(h.table);

    TableInput later;
    later.path = src.later;
    later.scheme_path = src.later_scheme;
    later.groups = e.group_names();
    Table l = select_area_codes(read(later), e.area_codes());
    e.clear_declared_total();
    l.clear_declared_total();

    TableInput hh;
    hh.path = src.households;
    hh.levels_from = src.households_lookup;
    hh.wide.group_columns = {"owned", "shared_ownership", "social_rented", "private_rented", "rent_free"};
    hh.aggregate_to = "lsoa21cd";
    const Table tenure = select_area_codes(read(hh), e.area_codes());

    AreaLayer layer = readers.layer ? readers.layer(src.boundaries) : load_area_layer(src.boundaries);
    std::unordered_map<std::string, std::size_t> feature;
    for (std::size_t f = 0; f < layer.size(); ++f) feature.emplace(layer.codes[f], f);
    std::vector<std::size_t> keep;
    for (const auto& code : e.area_codes()) {
        const auto it = feature.find(code);
        if (it == feature.end()) throw Error(src.boundaries + ": no polygon for area " + code + " of " + src.name);
        keep.push_back(it->second);
    }
    const AreaLayer town_layer = subset_layer(layer, keep);
    town.neighbourhood = row_standardised(with_self(contiguity_weights(town_layer)));

    town.codes = e.area_codes();
    town.groups = e.group_names();
    const std::size_t n = town.codes.size();
    town.households.resize(n);
    town.private_share.resize(n);
    town.social_share.resize(n);
    town.x_km.resize(n);
    town.y_km.resize(n);
    const std::size_t pr = tenure.group_index("private_rented"), so = tenure.group_index("social_rented");
    for (std::size_t i = 0; i < n; ++i) {
        double total = 0;
        for (std::size_t g = 0; g < tenure.groups(); ++g) total += tenure.count(i, g);
        if (total <= 0) throw Error(src.households + ": no households in area " + town.codes[i]);
        town.households[i] = total;
        town.private_share[i] = tenure.count(i, pr) / total;
        town.social_share[i] = tenure.count(i, so) / total;
        town.x_km[i] = town_layer.centroid_x[i] / 1000.0;
        town.y_km[i] = town_layer.centroid_y[i] / 1000.0;
    }
    town.earlier = std::move(e);
    town.later = std::move(l);
    town.notes.push_back(fmt::format("{}: {} areas (2021 LSOAs), {} groups; 2011 people {:.0f}, 2021 people {:.0f}, "
                                     "2021 households {:.0f}",
                                     town.name, n, town.groups.size(),
                                     total(town.earlier.group_sum()), total(town.later.group_sum()), total(town.households)));
    return town;
}

std::vector<double> household_size(const Town& town) {
    const auto people = town.later.group_sum();
    std::vector<double> size(town.areas());
    for (std::size_t i = 0; i < size.size(); ++i) size[i] = std::max(1.0, people[i] / town.households[i]);
    return size;
}

namespace {

// Round one area's fractional households to integers keeping the rounded total (largest remainder).
void round_area(const std::vector<double>& values, std::vector<std::int64_t>& out) {
    const double total = std::accumulate(values.begin(), values.end(), 0.0);
    const auto whole = static_cast<std::int64_t>(std::llround(total));
    std::int64_t sum = 0;
    std::vector<std::pair<double, std::size_t>> rest;
    for (std::size_t g = 0; g < values.size(); ++g) {
        out[g] = static_cast<std::int64_t>(std::floor(values[g]));
        sum += out[g];
        rest.emplace_back(values[g] - std::floor(values[g]), g);
    }
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (std::size_t q = 0; sum < whole && q < rest.size(); ++q, ++sum) ++out[rest[q].second];
}

}  // namespace

SimulationSetup make_setup(const Town& town, bool from_later, int years, double vacancy_rate) {
    const std::size_t n = town.areas(), k = town.groups.size();
    const auto size = household_size(town);
    SimulationSetup s;
    s.area_codes = town.codes;
    s.group_names = town.groups;
    s.start.resize(n * k);
    s.capacity_start.resize(n);
    s.capacity_end.resize(n);
    s.private_share = town.private_share;
    s.social_share = town.social_share;
    s.x_km = town.x_km;
    s.y_km = town.y_km;
    s.neighbourhood = town.neighbourhood;
    s.years = years;
    s.first_year = from_later ? town.later_year : town.earlier_year;
    const Table& start = from_later ? town.later : town.earlier;
    const auto people11 = town.earlier.group_sum();
    const auto people21 = town.later.group_sum();
    const double span = town.later_year - town.earlier_year;
    std::vector<double> values(k);
    std::vector<std::int64_t> rounded(k);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t g = 0; g < k; ++g) values[g] = start.count(i, g) / size[i];
        round_area(values, rounded);
        std::int64_t occupied = 0;
        for (std::size_t g = 0; g < k; ++g) {
            s.start[g * n + i] = rounded[g];
            occupied += rounded[g];
        }
        const double h11 = people11[i] / size[i], h21 = town.households[i];
        // Dwellings = households × (1 + vacancy rate); at least the households placed.
        const double c11 = std::max(static_cast<double>(occupied), h11 * (1 + vacancy_rate));
        const double c21 = h21 * (1 + vacancy_rate);
        if (!from_later) {
            s.capacity_start[i] = std::max(c11, static_cast<double>(occupied));
            s.capacity_end[i] = std::max(c21, 0.0);
        } else {
            // Keep building at the area's 2011 → 2021 pace (never demolishing).
            const double per_year = std::max(0.0, (c21 - c11) / span);
            s.capacity_start[i] = std::max(c21, static_cast<double>(occupied));
            s.capacity_end[i] = s.capacity_start[i] + per_year * years;
        }
    }
    // Each group's households grow at their observed 2011 → 2021 yearly rate.
    s.group_growth.resize(k);
    for (std::size_t g = 0; g < k; ++g) {
        double a = 0, b = 0;
        for (std::size_t i = 0; i < n; ++i) {
            a += town.earlier.count(i, g) / size[i];
            b += town.later.count(i, g) / size[i];
        }
        s.group_growth[g] = a > 0 && b > 0 ? std::pow(b / a, 1.0 / span) : 1.0;
    }
    return s;
}

}  // namespace cohesion

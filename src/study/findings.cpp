#include "study/findings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>

#include "analysis/group_labels.hpp"
#include "analysis/hub_siting.hpp"
#include "analysis/licensing_screen.hpp"
#include "geo/place_layer.hpp"
#include "output/people_text.hpp"
#include "change/mutual_difference.hpp"
#include "core/error.hpp"
#include "change/pace_of_change.hpp"
#include "inference/bootstrap_summary.hpp"
#include "study/national_change.hpp"
#include "study/study_profile.hpp"

namespace cohesion {

namespace {

std::string name_of(const std::string& group) { return group_label(group).short_name; }

// "about two in three" for a share of people who would have to move (dissimilarity).
std::string fraction_phrase(double d) {
    static const std::pair<double, const char*> phrases[] = {
        {0.10, "one in ten"}, {0.20, "one in five"}, {0.25, "one in four"}, {0.33, "one in three"},
        {0.40, "two in five"}, {0.50, "half"}, {0.60, "three in five"}, {0.67, "two in three"},
        {0.75, "three in four"}, {0.80, "four in five"}, {0.90, "nine in ten"}};
    const auto* best = &phrases[0];
    for (const auto& p : phrases)
        if (std::abs(p.first - d) < std::abs(best->first - d)) best = &p;
    return best->second;
}

std::string ordinal(int n) {
    const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

std::string decimal(double v, int digits) {
    const double rounded = std::round(v * std::pow(10.0, digits)) / std::pow(10.0, digits);
    return fmt::format("{:.{}f}", rounded == 0.0 ? 0.0 : rounded, digits);  // no "-0.00"
}

std::string interval_text(const BootstrapSummary& v, int digits) {
    if (v.replicates == 0) return "";
    return fmt::format("; {:g} % interval {}–{}", 100.0 * v.confidence, decimal(v.ci_lower, digits),
                       decimal(v.ci_upper, digits));
}

Finding who_lives_apart(const Study& study, const TownProfile& p) {
    Finding f{"Who lives most apart", "", "Who lives most apart", "ranking", ""};
    const GroupRankings& r = p.ranking;
    std::vector<const GroupRanking*> ranked;
    for (const auto& g : r.groups)
        if (g.rank > 0) ranked.push_back(&g);
    if (ranked.empty()) {
        f.text = fmt::format("No group is large enough to be ranked (the rule: at least {} of residents and {} people).",
                             percent_text(r.rule.min_share), count_text(r.rule.min_people));
        return f;
    }
    const auto& top = *ranked[0];
    f.group = top.group;
    const bool pair = ranked.size() > 1 && ranked[1]->rank_lower <= 1;  // the second could be first
    if (pair) {
        const auto& second = *ranked[1];
        f.text = fmt::format(
            "{} ({} residents) and {} ({}) residents live the most apart from everyone else in {}: about {} of each "
            "group would have to move to another area for them to be spread like the rest of the town (dissimilarity "
            "{} and {} after removing small-sample bias{}{}).",
            name_of(top.group), count_text(top.people), name_of(second.group), count_text(second.people), study.town(),
            fraction_phrase((top.value.estimate + second.value.estimate) / 2), decimal(top.value.estimate, 2),
            decimal(second.value.estimate, 2), interval_text(top.value, 2),
            second.value.replicates ? fmt::format(" and {}–{}", decimal(second.value.ci_lower, 2),
                                                  decimal(second.value.ci_upper, 2))
                                    : "");
    } else {
        f.text = fmt::format(
            "{} residents ({}) live the most apart from everyone else in {}: about {} of them would have to move to "
            "another area to be spread like the rest of the town (dissimilarity {} after removing small-sample "
            "bias{}).",
            name_of(top.group), count_text(top.people), study.town(), fraction_phrase(top.value.estimate),
            decimal(top.value.estimate, 2), interval_text(top.value, 2));
    }
    if (top.rank_upper > top.rank_lower)
        f.text += fmt::format(" Across bootstrap samples {} ranks between {} and {}.", name_of(top.group),
                              ordinal(top.rank_lower), ordinal(top.rank_upper));
    if (top.chance)
        f.text += fmt::format(" Random chance alone would give about {} for a group of this size, so most of this "
                              "separation is real.",
                              decimal(top.chance->expected, 2));
    // Small groups with a higher raw index are named with their chance level, never ranked.
    std::vector<std::string> small;
    for (const auto& g : r.groups)
        if (g.rank == 0 && g.value.raw_value > top.value.raw_value && g.people > 0)
            small.push_back(fmt::format("{} ({} residents, dissimilarity {}{})", name_of(g.group), count_text(g.people),
                                        decimal(g.value.raw_value, 2),
                                        g.chance ? ", " + decimal(g.chance->expected, 2) + " expected by chance" : ""));
    if (!small.empty()) {
        std::string list;
        for (std::size_t k = 0; k < small.size(); ++k)
            list += (k == 0 ? "" : k + 1 == small.size() ? " and " : ", ") + small[k];
        f.text += fmt::format(" {} {} higher on the raw index but {} too small to rank (at least {} of residents and "
                              "{} people): in groups that small, chance alone makes the index high.",
                              list, small.size() == 1 ? "scores" : "score", small.size() == 1 ? "is" : "are",
                              percent_text(r.rule.min_share),
                              count_text(r.rule.min_people));
    }
    return f;
}

Finding all_groups(const TownProfile& p) {
    const BootstrapSummary& m = p.multigroup_values.at(0).value;
    return {"All groups together",
            fmt::format("Across all {} groups, segregation measured by Theil's M is {} (raw value {}{}); 0 would mean "
                        "every area had the town's mix.",
                        p.composition.rows.size(), decimal(m.estimate, 3), decimal(m.raw_value, 3), interval_text(m, 3)),
            "Who lives most apart", "all_groups", ""};
}

Finding where_enclaves(const Study& study, const TownProfile& p) {
    Finding f{"Where", "", "Where", "enclaves", p.focal};
    const std::string group = name_of(p.focal);
    if (!study.spatial()) return {};
    if (p.enclave_list.empty()) {
        f.text = fmt::format("No cluster of neighbouring areas with a significantly high {} share was found.", group);
        return f;
    }
    double in_enclaves = 0.0;
    for (const auto& e : p.enclave_list) in_enclaves += e.group_count;
    const auto& big = p.enclave_list.front();
    f.text = fmt::format(
        "{} of {}'s {} {} residents ({}) live in {} of neighbouring areas where their share is significantly high. "
        "The largest{} has {} areas and {} residents, {} of them {}{}.",
        count_text(in_enclaves), study.town(), count_text(p.focal_count), group,
        percent_text(p.focal_count > 0 ? in_enclaves / p.focal_count : 0.0),
        p.enclave_list.size() == 1 ? std::string("one cluster") : fmt::format("{} clusters", p.enclave_list.size()),
        study.places() && !big.place.empty() ? ", in " + big.place + "," : "", big.members.size(),
        count_text(big.population), percent_text(big.group_share), group,
        big.area_km2 > 0 ? fmt::format(", on {:.1f} km²", big.area_km2) : "");
    return f;
}

Finding change_finding(const Study& study) {
    Finding f{"Is it getting worse?", "", "Change over time", "change", ""};
    const auto& in = *study.change();
    const MutualDifference d = mutual_difference(in.earlier.table, in.later);
    const PaceOfChange pace = pace_of_change(in.earlier.table, in.later, PaceOptions{study.spec().change->years});
    const bool fell = d.diff < 0;
    // The group whose share changed most, and the fastest-growing group.
    std::size_t most = 0, fastest = 0;
    double fastest_growth = -1e300;
    for (std::size_t g = 0; g < pace.groups.size(); ++g) {
        const double delta = std::abs(pace.whole.share_b[g] - pace.whole.share_a[g]);
        if (delta > std::abs(pace.whole.share_b[most] - pace.whole.share_a[most])) most = g;
        const double growth = annualised_growth(pace.whole.count_a[g], pace.whole.count_b[g], pace.years);
        if (std::isfinite(growth) && growth > fastest_growth) {
            fastest_growth = growth;
            fastest = g;
        }
    }
    auto signed_part = [](double v, const char* what) {
        return fmt::format("{} {} by {}", what, v >= 0 ? "raised it" : "lowered it", decimal(std::abs(v), 3));
    };
    // "between 2011 and 2021" when the project gives the censuses' years.
    const auto& spec = *study.spec().change;
    const bool years_known = spec.earlier_year > 0 && spec.later_year > 0;
    const std::string between = years_known ? fmt::format("between {} and {}", spec.earlier_year, spec.later_year)
                                            : fmt::format("between the two censuses ({:g} years apart)", pace.years);
    const std::string areas = years_known ? fmt::format("{} neighbourhoods", spec.later_year) : "the later census's areas";
    // England & Wales on the same construction, when the shared national tables are there.
    std::string nation;
    if (!spec.national.empty())
        if (const auto n = national_change(spec.national, std::filesystem::path(spec.earlier.scheme_path).parent_path().string())) {
            nation = fmt::format(" while it {} across England and Wales ({} to {})", n->M_later < n->M_earlier ? "fell" : "rose",
                                 decimal(n->M_earlier, 3), decimal(n->M_later, 3));
            f.note = n->source;
        }
    f.text = fmt::format(
        "{} — {} segregation across the {} broad groups {} in {} (Theil's M from {} to {} on {}){}. The {} share {} from "
        "{} to {}, and {} grew fastest (about {} a year). The changing make-up of the town on its own {}; {}; {}.",
        fell ? "No" : "Yes", between, pace.groups.size(), fell ? "fell" : "rose", study.town(), decimal(d.M1, 3),
        decimal(d.M2, 3), areas, nation, name_of(pace.groups[most]),
        pace.whole.share_b[most] < pace.whole.share_a[most] ? "fell" : "rose", percent_text(pace.whole.share_a[most]),
        percent_text(pace.whole.share_b[most]), name_of(pace.groups[fastest]), percent_text(fastest_growth),
        d.group_marginal >= 0 ? "would have raised M by " + decimal(d.group_marginal, 3)
                              : "would have lowered M by " + decimal(-d.group_marginal, 3),
        signed_part(d.structural, d.structural < 0 ? "people of different groups living more mixed within areas"
                                                   : "people of different groups living further apart within areas"),
        signed_part(d.unit_marginal, "changing area sizes"));
    return f;
}

Finding english_finding(const Study& study) {
    Finding f{"English", "", "Targeting: ESOL need and isolation risk", "english", ""};
    const Table& t = study.targeting()->output_areas->topic("ts029");
    std::vector<double> need(t.areas(), 0.0);
    for (const char* column : {"not_well", "not_at_all"}) {
        if (!t.find_group(column)) return {};
        const auto c = t.column(t.group_index(column));
        for (std::size_t i = 0; i < need.size(); ++i) need[i] += c[i];
    }
    double total = 0.0;
    for (double v : need) total += v;
    if (total <= 0) return {};
    std::vector<double> sorted = need;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    auto top = [&](std::size_t k) {
        double s = 0.0;
        for (std::size_t i = 0; i < std::min(k, sorted.size()); ++i) s += sorted[i];
        return s / total;
    };
    f.text = fmt::format(
        "{} residents aged 3 and over cannot speak English well or at all (Census 2021). The 10 output areas with the "
        "most of them hold {} of them, the top 50 hold {}: classes and hubs placed there reach many of the people who "
        "need them.",
        count_text(total), percent_text(top(10)), percent_text(top(50)));
    return f;
}


// A column of a step's table by name (the hub and licensing steps hand back tables).
std::size_t column_of(const ResultTable& t, const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] == name) return c;
    throw Error("internal: table '" + t.title + "' has no column " + name);
}

std::string text_of(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    return cell_display(cell);
}

// "A, B and C" of the distinct names, in order.
std::string name_list(const std::vector<std::string>& names) {
    std::vector<std::string> distinct;
    for (const auto& n : names)
        if (!n.empty() && std::find(distinct.begin(), distinct.end(), n) == distinct.end()) distinct.push_back(n);
    std::string list;
    for (std::size_t k = 0; k < distinct.size(); ++k)
        list += (k == 0 ? "" : k + 1 == distinct.size() ? " and " : ", ") + distinct[k];
    return list;
}

// Each targeting area's place name (ward), by area code; empty without places in the same CRS.
std::map<std::string, std::string> targeting_places(const Study& study) {
    std::map<std::string, std::string> out;
    const AreaLayer* layer = study.targeting()->layer();
    const PlaceLayer* places = study.places();
    if (!layer || !places || places->areas.crs != layer->crs) return out;
    const auto names = place_of_areas(*layer, *places);
    for (std::size_t k = 0; k < names.size() && k < layer->codes.size(); ++k) out[layer->codes[k]] = names[k];
    return out;
}

std::string place_or_code(const std::map<std::string, std::string>& places, const std::string& code) {
    const auto it = places.find(code);
    return it != places.end() && !it->second.empty() ? it->second : code;
}

const char* number_word(std::size_t n) {
    static const char* words[] = {"No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"};
    return n < 11 ? words[n] : nullptr;
}

// Where the hubs would go and whom they would reach: the project's hub model, solved as
// the report's hub step solves it.
Finding hubs_finding(const Study& study, const std::map<std::string, std::string>& places) {
    Finding f{"Hubs", "", "Targeting: integration hubs", "hubs", ""};
    const auto& in = *study.targeting();
    if (!in.layer() || !study.spec().targeting) return {};
    const auto& spec = *study.spec().targeting;
    HubSitingOptions h;
    h.model = spec.model;
    h.p = spec.hubs;
    h.distance = spec.distance;
    const auto tables = hub_siting(*in.aggregated, *in.layer(), h);
    const ResultTable& hubs = tables.at(0);
    const ResultTable& areas = tables.at(1);
    std::vector<std::string> sites;
    for (const auto& row : hubs.rows) sites.push_back(place_or_code(places, text_of(row.at(column_of(hubs, "site")))));
    const std::size_t demand = column_of(areas, "demand"), distance = column_of(areas, "distance_m"),
                      within = column_of(areas, "within_distance");
    double total = 0.0, reached = 0.0, weighted = 0.0;
    for (const auto& row : areas.rows) {
        const double w = cell_number(row.at(demand));
        total += w;
        weighted += w * cell_number(row.at(distance));
        if (text_of(row.at(within)) == "yes") reached += w;
    }
    if (total <= 0 || hubs.rows.empty()) return {};
    const std::size_t n = hubs.rows.size();
    const std::string count = number_word(n) ? number_word(n) : std::to_string(n);
    const std::string how = spec.model == "maximal-covering"
                                ? fmt::format("sited to reach as many of the people who need English classes as possible within {:g} m",
                                              spec.distance)
                            : spec.model == "p-median" ? std::string("sited to keep the journeys of people who need English classes short")
                                                       : fmt::format("sited to put everyone who needs English classes within {:g} m", spec.distance);
    f.text = fmt::format(
        "{} {} {} would be in {} and would reach {} of them ({}) within {:g} m; on average, they would live {:.1f} km "
        "from their nearest hub.",
        count, n == 1 ? "hub" : "hubs", how, name_list(sites), count_text(reached), percent_text(reached / total),
        spec.distance, weighted / total / 1000.0);
    return f;
}

// The largest candidate zone for selective licensing and whether the proposal needs the
// Secretary of State's confirmation (either 20 % limit exceeded).
Finding licensing_finding(const Study& study, const std::map<std::string, std::string>& places) {
    Finding f{"Private renting", "", "Targeting: selective licensing screen", "licensing", ""};
    const auto& in = *study.targeting();
    if (!in.tenure) return {};
    const SpatialData& d = *in.tenure;
    const auto tables = licensing_screen(*in.aggregated, d.table, {}, &d.weights, area_km2(d));
    const ResultTable& zones = tables.at(0);
    const ResultTable& areas = tables.at(1);
    const std::size_t zone = column_of(zones, "zone"), n_areas = column_of(zones, "areas"),
                      rented = column_of(zones, "private_rented"), rented_share = column_of(zones, "share_of_private_rented"),
                      land = column_of(zones, "share_of_area");
    const std::vector<Cell>* largest = nullptr;
    const std::vector<Cell>* whole = nullptr;
    std::size_t count = 0;
    for (const auto& row : zones.rows) {
        if (text_of(row.at(zone)) == "whole proposal") {
            whole = &row;
            continue;
        }
        ++count;
        if (!largest || cell_number(row.at(rented)) > cell_number(largest->at(rented))) largest = &row;
    }
    if (!largest) {
        f.text = fmt::format("No area of {} has both a private-rented share and an EU8/EU2-born share above the England "
                             "& Wales shares, so the screen suggests no selective licensing zone.",
                             study.town());
        return f;
    }
    if (!whole) whole = largest;
    std::vector<std::string> names;
    const std::size_t area_zone = column_of(areas, "zone");
    const std::string largest_name = text_of(largest->at(zone));
    for (const auto& row : areas.rows)
        if (text_of(row.at(area_zone)) == largest_name) names.push_back(place_or_code(places, text_of(row.at(0))));
    const double rented_whole = cell_number(whole->at(rented_share)), land_whole = cell_number(whole->at(land));
    const bool over_rented = rented_whole > 0.20, over_land = land_whole > 0.20;
    f.text = fmt::format(
        "{} of {} neighbourhoods{} holds {} of {}'s privately rented homes ({} of them) on {} of its land.",
        count == 1 ? std::string("One contiguous zone") : fmt::format("The largest of {} candidate zones, one", count),
        cell_number(largest->at(n_areas)), names.empty() ? "" : " (" + name_list(names) + ")",
        percent_text(cell_number(largest->at(rented_share))), study.town(), count_text(cell_number(largest->at(rented))),
        percent_text(cell_number(largest->at(land))));
    f.text += fmt::format(
        " {} {} the 20 % limit on area and {} the 20 % limit on privately rented homes, so a selective licensing "
        "scheme covering {} {} the Secretary of State's confirmation.",
        count == 1 ? "That is" : fmt::format("All {} zones together ({} of privately rented homes, {} of the land) are",
                                             count, percent_text(rented_whole), percent_text(land_whole)),
        over_land ? "above" : "within", over_rented ? "above" : "within",
        count == 1 ? "the whole zone" : "all of them", over_rented || over_land ? "would need" : "would not need");
    return f;
}

}  // namespace

std::vector<Finding> study_findings(const Study& study, const TownProfile& profile) {
    std::vector<Finding> out{who_lives_apart(study, profile), all_groups(profile)};
    if (auto f = where_enclaves(study, profile); !f.text.empty()) out.push_back(f);
    if (study.change()) out.push_back(change_finding(study));
    if (study.targeting()) {
        if (auto f = english_finding(study); !f.text.empty()) out.push_back(f);
        const auto places = targeting_places(study);
        if (auto f = hubs_finding(study, places); !f.text.empty()) out.push_back(f);
        if (auto f = licensing_finding(study, places); !f.text.empty()) out.push_back(f);
    }
    return out;
}

std::vector<Finding> study_findings(const Study& study) { return study_findings(study, study_town_profile(study)); }

ResultTable findings_table(const std::vector<Finding>& findings, const std::string& town) {
    ResultTable t;
    t.title = "Findings: " + town;
    t.columns = {"topic", "group_name", "heading", "text", "section"};
    for (const auto& f : findings) t.add_row({f.topic, f.group, f.heading, f.text, f.section});
    t.notes.push_back("the sentences of the report's first page; 'section' names the report section with the table "
                      "or map behind each");
    for (const auto& f : findings)
        if (!f.note.empty()) t.notes.push_back(f.note);
    return t;
}

}  // namespace cohesion

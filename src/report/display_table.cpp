#include "report/display_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "analysis/group_labels.hpp"
#include "output/people_text.hpp"

namespace cohesion {

namespace {

struct ColumnWords {
    std::string heading;
    ColumnKind kind = ColumnKind::unknown;
    int decimals = -1;  // for number columns: fixed decimals (-1 = by size)
};

// The column names the analyses write, in words. {A}/{B} stand for the years.
const std::map<std::string, ColumnWords>& dictionary() {
    using K = ColumnKind;
    static const std::map<std::string, ColumnWords> words = {
        {"group_name", {"Group", K::group}},
        {"focal", {"Group", K::group}},
        {"versus", {"Against", K::group}},
        {"people", {"Residents", K::count}},
        {"population", {"Residents", K::count}},
        {"total", {"Residents", K::count}},
        {"share", {"Share of residents", K::share}},
        {"reference_share", {"Share in the reference area", K::share}},
        {"dissimilarity", {"Dissimilarity (bias-corrected)", K::index}},
        {"raw_value", {"Raw value", K::index}},
        {"estimate", {"Estimate (bias-corrected)", K::index}},
        {"std_error", {"Standard error", K::index}},
        {"bias", {"Bias", K::index}},
        {"isolation", {"Isolation", K::index}},
        {"expected_if_random", {"Expected by chance", K::index}},
        {"excess_over_random", {"Excess over chance", K::index}},
        {"p_value", {"p-value", K::p_value}},
        {"p", {"p-value", K::p_value}},
        {"rank", {"Rank", K::rank}},
        {"ranked", {"Ranked", K::text}},
        {"reason", {"Why not ranked", K::text}},
        {"index_name", {"Index", K::text}},
        {"enclave", {"Enclave", K::text}},
        {"name", {"Place", K::text}},
        {"place", {"Place", K::text}},
        {"area", {"Area", K::text}},
        {"areas", {"Areas", K::count}},
        {"core_area", {"Core area", K::text}},
        {"group_count", {"Residents of the group", K::count}},
        {"group_share", {"Group's share", K::share}},
        {"share_of_group_in_town", {"Share of the town's group", K::share}},
        {"area_km2", {"Area (km²)", K::number, 2}},
        {"count", {"Residents", K::count}},
        {"change_pp", {"Change (points)", K::points}},
        {"annual_growth", {"Growth a year", K::share}},
        {"component", {"Part", K::text}},
        {"value", {"Value", K::index}},
        {"meaning", {"Meaning", K::text}},
        {"difference", {"Difference", K::index}},
        {"raw_difference", {"Raw difference", K::index}},
        {"fast", {"Fast change", K::text}},
        {"pace", {"Pace of change", K::index}},
        {"entropy", {"Diversity (entropy)", K::index}},
        {"local_segregation", {"Local segregation", K::index}},
        {"structural_contribution", {"Part in the sorting change", K::number}},
        {"weight", {"Weight", K::number, 2}},
        {"source", {"Source", K::text}},
        {"top_k_areas", {"Areas served", K::count}},
        {"need_reached", {"People reached", K::count}},
        {"share_of_need", {"Share of need", K::share}},
        {"residents_3plus", {"Residents aged 3+", K::count}},
        {"priority", {"Priority", K::text}},
        {"need", {"People in need", K::count}},
        {"need_rate", {"Need rate", K::share}},
        {"need_rate_smoothed", {"Need rate (smoothed)", K::share}},
        {"accession_share", {"Born in EU8/EU2", K::share}},
        {"accession_born_share", {"Born in EU8/EU2", K::share}},
        {"private_rented_share", {"Privately rented", K::share}},
        {"score", {"Score", K::number, 2}},
        {"cumulative_need", {"Cumulative need", K::count}},
        {"cumulative_share_of_need", {"Cumulative share of need", K::share}},
        {"hub", {"Hub", K::rank}},
        {"site", {"Site", K::text}},
        {"lon", {"Longitude", K::number, 4}},
        {"lat", {"Latitude", K::number, 4}},
        {"areas_served", {"Areas served", K::count}},
        {"demand_served", {"People served", K::count}},
        {"demand_within_distance", {"People within the distance", K::count}},
        {"distance_m", {"Distance (m)", K::metres}},
        {"demand", {"People in need", K::count}},
        {"within_distance", {"Within the distance", K::text}},
        {"zone", {"Zone", K::text}},
        {"households", {"Households", K::count}},
        {"private_rented", {"Privately rented homes", K::count}},
        {"share_of_private_rented", {"Share of privately rented homes", K::share}},
        {"share_of_area", {"Share of land", K::share}},
        {"vs_national", {"Against the national share", K::number, 2}},
        {"candidate", {"Candidate", K::text}},
        {"scenario", {"Scenario", K::text}},
        {"year", {"Year", K::text}},
        {"low", {"Low", K::index}},
        {"high", {"High", K::index}},
        {"difference_from_baseline", {"Against the baseline", K::index}},
        {"baseline_share_pct", {"Baseline (%)", K::number, 1}},
        {"scenario_share_pct", {"Scenario (%)", K::number, 1}},
        {"change_points", {"Change (points)", K::points}},
        {"households_change", {"Households change", K::count}},
        {"code", {"Area", K::text}},
    };
    return words;
}

// Codes the analyses write as values (index names, Shapley parts), in words.
const std::map<std::string, std::string>& value_words() {
    static const std::map<std::string, std::string> words = {
        {"mutual_information", "Theil's M (mutual information)"},
        {"information_theory", "Theil's H (information theory)"},
        {"multi_dissimilarity", "Multigroup dissimilarity"},
        {"dissimilarity", "Dissimilarity"},
        {"isolation", "Isolation"},
        {"group_marginal", "Composition (group sizes)"},
        {"unit_marginal", "Area sizes"},
        {"structural", "Sorting (people living more apart or mixed)"},
        {"additions", "Areas or groups added"},
        {"removals", "Areas or groups removed"},
        {"difference", "Difference"},
    };
    return words;
}

std::string words_of(const std::string& snake) {
    std::string out;
    for (char c : snake) out += c == '_' ? ' ' : c;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string year_of(char side, const DisplayOptions& o) {
    if (side == 'a') return o.earlier.empty() ? "earlier" : o.earlier;
    return o.later.empty() ? "later" : o.later;
}

ColumnWords resolve(const std::string& name, const DisplayOptions& o) {
    const auto& dict = dictionary();
    if (const auto it = dict.find(name); it != dict.end()) return it->second;
    if (name == "A" || name == "B") return {year_of(static_cast<char>(name[0] - 'A' + 'a'), o), ColumnKind::index};
    if (name == "raw_A" || name == "raw_B") return {"Raw " + year_of(static_cast<char>(name[4] - 'A' + 'a'), o), ColumnKind::index};
    if (name == "count_a" || name == "count_b" || name == "total_a" || name == "total_b")
        return {"Residents " + year_of(name.back(), o), ColumnKind::count};
    if (name == "share_a" || name == "share_b") return {"Share " + year_of(name.back(), o), ColumnKind::share};
    if (ends_with(name, "_a") || ends_with(name, "_b")) {
        ColumnWords w = resolve(name.substr(0, name.size() - 2), o);
        w.heading += " " + year_of(name.back(), o);
        return w;
    }
    if (ends_with(name, "_change_pp"))
        return {group_label(name.substr(0, name.size() - 10)).short_name + " change (points)", ColumnKind::points};
    if (ends_with(name, "_share_pct"))  // what-if end states: percentages already
        return {group_label(name.substr(0, name.size() - 10)).short_name + " (%)", ColumnKind::number, 1};
    if (ends_with(name, "_share"))
        return {group_label(name.substr(0, name.size() - 6)).short_name + " share", ColumnKind::share};
    if (ends_with(name, "_count")) return {words_of(name.substr(0, name.size() - 6)), ColumnKind::count};
    if (ends_with(name, "_km2")) return {words_of(name.substr(0, name.size() - 4)) + " (km²)", ColumnKind::number, 2};
    if (ends_with(name, "_pp")) return {words_of(name.substr(0, name.size() - 3)) + " (points)", ColumnKind::points};
    return {words_of(name), ColumnKind::unknown};
}

std::optional<double> number_of(const Cell& cell) {
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*i);
    return std::nullopt;
}

// Fixed decimals, no float noise and no "-0"; float noise (|v| < 1e-9) is shown as 0.
std::string fixed(double v, int decimals) {
    if (std::abs(v) < 1e-9) return "0";
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(v * scale) / scale;
    if (rounded == 0.0) rounded = 0.0;
    return fmt::format("{:.{}f}", rounded, decimals);
}

// A number of unknown meaning: whole numbers with separators, others to about 3 significant digits.
std::string plain_number(double v, int decimals) {
    if (std::isnan(v)) return "";
    if (std::abs(v) < 1e-9) return "0";
    if (decimals >= 0) return fixed(v, decimals);
    if (std::abs(v) >= 100 || v == std::round(v)) return count_text(v);
    if (std::abs(v) >= 1) return fixed(v, 2);
    const int digits = std::min(6, 2 - static_cast<int>(std::floor(std::log10(std::abs(v)))));
    return fixed(v, digits);
}

std::string table_percent(double share) {
    double pct = 100.0 * share;
    if (std::abs(pct) < 1e-9) return "0 %";
    if (std::abs(pct) < 0.05) return pct > 0 ? "< 0.1 %" : "> -0.1 %";
    return fixed(pct, 1) + " %";
}

// `full_labels`: the census category name for a group ("White: Irish"), where the table is
// narrow enough; else its short form ("Irish").
std::string format_value(const Cell& cell, ColumnKind kind, int decimals, bool full_labels = false) {
    if (std::holds_alternative<std::monostate>(cell)) return "";
    if (const auto* s = std::get_if<std::string>(&cell)) {
        if (kind == ColumnKind::group) return full_labels ? group_label(*s).census : group_label(*s).short_name;
        if (const auto it = value_words().find(*s); it != value_words().end()) return it->second;
        return *s;
    }
    const double v = *number_of(cell);
    if (std::isnan(v)) return "";
    switch (kind) {
        case ColumnKind::count:
        case ColumnKind::metres: return count_text(v);
        case ColumnKind::rank: return std::abs(v - std::round(v)) < 1e-9 ? count_text(v) : fixed(v, 1);
        case ColumnKind::share: return table_percent(v);
        case ColumnKind::index: return fixed(v, decimals >= 0 ? decimals : 3);
        case ColumnKind::p_value: return v < 0.001 ? "< 0.001" : fixed(v, 3);
        case ColumnKind::points: {
            const std::string t = fixed(v, 1);
            return t == "0" || t == "0.0" ? "0" : (v > 0 ? "+" : "") + t;
        }
        case ColumnKind::text:  // a number in a column of labels (a year): no separators
            return v == std::round(v) && std::abs(v) < 1e15 ? fmt::format("{:.0f}", v) : plain_number(v, decimals);
        default: return plain_number(v, decimals);
    }
}

// One column of the displayed table: one source column, or an interval merged from two,
// or a rank with its interval.
struct Shown {
    ColumnWords words;
    std::vector<std::size_t> from;
    enum { single, interval, rank_interval } style = single;
};

int find(const ResultTable& t, const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c] == name) return static_cast<int>(c);
    return -1;
}

// The kind a column's values suggest when neither the analysis nor the dictionary says.
ColumnKind kind_from_values(const ResultTable& t, std::size_t c) {
    bool any_number = false, whole = true;
    for (const auto& row : t.rows) {
        if (c >= row.size()) continue;
        if (std::holds_alternative<std::string>(row[c])) return ColumnKind::text;
        if (const auto v = number_of(row[c])) {
            any_number = true;
            if (std::isfinite(*v) && *v != std::round(*v)) whole = false;
        }
    }
    return any_number && whole ? ColumnKind::count : ColumnKind::number;
}

}  // namespace

std::string display_value(const Cell& cell, ColumnKind kind) { return format_value(cell, kind, -1); }

std::string display_heading(const std::string& column, const DisplayOptions& options) {
    return resolve(column, options).heading;
}

std::string display_paths(const std::string& text, const DisplayOptions& options) {
    namespace fs = std::filesystem;
    std::string base = options.base_folder;
    if (base.empty()) {
        std::error_code ec;
        base = fs::current_path(ec).string();
    }
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    std::string out;
    for (std::size_t k = 0; k < text.size();) {
        const bool starts = text[k] == '/' && (k == 0 || text[k - 1] == ' ' || text[k - 1] == '(' || text[k - 1] == ':' ||
                                               text[k - 1] == '=' || text[k - 1] == '\'' || text[k - 1] == '"');
        if (!starts) {
            out += text[k++];
            continue;
        }
        std::size_t end = k;
        while (end < text.size() && text[end] != ' ' && text[end] != ')' && text[end] != '\'' && text[end] != '"' &&
               text[end] != ';')
            ++end;
        std::string path = text.substr(k, end - k);
        std::string tail;
        while (!path.empty() && (path.back() == ',' || path.back() == '.')) tail.insert(tail.begin(), path.back()), path.pop_back();
        if (path.find('/', 1) == std::string::npos) {
            out += path + tail;  // "/" alone or "/x": not a path of the machine
        } else if (!base.empty() && path.size() > base.size() && path.compare(0, base.size(), base) == 0 &&
                   path[base.size()] == '/') {
            out += path.substr(base.size() + 1) + tail;
        } else {
            out += fs::path(path).filename().string() + tail;
        }
        k = end;
    }
    return out;
}

DisplayTable display_table(const ResultTable& t, std::size_t max_rows, const DisplayOptions& options) {
    const std::size_t n = t.columns.size();
    std::vector<ColumnWords> words(n);
    for (std::size_t c = 0; c < n; ++c) {
        words[c] = resolve(t.columns[c], options);
        if (t.kind_of(c) != ColumnKind::unknown) words[c].kind = t.kind_of(c);  // the analysis knows best
        if (words[c].kind == ColumnKind::unknown) words[c].kind = kind_from_values(t, c);
    }
    std::vector<char> used(n, 0);
    std::vector<Shown> shown;
    auto base_kind = [&](const std::string& base, ColumnKind fallback) {
        const int b = find(t, base);
        return b >= 0 && words[static_cast<std::size_t>(b)].kind != ColumnKind::text ? words[static_cast<std::size_t>(b)].kind
                                                                                       : fallback;
    };
    for (std::size_t c = 0; c < n; ++c) {
        if (used[c]) continue;
        const std::string& name = t.columns[c];
        used[c] = 1;
        if (name == "rank") {
            const int lo = find(t, "rank_lower"), hi = find(t, "rank_upper");
            if (lo >= 0 && hi >= 0) {
                used[static_cast<std::size_t>(lo)] = used[static_cast<std::size_t>(hi)] = 1;
                shown.push_back({{"Rank (95 % interval)", ColumnKind::rank},
                                 {c, static_cast<std::size_t>(lo), static_cast<std::size_t>(hi)},
                                 Shown::rank_interval});
                continue;
            }
        }
        // X_lower + X_upper, ci_lower + ci_upper, low + high: one interval column.
        std::string upper_name, base;
        if (ends_with(name, "lower")) {
            upper_name = name.substr(0, name.size() - 5) + "upper";
            base = name.substr(0, name.size() - 5);
        } else if (name == "low") {
            upper_name = "high";
        }
        if (const int hi = upper_name.empty() ? -1 : find(t, upper_name); hi >= 0 && !used[static_cast<std::size_t>(hi)]) {
            used[static_cast<std::size_t>(hi)] = 1;
            while (!base.empty() && base.back() == '_') base.pop_back();
            if (ends_with(base, "_ci")) base.resize(base.size() - 3);
            ColumnWords w;
            if (name == "low") {
                w = {"Range", base_kind("value", words[c].kind)};
            } else if (base.empty() || base == "ci") {
                w = {"95 % interval", base_kind("estimate", words[c].kind == ColumnKind::unknown ? ColumnKind::index : words[c].kind)};
            } else {
                const ColumnWords b = resolve(base, options);
                w = {b.heading + " (95 % interval)", base_kind(base, b.kind == ColumnKind::unknown ? words[c].kind : b.kind),
                     b.decimals};
            }
            shown.push_back({w, {c, static_cast<std::size_t>(hi)}, Shown::interval});
            continue;
        }
        shown.push_back({words[c], {c}, Shown::single});
    }

    DisplayTable d;
    d.title = t.title;
    // "(B - A)" in a title: the later census minus the earlier.
    if (const auto at = d.title.find("(B - A)"); at != std::string::npos)
        d.title.replace(at, 7, "(" + year_of('b', options) + " minus " + year_of('a', options) + ")");
    d.total_rows = t.rows.size();
    for (const auto& s : shown) {
        d.headings.push_back(s.words.heading);
        d.numeric.push_back(s.words.kind != ColumnKind::text && s.words.kind != ColumnKind::group);
    }
    auto cell = [](const std::vector<Cell>& row, std::size_t c) -> const Cell& {
        static const Cell missing{};
        return c < row.size() ? row[c] : missing;
    };
    const std::size_t rows = std::min(max_rows, t.rows.size());
    const bool full_labels = shown.size() <= 4;  // room for "Asian/Asian British: Pakistani"
    for (std::size_t r = 0; r < rows; ++r) {
        std::vector<std::string> line;
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const Shown& s = shown[k];
            const auto& row = t.rows[r];
            std::string text;
            if (s.style == Shown::single) {
                text = format_value(cell(row, s.from[0]), s.words.kind, s.words.decimals, full_labels);
                if (text == "M_A" || text == "M_B")  // the Shapley table's first rows
                    text = "M in " + year_of(static_cast<char>(text[2] - 'A' + 'a'), options);
            } else if (s.style == Shown::interval) {
                std::string lo = format_value(cell(row, s.from[0]), s.words.kind, s.words.decimals);
                const std::string hi = format_value(cell(row, s.from[1]), s.words.kind, s.words.decimals);
                // "0.67–0.69"; with a negative end the dash would read as a minus sign.
                const bool negative = (!lo.empty() && lo[0] == '-') || (!hi.empty() && hi[0] == '-');
                if (!negative && lo.ends_with(" %") && hi.ends_with(" %") && lo[0] != '<')
                    lo.resize(lo.size() - 2);  // "13.9–21.4 %": one unit for the pair
                text = lo.empty() || hi.empty() ? lo + hi : lo + (negative ? " to " : "–") + hi;
            } else {
                text = format_value(cell(row, s.from[0]), ColumnKind::rank, -1);
                if (text.empty()) text = "–";  // not ranked
                const std::string lo = format_value(cell(row, s.from[1]), ColumnKind::rank, -1);
                const std::string hi = format_value(cell(row, s.from[2]), ColumnKind::rank, -1);
                if (number_of(cell(row, s.from[1])) && number_of(cell(row, s.from[2])) && lo != hi)
                    text += " (" + lo + "–" + hi + ")";
            }
            line.push_back(std::move(text));
        }
        d.rows.push_back(std::move(line));
    }
    for (const auto& note : t.notes) d.notes.push_back(display_paths(note, options));
    return d;
}

}  // namespace cohesion

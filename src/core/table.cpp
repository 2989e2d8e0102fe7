#include "core/table.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cohesion {

namespace {
// Lists the names for a message; a very wide table's first names show what it holds
// without making the message as long as its header.
std::string join_names(const std::vector<std::string>& names) {
    constexpr std::size_t shown = 60;
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) {
        if (i) out += ", ";
        out += names[i];
    }
    if (names.size() > shown) out += ", ... (" + std::to_string(names.size()) + " in all)";
    return out;
}
}  // namespace

Table::Table(std::vector<std::string> area_codes, std::vector<std::string> group_names)
    : area_codes_(std::move(area_codes)),
      group_names_(std::move(group_names)),
      counts_(area_codes_.size() * group_names_.size(), 0.0) {}

std::span<const double> Table::column(std::size_t group) const {
    return {counts_.data() + group * areas(), areas()};
}

std::span<double> Table::column(std::size_t group) { return {counts_.data() + group * areas(), areas()}; }

std::optional<std::size_t> Table::find_group(std::string_view name) const {
    auto it = std::find(group_names_.begin(), group_names_.end(), name);
    if (it == group_names_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - group_names_.begin());
}

std::size_t Table::group_index(std::string_view name) const {
    if (auto g = find_group(name)) return *g;
    throw Error(Location{source_, 0, std::string(name)},
                "unknown group; expected one of: " + join_names(group_names_));
}

std::size_t Table::group_index(std::string_view name, const std::string& field) const {
    if (auto g = find_group(name)) return *g;
    throw Error(Location{source_, 0, {}}, Field{field},
                "group '" + std::string(name) + "' is not in the table (groups: " + join_names(group_names_) + ")");
}

void Table::set_declared_total(std::string name, std::vector<double> totals) {
    if (totals.size() != areas()) throw Error("declared total has " + std::to_string(totals.size()) +
                                              " values for " + std::to_string(areas()) + " areas");
    declared_total_name_ = std::move(name);
    declared_total_ = std::move(totals);
}

void Table::clear_declared_total() {
    declared_total_name_.clear();
    declared_total_.clear();
}

std::vector<double> Table::group_sum() const {
    std::vector<double> sum(areas(), 0.0);
    for (std::size_t g = 0; g < groups(); ++g) {
        const double* col = counts_.data() + g * areas();
        for (std::size_t i = 0; i < areas(); ++i) sum[i] += col[i];
    }
    return sum;
}

std::vector<double> Table::unit_total() const {
    if (has_declared_total()) return declared_total_;
    return group_sum();
}

const Level* Table::find_level(std::string_view name) const {
    for (const auto& level : levels_)
        if (level.name == name) return &level;
    return nullptr;
}

const Level& Table::level(std::string_view name) const {
    if (const Level* found = find_level(name)) return *found;
    std::vector<std::string> names;
    for (const auto& level : levels_) names.push_back(level.name);
    throw Error(Location{source_, 0, std::string(name)},
                "unknown level; expected one of: " + (names.empty() ? std::string("(none)") : join_names(names)));
}

void Table::add_level(Level level) {
    if (level.labels.size() != areas())
        throw Error("level '" + level.name + "' has " + std::to_string(level.labels.size()) + " labels for " +
                    std::to_string(areas()) + " areas");
    for (auto& existing : levels_)
        if (existing.name == level.name) {
            existing = std::move(level);
            return;
        }
    levels_.push_back(std::move(level));
}

void Table::add_group(std::string name, std::vector<double> values) {
    if (values.size() != areas())
        throw Error("group '" + name + "' has " + std::to_string(values.size()) + " values for " +
                    std::to_string(areas()) + " areas");
    if (find_group(name)) throw Error(Location{source_, 0, name}, "group already exists");
    group_names_.push_back(std::move(name));
    counts_.insert(counts_.end(), values.begin(), values.end());
}

}  // namespace cohesion

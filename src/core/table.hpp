#pragma once
// Table — N areas × K groups of non-negative counts, the input of every analysis.
//
// Storage is columnar (one contiguous column of doubles per group) because every
// index streams whole group columns; counts are doubles because harmonised or
// interpolated counts are fractional. An optional declared area total (e.g. the
// census `Persons` column) may exceed the sum of the listed groups: two-group
// indices use it as the unit total, multigroup indices use the listed groups
// (see docs/conventions.md).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cohesion {

// A named hierarchy level: one label per area (e.g. LSOA code, LAD name).
struct Level {
    std::string name;
    std::vector<std::string> labels;
};

class Table {
public:
    Table() = default;
    Table(std::vector<std::string> area_codes, std::vector<std::string> group_names);

    std::size_t areas() const noexcept { return area_codes_.size(); }
    std::size_t groups() const noexcept { return group_names_.size(); }

    const std::vector<std::string>& area_codes() const noexcept { return area_codes_; }
    const std::vector<std::string>& group_names() const noexcept { return group_names_; }

    std::span<const double> column(std::size_t group) const;
    std::span<double> column(std::size_t group);
    double count(std::size_t area, std::size_t group) const { return counts_[group * areas() + area]; }

    // Index of a group by name; throws Error naming the available groups.
    std::size_t group_index(std::string_view name) const;
    // The same for a group the caller chose in `field` ("group", "versus", "merge"): the
    // error names the field, so each front end can name its own flag, key or parameter.
    std::size_t group_index(std::string_view name, const std::string& field) const;
    std::optional<std::size_t> find_group(std::string_view name) const;

    // Declared area totals (e.g. Persons). Empty when the table has none.
    bool has_declared_total() const noexcept { return !declared_total_.empty(); }
    const std::string& declared_total_name() const noexcept { return declared_total_name_; }
    std::span<const double> declared_total() const noexcept { return declared_total_; }
    void set_declared_total(std::string name, std::vector<double> totals);
    void clear_declared_total();

    // Σ of the listed groups per area.
    std::vector<double> group_sum() const;
    // The unit total two-group indices use: the declared total if present, else Σ groups.
    std::vector<double> unit_total() const;

    const std::vector<Level>& levels() const noexcept { return levels_; }
    const Level& level(std::string_view name) const;  // throws Error listing levels
    const Level* find_level(std::string_view name) const;
    void add_level(Level level);

    // Where the table came from (file name), for messages and provenance in outputs.
    const std::string& source() const noexcept { return source_; }
    void set_source(std::string source) { source_ = std::move(source); }

    // Append a group column (used by merge / residual operations and loaders).
    void add_group(std::string name, std::vector<double> values);

    // Human-readable provenance of the operations applied (filter, merge, ...).
    const std::vector<std::string>& history() const noexcept { return history_; }
    void note(std::string step) { history_.push_back(std::move(step)); }

private:
    std::vector<std::string> area_codes_;
    std::vector<std::string> group_names_;
    std::vector<double> counts_;  // counts_[g * areas + i]
    std::string declared_total_name_;
    std::vector<double> declared_total_;
    std::vector<Level> levels_;
    std::string source_;
    std::vector<std::string> history_;
};

}  // namespace cohesion

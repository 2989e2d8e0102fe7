#pragma once
// CsvReader — a strict RFC 4180 tokenizer over text in memory.
//
// Strict because a census table that parses "somehow" gives wrong numbers
// silently: ragged rows, stray quotes and embedded NULs are errors with the line.
// Fields are string_views into the text (or into per-row scratch for quoted
// fields with doubled quotes), valid until the next call to next_row().
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohesion {

class CsvReader {
public:
    CsvReader(std::string_view text, std::string name);

    // Reads the next record into `fields`; false at end of input. Blank lines are skipped.
    bool next_row(std::vector<std::string_view>& fields);
    // 1-based line on which the last returned record started.
    std::size_t line() const noexcept { return record_line_; }
    const std::string& name() const noexcept { return name_; }

private:
    std::string_view text_;
    std::string name_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    std::deque<std::string> scratch_;
};

// Parse a count: a finite, non-negative decimal number. Returns nullopt with a
// reason in `why` when the text is not one.
std::optional<double> parse_count(std::string_view text, std::string& why);
// True when the text parses as a finite number (used to sniff numeric columns).
bool looks_numeric(std::string_view text);
std::string_view trim(std::string_view text);

}  // namespace cohesion

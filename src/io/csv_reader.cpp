#include "io/csv_reader.hpp"

#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/message_text.hpp"

namespace cohesion {

CsvReader::CsvReader(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
}

bool CsvReader::next_row(std::vector<std::string_view>& fields) {
    fields.clear();
    scratch_.clear();
    // Skip blank lines (including a trailing newline at end of file).
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    const std::size_t n = text_.size();
    for (;;) {
        if (pos_ < n && text_[pos_] == '"') {
            const std::size_t start = ++pos_;
            bool escaped = false;
            for (;;) {
                const std::size_t q = text_.find('"', pos_);
                if (q == std::string_view::npos)
                    throw Error(Location{name_, record_line_, {}}, "unterminated quoted field (expected a closing '\"')");
                for (std::size_t k = pos_; k < q; ++k)
                    if (text_[k] == '\n') ++line_;
                if (q + 1 < n && text_[q + 1] == '"') {
                    escaped = true;
                    pos_ = q + 2;
                    continue;
                }
                pos_ = q + 1;
                std::string_view raw = text_.substr(start, q - start);
                if (escaped) {
                    std::string unescaped;
                    unescaped.reserve(raw.size());
                    for (std::size_t k = 0; k < raw.size(); ++k) {
                        unescaped += raw[k];
                        if (raw[k] == '"') ++k;
                    }
                    scratch_.push_back(std::move(unescaped));
                    fields.emplace_back(scratch_.back());
                } else {
                    fields.push_back(raw);
                }
                break;
            }
            if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
                throw Error(Location{name_, record_line_, {}},
                            "unexpected character after a closing quote (expected ',' or end of line)");
        } else {
            const std::size_t start = pos_;
            while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
                if (text_[pos_] == '"')
                    throw Error(Location{name_, record_line_, {}},
                                "stray '\"' inside an unquoted field (quote the whole field)");
                if (text_[pos_] == '\0')
                    throw Error(Location{name_, record_line_, {}}, "NUL byte in text (is this a binary file?)");
                ++pos_;
            }
            fields.push_back(text_.substr(start, pos_ - start));
        }
        if (pos_ >= n) return true;
        const char c = text_[pos_];
        if (c == ',') {
            ++pos_;
            continue;
        }
        // End of record: \n, \r\n or a lone \r.
        ++pos_;
        if (c == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
        ++line_;
        return true;
    }
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<double> parse_count(std::string_view text, std::string& why) {
    text = trim(text);
    if (text.empty()) {
        why = "missing value (expected a non-negative count)";
        return std::nullopt;
    }
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        why = quoted(text, 40) + " is not a number (expected a non-negative count)";
        return std::nullopt;
    }
    if (!std::isfinite(value)) {
        why = quoted(text, 40) + " is not a finite number (expected a non-negative count)";
        return std::nullopt;
    }
    if (value < 0.0) {
        why = "negative count " + escape_control_characters(text.substr(0, 40)) + " (expected a non-negative count)";
        return std::nullopt;
    }
    return value;
}

bool looks_numeric(std::string_view text) {
    text = trim(text);
    if (text.empty()) return false;
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace cohesion

// libFuzzer target: every CSV loader must either return a table or throw
// cohesion::Error — never crash, hang or read out of bounds (run under ASan/UBSan).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/count_matrix.hpp"
#include "core/error.hpp"
#include "io/long_csv_loader.hpp"
#include "io/ons_bulk_loader.hpp"
#include "io/table_input.hpp"
#include "io/text_file.hpp"
#include "io/wide_csv_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (cohesion::is_gzip(text)) text = cohesion::gunzip(text, "fuzz.csv.gz");
    } catch (const cohesion::Error&) {
        return 0;
    }
    auto exercise = [](auto&& load) {
        try {
            const cohesion::Table table = load();
            if (table.groups() >= 2) (void)cohesion::multigroup(table);
            if (table.groups() >= 1) (void)cohesion::two_group_vs_rest(table, table.group_names()[0]);
        } catch (const cohesion::Error&) {
        }
    };
    exercise([&] { return cohesion::parse_wide_csv(text, "fuzz.csv"); });
    exercise([&] { return cohesion::parse_long_csv(text, "fuzz.csv"); });
    exercise([&] { return cohesion::parse_ons_bulk_csv(text, "fuzz.csv"); });
    try {
        (void)cohesion::detect_layout(text);
    } catch (const cohesion::Error&) {
    }
    return 0;
}

#pragma once
// TableFiles — input files parsed once however often they are named. A study names one file
// in several roles (a town's table, its reference area, the earlier census of its change
// study, the national table its peers come from): parsing a national CSV is most of reading
// it, so each file is parsed once and every role applies its own filters, aggregation and
// group scheme to a copy (io/table_input.hpp's pipeline).
//
// Safe to use from several threads at once (a study reads its parts side by side): a file
// named by two readers at once is parsed by one of them while the other waits for it.
#include <list>
#include <mutex>
#include <string>

#include "core/table.hpp"
#include "io/table_input.hpp"

namespace cohesion {

class TableFiles {
public:
    // Same result as load_table(input); the file is parsed only the first time it is named
    // with these parsing options (layout and column choices).
    Table load(const TableInput& input);

private:
    struct Parsed {
        TableInput parsing;  // path, layout and column options (the rest of the pipeline cleared)
        std::once_flag once;  // set when `table` is parsed (a failed parse leaves it for the next reader)
        Table table;
    };
    std::mutex lock_;
    std::list<Parsed> parsed_;  // a list: entries stay put while others are added
};

}  // namespace cohesion

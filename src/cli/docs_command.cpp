// `cohesion docs indices`: writes docs/indices.md from the registry, so the list of
// indices, formulas and sources in the docs cannot drift from the code.
#include <iostream>

#include "cli/command.hpp"
#include "indices/registry.hpp"
#include "output/atomic_file.hpp"
#include "analysis/index_docs.hpp"

namespace cohesion::cli {

void add_docs_command(CLI::App& app) {
    auto output = std::make_shared<std::string>();
    auto* docs = app.add_subcommand("docs", "Generate reference documentation from the code");
    auto* indices = docs->add_subcommand("indices", "Markdown list of every index: formula, source, range");
    indices->add_option("--output,-o", *output, "Write to this file instead of stdout");
    docs->require_subcommand(1);
    indices->callback([output] {
        const std::string text = index_reference_markdown(IndexRegistry::instance());
        if (output->empty()) std::cout << text;
        else write_file_atomically(*output, text);
    });
}

}  // namespace cohesion::cli

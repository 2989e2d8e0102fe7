#include "server/api_error_terms.hpp"

#include <map>

#include "server/request_text.hpp"

namespace cohesion {

namespace {

// Field id -> query parameter, for every field an endpoint takes as a parameter
// (docs/http-api.md lists them per endpoint).
const std::map<std::string, std::string>& parameters() {
    static const std::map<std::string, std::string> names = {
        {"dataset", "dataset"},
        {"group", "group"},
        {"versus", "versus"},
        {"index", "index"},
        {"level", "level"},
        {"bootstrap", "bootstrap"},
        {"randomisation", "randomisation"},
        {"confidence", "confidence"},
        {"seed", "seed"},
        {"permutations", "permutations"},
        {"alpha", "alpha"},
        {"format", "format"},
        {"min_lq", "min_lq"},
        {"top", "top"},
        {"threshold", "threshold"},
        {"neighbourhood", "neighbourhood"},
        {"score_weights", "weights"},
        {"min_private_rented", "min_private_rented"},
        {"min_accession", "min_accession"},
        {"demand", "demand"},
        {"model", "model"},
        {"hubs", "hubs"},
        {"distance", "distance"},
    };
    return names;
}

}  // namespace

std::string api_parameter(const std::string& field) {
    const auto it = parameters().find(field);
    return it == parameters().end() ? std::string() : it->second;
}

HttpResponse api_error(const Error& e) {
    const std::string parameter = api_parameter(e.field());
    const std::string message = e.message_in([](const std::string& id) {
        const std::string p = api_parameter(id);
        return p.empty() ? std::string() : "parameter '" + p + "'";
    });
    // A field no parameter sets is the dataset's configuration: named by its id, as the library does.
    const std::string named = !parameter.empty()       ? "parameter '" + parameter + "': " + message
                              : !e.field().empty()     ? e.field() + ": " + message
                                                       : message;
    // Without the file it came from: the server's layout is nobody's business.
    const std::string text = without_server_paths(format_error(Location{"", 0, e.where().column}, named));
    return json_error(400, text, parameter);
}

}  // namespace cohesion

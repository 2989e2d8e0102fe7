#pragma once
// Library errors in the HTTP API's terms. The library names the field a value came from
// ("index", "score_weights"); a client sent a query parameter (`index`, `weights`), so the
// one table in api_error_terms.cpp turns each field id into its parameter, and a 400 reads
//   {"error": "parameter 'index': unknown index 'x'; expected one of: ...", "parameter": "index"}
#include <string>

#include "core/error.hpp"
#include "server/http_message.hpp"

namespace cohesion {

// The query parameter that sets a field; empty when a client cannot set it (a dataset's
// own configuration, such as its table's `where` filter, chosen when the server started).
std::string api_parameter(const std::string& field);

// The 400 answer for a library error: the message without server paths, the parameter
// named in it and as "parameter" in the JSON when the error is about one.
HttpResponse api_error(const Error& e);

}  // namespace cohesion

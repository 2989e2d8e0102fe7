#pragma once
// SHA-256 of a file (OpenSSL EVP, streamed), so a report can list exactly which data
// files its figures come from.
#include <string>

namespace cohesion {

std::string sha256_of_file(const std::string& path);  // lowercase hex; throws Error naming the file

}  // namespace cohesion

#pragma once
// Reading a whole input file into memory, transparently gunzipping it.
//
// gzip is recognised by its magic bytes, not by the extension, so a mislabelled
// file still loads and a corrupt ".gz" gets a gzip error instead of CSV noise.
#include <cstddef>
#include <string>

namespace cohesion {

// Inputs larger than this (after decompression) are refused with a clear error
// rather than exhausting memory; override with env COHESION_MAX_INPUT_BYTES.
std::size_t max_input_bytes();

std::string read_text_file(const std::string& path);
// Decompress gzip data (one or more members); `name` is used in messages.
std::string gunzip(const std::string& compressed, const std::string& name);
bool is_gzip(const std::string& bytes);

}  // namespace cohesion

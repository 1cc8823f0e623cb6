#pragma once
// Reading whole files (the CLI, tests, and content from a directory). The app itself reads embedded assets: this
// file is left out of the web build, which keeps the C++ streams (~60 kB of wasm) out of it.
#include <cstddef>
#include <optional>
#include <string>

namespace mn {

// The first `max_bytes` bytes of the file (all of it if smaller); "-" reads standard input. nullopt if the file
// cannot be opened or read.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes);

}  // namespace mn

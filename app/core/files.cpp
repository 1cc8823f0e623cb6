#include "core/files.hpp"

#include "core/content.hpp"
#include "core/json_parse.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace mn {
namespace {

std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes) {
  std::string data;
  char buffer[65536];
  while (data.size() < max_bytes && in) {
    in.read(buffer, static_cast<std::streamsize>(std::min(sizeof buffer, max_bytes - data.size())));
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return std::nullopt;
  return data;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_stream(std::cin, max_bytes);
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  return read_stream(file, max_bytes);
}

AssetReader directory_reader(std::string assets_dir) {
  return [dir = std::move(assets_dir)](const std::string& path) {
    return read_file(dir + "/" + path, kMaxJsonBytes + 1);  // one byte more, so the loader can say "too large"
  };
}

}  // namespace mn

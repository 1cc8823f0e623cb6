#include "core/assets.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <vector>

namespace mn {
namespace {

constexpr std::string_view kPackHeader = "mn-asset-pack 1\n";
constexpr std::size_t kMaxPackFiles = 200;

// Files added at run time. The strings are never moved once stored (unique_ptr), so views into them stay valid.
struct AddedAssets {
  std::map<std::string, std::unique_ptr<const std::string>, std::less<>> files;
  std::uint64_t version = 0;
};
AddedAssets& added() {
  static AddedAssets store;
  return store;
}

// Takes the text up to the next "\n" from `rest`; nullopt at the end.
std::optional<std::string_view> take_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view line = rest.substr(0, end);
  rest.remove_prefix(end + 1);
  return line;
}

}  // namespace

std::optional<std::string_view> embedded_asset(std::string_view path) {
  for (const EmbeddedAsset* a = embedded_assets_begin(); a != embedded_assets_end(); ++a)
    if (a->path == path) return a->data;
  return std::nullopt;
}

std::optional<std::string_view> asset(std::string_view path) {
  if (auto data = embedded_asset(path)) return data;
  const auto& files = added().files;
  if (const auto it = files.find(path); it != files.end()) return std::string_view(*it->second);
  return std::nullopt;
}

std::string read_asset_pack(std::string_view pack, AssetFiles& out) {
  if (pack.substr(0, kPackHeader.size()) != kPackHeader) return "not an asset pack (it does not start with \"mn-asset-pack 1\")";
  std::string_view rest = pack.substr(kPackHeader.size());
  std::vector<std::pair<std::string_view, std::string_view>> files;
  while (!rest.empty()) {
    const std::string problem_at = "file " + std::to_string(files.size() + 1) + ": ";
    const auto path = take_line(rest);
    const auto size_text = path ? take_line(rest) : std::nullopt;
    if (!path || !size_text) return problem_at + "the pack ends in the middle of a file's path or size";
    if (path->empty() || path->find("..") != std::string_view::npos || path->front() == '/')
      return problem_at + "\"" + std::string(*path) + "\" is not a path under assets/";
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(size_text->data(), size_text->data() + size_text->size(), size);
    if (error != std::errc() || end != size_text->data() + size_text->size())
      return problem_at + "\"" + std::string(*size_text) + "\" is not a size in bytes";
    if (size >= rest.size() || rest[size] != '\n')
      return problem_at + std::string(*path) + " is shorter than its size (" + std::to_string(size) + " bytes)";
    files.emplace_back(*path, rest.substr(0, size));
    rest.remove_prefix(size + 1);
    if (files.size() > kMaxPackFiles) return "more than " + std::to_string(kMaxPackFiles) + " files";
  }
  for (const auto& [path, data] : files) out.emplace_back(path, data);
  return "";
}

void add_asset_files(const AssetFiles& files) {
  AddedAssets& store = added();
  bool grew = false;
  for (const auto& [path, data] : files) {
    if (embedded_asset(path) || store.files.count(path)) continue;
    store.files.emplace(path, std::make_unique<const std::string>(data));
    grew = true;
  }
  if (grew) ++store.version;
}

std::string add_asset_pack(std::string_view pack) {
  AssetFiles files;
  std::string problem = read_asset_pack(pack, files);
  if (problem.empty()) add_asset_files(files);
  return problem;
}

std::string make_asset_pack(const std::initializer_list<std::pair<std::string_view, std::string_view>>& files) {
  std::string out(kPackHeader);
  for (const auto& [path, data] : files) {
    out.append(path).append("\n").append(std::to_string(data.size())).append("\n");
    out.append(data).append("\n");
  }
  return out;
}

std::uint64_t assets_version() { return added().version; }

}  // namespace mn

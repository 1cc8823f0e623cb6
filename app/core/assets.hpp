#pragma once
// The app's assets (content, rules, demo clinic) by their path under assets/: the ones compiled into the binary,
// plus any added while it runs. The web build compiles in only the English UI strings its first frame needs; the
// rest arrives as asset packs (below): English's right after the first frame, each other language's when it is
// first wanted, so a visitor downloads only the language they read, and the first frame waits for neither.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mn {

struct EmbeddedAsset {
  std::string_view path;  // relative to assets/, e.g. "content/en/ui.json"
  std::string_view data;
};

const EmbeddedAsset* embedded_assets_begin();
const EmbeddedAsset* embedded_assets_end();

// The bytes of a built-in asset, or nullopt if the build has no such file.
std::optional<std::string_view> embedded_asset(std::string_view path);

// The bytes of an asset, built in or added; nullopt if there is no such file. Views stay valid for the program's
// life (added files are never replaced or removed).
std::optional<std::string_view> asset(std::string_view path);

// Adds every file of an asset pack: the text "mn-asset-pack 1\n", then for each file a line with its path, a line
// with its size in bytes, and that many bytes followed by "\n". A file the store already has is kept as it is.
// Returns an empty string on success, else what is wrong with the pack (nothing is added then).
// The same in two steps: read_asset_pack() checks a pack and hands back its files, add_asset_files() adds them.
// In between, a caller can prepare them (the web app parses the JSON files ahead, one per frame: parse_json_ahead).
std::string add_asset_pack(std::string_view pack);
using AssetFiles = std::vector<std::pair<std::string, std::string>>;  // (path, bytes)
std::string read_asset_pack(std::string_view pack, AssetFiles& files);  // "" or the problem (then `files` is untouched)
void add_asset_files(const AssetFiles& files);
// The pack format above, for tools and tests: `files` as (path, bytes) pairs.
std::string make_asset_pack(const std::initializer_list<std::pair<std::string_view, std::string_view>>& files);

// Grows whenever add_asset_pack() adds a file: what was loaded from the assets before may be loaded again.
std::uint64_t assets_version();

// Something loaded from the app's own assets (the content, the string tables, the candidacy rules): loaded on first
// use and again after add_asset_pack() adds files. Earlier loads are kept, so references handed out stay valid for
// the program's life. Not thread-safe.
template <class T>
class LoadedFromAssets {
 public:
  template <class Load>
  const T& get(Load&& load) {
    if (loads_.empty() || version_ != assets_version()) {
      version_ = assets_version();
      loads_.push_back(std::make_unique<const T>(load()));
    }
    return *loads_.back();
  }

 private:
  std::vector<std::unique_ptr<const T>> loads_;
  std::uint64_t version_ = 0;
};

}  // namespace mn

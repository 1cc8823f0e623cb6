#pragma once
// Built-in assets (content, rules, demo clinic) compiled into the binary from assets/.
#include <optional>
#include <string_view>

namespace mn {

struct EmbeddedAsset {
  std::string_view path;  // relative to assets/, e.g. "content/en/ui.json"
  std::string_view data;
};

const EmbeddedAsset* embedded_assets_begin();
const EmbeddedAsset* embedded_assets_end();

// The bytes of a built-in asset, or nullopt if the build has no such file.
std::optional<std::string_view> embedded_asset(std::string_view path);

}  // namespace mn

#include "core/assets.hpp"

namespace mn {

std::optional<std::string_view> embedded_asset(std::string_view path) {
  for (const EmbeddedAsset* a = embedded_assets_begin(); a != embedded_assets_end(); ++a)
    if (a->path == path) return a->data;
  return std::nullopt;
}

}  // namespace mn

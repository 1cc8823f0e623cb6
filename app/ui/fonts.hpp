#pragma once
// Fonts subset from Debian's Noto Sans at build time and compiled in (web build: cmake/web.cmake).
#include "core/assets.hpp"

namespace mn {
const EmbeddedAsset* embedded_fonts_begin();
const EmbeddedAsset* embedded_fonts_end();
}  // namespace mn

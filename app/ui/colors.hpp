#pragma once
// The palette as plain sRGB values (0xRRGGBB), with no ImGui dependency, so tests can check its contrast.
// theme.cpp turns these into ImGui colours.
#include <cstdint>

namespace mn::ui::colors {

inline constexpr std::uint32_t background = 0xF6F4F0;
inline constexpr std::uint32_t surface = 0xFFFFFF;
inline constexpr std::uint32_t surface_alt = 0xEEF3F1;
inline constexpr std::uint32_t border = 0xDCD6CD;
inline constexpr std::uint32_t ink = 0x1E2B2F;
inline constexpr std::uint32_t ink_muted = 0x4F5D63;
inline constexpr std::uint32_t primary = 0x2A6560;
inline constexpr std::uint32_t primary_hover = 0x235752;
inline constexpr std::uint32_t primary_active = 0x1B4642;
inline constexpr std::uint32_t on_primary = 0xFFFFFF;
inline constexpr std::uint32_t accent_soft = 0xDCEBE6;
inline constexpr std::uint32_t success = 0x2D6E47;
inline constexpr std::uint32_t warning = 0x8A5A0B;
inline constexpr std::uint32_t danger = 0xA33A3A;
inline constexpr std::uint32_t focus = 0x1F5FAF;

// Verdict badges: text colour on its tinted fill.
inline constexpr std::uint32_t badge_suitable = 0xDDEFE3;
inline constexpr std::uint32_t badge_precautions = 0xF6EAD2;
inline constexpr std::uint32_t badge_defer = 0xDEE8F5;
inline constexpr std::uint32_t badge_not_recommended = 0xF6DEDE;

// The lines of a chart that weighs several treatments (Compare's cost over time), in order; each at least 4.5:1 on
// the surface, and told apart by hue as well as lightness.
inline constexpr std::uint32_t series[3] = {0x2A6560, 0xA8502B, 0x5A4E9E};

}  // namespace mn::ui::colors

#pragma once
// The built-in demo clinic and content, for tests of the engines (estimate, pricing) that read them as they ship.
#include <doctest/doctest.h>

#include <string_view>

#include "core/clinic_config.hpp"
#include "core/content.hpp"

namespace mn::test {

inline const ClinicConfig& demo() { return builtin_clinic_config(); }

// A treatment of the built-in content; the test stops (REQUIRE) if there is none with that id.
inline const Treatment& treatment(std::string_view id) {
  const Treatment* t = Content::builtin().treatment(id);
  REQUIRE_MESSAGE(t, "no treatment " << id);
  return *t;
}

}  // namespace mn::test

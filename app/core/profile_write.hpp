#pragma once
// A profile written back in the shared contract (docs/candidacy.md): what the app's questionnaire hands to the
// JavaScript API and what `parse_profile` reads. Unknown answers are left out.
#include <nlohmann/json.hpp>

#include "core/profile.hpp"

namespace mn {

nlohmann::ordered_json profile_json(const Profile& profile);

}  // namespace mn

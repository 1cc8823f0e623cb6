#pragma once
// Dear ImGui build configuration for Microneedling Navigator (IMGUI_USER_CONFIG).

// No developer windows in a patient-facing build.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
// Fonts come from memory; no .ini file is ever written (nothing is stored unless a person asks).
#define IMGUI_DISABLE_FILE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Item hooks feed the test bridge and the accessibility mirror (app/platform/item_registry.cpp).
#define IMGUI_ENABLE_TEST_ENGINE
// WebGL has no VtxOffset: 32-bit indices lift the 64K-vertices-per-draw-list limit.
#define ImDrawIdx unsigned int

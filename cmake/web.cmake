# Web build (Emscripten 3.1.6): the app as app.js + app.wasm, and the servable web root build/web/dist.
enable_testing()
set(MN_SDL2_PREFIX "${MN_DEPS_DIR}/sdl2-wasm")
if(NOT EXISTS "${MN_SDL2_PREFIX}/lib/libSDL2.a")
  message(FATAL_ERROR "SDL2 for WebAssembly missing in ${MN_SDL2_PREFIX}: run scripts/bootstrap")
endif()
# The app links with the Closure Compiler (--closure 1, below): npm's google-closure-compiler (package.json), as
# Debian's is too old. Emscripten finds it through EM_CLOSURE_COMPILER, set for the app's link step only.
set(MN_CLOSURE_COMPILER "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
if(NOT EXISTS "${MN_CLOSURE_COMPILER}")
  message(FATAL_ERROR "Closure Compiler missing (${MN_CLOSURE_COMPILER}): run scripts/bootstrap")
endif()

set(MN_WEB_OPT -Oz -flto)
foreach(t mn_core imgui)
  target_compile_options(${t} PRIVATE ${MN_WEB_OPT})
endforeach()
# The wasm build must never see host headers (TOOLCHAIN.md): only build/deps/include is added.
# No C++ exceptions in the browser (app/core/guarded.hpp): ~35 kB less WebAssembly after compression. nlohmann/json
# then stops the program where it would throw; the core never lets it (every value's type is checked first).
target_compile_options(mn_core PRIVATE -fno-exceptions)
target_compile_definitions(mn_core PUBLIC JSON_NOEXCEPTION)
target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)

include(cmake/fonts.cmake)  # MN_FONTS_CPP

file(GLOB MN_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/app/ui/*.cpp")
add_library(mn_ui STATIC ${MN_UI_SOURCES} "${MN_FONTS_CPP}")
target_link_libraries(mn_ui PUBLIC mn_core imgui)
target_compile_options(mn_ui PRIVATE ${MN_WEB_OPT} -fno-exceptions)
mn_warnings(mn_ui)

file(GLOB MN_PLATFORM_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/app/platform/*.cpp")
add_executable(app ${MN_PLATFORM_SOURCES})
target_include_directories(app PRIVATE "${MN_SDL2_PREFIX}/include/SDL2")
target_link_libraries(app PRIVATE mn_ui "${MN_SDL2_PREFIX}/lib/libSDL2.a")
target_compile_options(app PRIVATE ${MN_WEB_OPT} -fno-exceptions)
mn_warnings(app)
set_target_properties(app PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/app")
target_link_options(app PRIVATE ${MN_WEB_OPT} -fno-exceptions
  -sENVIRONMENT=web -sMALLOC=emmalloc -sFILESYSTEM=0 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sDYNAMIC_EXECUTION=0 -sEXIT_RUNTIME=0
  -sEXPORTED_FUNCTIONS=["_main","_malloc","_free"]
  -sEXPORTED_RUNTIME_METHODS=["UTF8ToString","stringToUTF8","lengthBytesUTF8","HEAPU8"]
  "SHELL:--closure 1" --js-library "${CMAKE_SOURCE_DIR}/app/platform/browser.js")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/app/platform/browser.js")
set_target_properties(app PROPERTIES CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;EM_CLOSURE_COMPILER=${MN_CLOSURE_COMPILER}")

# ---------------------------------------------------------------- the servable web root
# cmake/assemble-dist.mjs (node, no packages) writes build/web/dist: assets under content-hashed folders
# (static/<hash>/app.wasm …), index.html/embed.html/manifest with those names written in, sw.js with the build hash
# and its precache list, standalone.html (everything inlined, hash-based CSP), asset-manifest.json, clinic.json (the
# demo clinic: the file a clinic replaces), and .gz/.br copies for nginx. See docs/deploy.md.
find_program(MN_NODE node REQUIRED)
set(MN_DIST "${CMAKE_BINARY_DIR}/dist")
file(GLOB MN_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
file(GLOB_RECURSE MN_CONTENT_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/content/*.json"
     "${CMAKE_SOURCE_DIR}/assets/rules/*.json")  # in the content packs
add_custom_command(OUTPUT "${MN_DIST}/index.html" "${MN_DIST}/sw.js" "${MN_DIST}/standalone.html"
  COMMAND ${MN_NODE} "${CMAKE_SOURCE_DIR}/cmake/assemble-dist.mjs" --web "${CMAKE_SOURCE_DIR}/web"
          --app "$<TARGET_FILE_DIR:app>" --out "${MN_DIST}" --clinic "${CMAKE_SOURCE_DIR}/assets/clinic/demo.json"
          --assets "${CMAKE_SOURCE_DIR}/assets"
  DEPENDS app ${MN_WEB_FILES} "${CMAKE_SOURCE_DIR}/cmake/assemble-dist.mjs" "${CMAKE_SOURCE_DIR}/assets/clinic/demo.json"
          ${MN_CONTENT_FILES}
  COMMENT "Assembling ${MN_DIST}" VERBATIM)
add_custom_target(dist ALL DEPENDS "${MN_DIST}/index.html" "${MN_DIST}/sw.js" "${MN_DIST}/standalone.html")

# ---------------------------------------------------------------- glyphs beyond the app's own fonts
# Slices of Debian's Noto fonts (Latin Extended and Vietnamese, Greek, Cyrillic, Hebrew, Arabic, Korean, Japanese,
# Chinese) in dist/fonts, with their index glyphs.json: the app fetches only those a clinic's own words need, after
# the first frame (scripts/fonts/slice.py; about 2 minutes, only when the script changes). Not precached.
set(MN_GLYPHS "${MN_DIST}/fonts/glyphs.json")
add_custom_command(OUTPUT "${MN_GLYPHS}"
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${MN_DIST}/fonts"
  COMMAND ${MN_SYSTEM_PYTHON} "${CMAKE_SOURCE_DIR}/scripts/fonts/slice.py" "${MN_DIST}/fonts"
  DEPENDS "${CMAKE_SOURCE_DIR}/scripts/fonts/slice.py"
  COMMENT "Slicing Noto fonts for glyphs fetched on demand" VERBATIM)
add_custom_target(glyph_slices ALL DEPENDS "${MN_GLYPHS}")

# ---------------------------------------------------------------- browser end-to-end tests (they start their own server)
file(GLOB MN_E2E_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/e2e/*.test.mjs")
foreach(t IN LISTS MN_E2E_TESTS)
  get_filename_component(name "${t}" NAME)
  string(REPLACE ".test.mjs" "" name "${name}")
  add_test(NAME e2e_${name} COMMAND node "${t}" "${MN_DIST}")
  set_tests_properties(e2e_${name} PROPERTIES TIMEOUT 600 ENVIRONMENT "NODE_PATH=${CMAKE_SOURCE_DIR}/node_modules")
endforeach()
# The route explorer's full budget (every mode × language × size, ~400 presses each): not in the default run
# (CMakePresets.json leaves the label out); `ctest --preset web-explore` runs it.
add_test(NAME e2e_explore_full COMMAND node "${CMAKE_SOURCE_DIR}/tests/e2e/explore.test.mjs" "${MN_DIST}")
set_tests_properties(e2e_explore_full PROPERTIES TIMEOUT 7200 LABELS explore
  ENVIRONMENT "NODE_PATH=${CMAKE_SOURCE_DIR}/node_modules;MN_EXPLORE=full")

# Native build: the core, the `navigator` CLI, unit tests, CLI tests (and the fuzz target with clang).
enable_testing()
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")

file(GLOB MN_CLI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/app/cli/*.cpp")
add_executable(navigator ${MN_CLI_SOURCES})
target_link_libraries(navigator PRIVATE mn_core)
mn_warnings(navigator)

file(GLOB MN_UNIT_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
add_executable(unit_tests ${MN_UNIT_SOURCES})
target_link_libraries(unit_tests PRIVATE mn_core)
target_sources(unit_tests PRIVATE "${CMAKE_SOURCE_DIR}/app/ui/mirror.cpp")  # the mirror's model has no ImGui in it
target_sources(unit_tests PRIVATE "${CMAKE_SOURCE_DIR}/app/ui/answers.cpp")  # the questionnaire's answers: no ImGui either
target_compile_definitions(unit_tests PRIVATE MN_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME unit COMMAND unit_tests)

# CLI tests: every tests/cli/*.sh gets the navigator binary path and the source dir.
file(GLOB MN_CLI_TESTS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/cli/*.sh")
list(FILTER MN_CLI_TESTS EXCLUDE REGEX "/lib\\.sh$")  # what the tests source, not a test
foreach(t IN LISTS MN_CLI_TESTS)
  get_filename_component(name "${t}" NAME_WE)
  add_test(NAME cli_${name} COMMAND bash "${t}" "$<TARGET_FILE:navigator>" "${CMAKE_SOURCE_DIR}")
endforeach()

# The ImGui library also builds natively (same target as the web build) so UI code can be compiled and checked.
include(cmake/fonts.cmake)  # MN_FONTS_CPP
file(GLOB MN_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/app/ui/*.cpp")
add_library(mn_ui STATIC ${MN_UI_SOURCES} "${MN_FONTS_CPP}")
target_link_libraries(mn_ui PUBLIC mn_core imgui)
mn_warnings(mn_ui)

# The route walker (tests/ui): the whole UI natively, every widget of every reachable state, in every mode, both
# languages and three sizes. The UI fuzz target (tests/fuzz/fuzz_ui.cpp) shares its driver.
add_library(mn_ui_driver STATIC "${CMAKE_SOURCE_DIR}/tests/ui/ui_driver.cpp" "${CMAKE_SOURCE_DIR}/app/platform/item_registry.cpp")
target_link_libraries(mn_ui_driver PUBLIC mn_ui)
target_include_directories(mn_ui_driver PUBLIC "${CMAKE_SOURCE_DIR}/tests/ui")
add_executable(ui_walk "${CMAKE_SOURCE_DIR}/tests/ui/ui_walk.cpp")
target_link_libraries(ui_walk PRIVATE mn_ui_driver)
add_test(NAME ui_walk COMMAND ui_walk)
add_executable(ui_screens "${CMAKE_SOURCE_DIR}/tests/ui/test_screens.cpp")
target_link_libraries(ui_screens PRIVATE mn_ui_driver)
add_test(NAME ui_screens COMMAND ui_screens)

# Fuzz target (libFuzzer needs clang): configured when the compiler is clang.
# Run them with scripts/fuzz. The code under test is optimised (-O2 after the Debug flags): at -O0 nlohmann/json
# with ASan, UBSan and coverage runs some 20 inputs a second, too few to fuzz with.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND MN_FUZZ)
  target_compile_options(mn_core PRIVATE -O2)
  # The core once more without C++ exceptions, as the web build compiles it (cmake/web.cmake): fuzz_api runs the
  # JavaScript API's entry points on it, so whatever would throw aborts, as it would in the browser.
  add_library(mn_core_noexcept STATIC ${MN_CORE_SOURCES} "${MN_ASSETS_CPP}")
  target_include_directories(mn_core_noexcept PUBLIC "${CMAKE_SOURCE_DIR}/app")
  target_include_directories(mn_core_noexcept SYSTEM PUBLIC "${MN_THIRDPARTY_INCLUDE}")
  target_compile_options(mn_core_noexcept PRIVATE -O2 -fno-exceptions)
  file(GLOB MN_FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/*.cpp")
  foreach(f IN LISTS MN_FUZZ_SOURCES)
    get_filename_component(name "${f}" NAME_WE)
    add_executable(${name} "${f}")
    if(name STREQUAL "fuzz_api")
      target_link_libraries(${name} PRIVATE mn_core_noexcept)
      target_compile_options(${name} PRIVATE -fno-exceptions)
    else()
      target_link_libraries(${name} PRIVATE mn_core)
    endif()
    if(name STREQUAL "fuzz_ui")
      target_link_libraries(${name} PRIVATE mn_ui_driver)
    endif()
    target_compile_options(${name} PRIVATE -O2 -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
endif()

# Parse time against key count (scripts/bench/parse runs it): not a test, a table to read.
add_executable(parse_bench "${CMAKE_SOURCE_DIR}/tests/bench/parse_bench.cpp")
target_link_libraries(parse_bench PRIVATE mn_core)
set_target_properties(parse_bench PROPERTIES EXCLUDE_FROM_ALL ON)

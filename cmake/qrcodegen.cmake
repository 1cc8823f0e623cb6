# QR codes (the "My plan" share link): Nayuki's QR Code generator 1.8.0, C++ version, compiled from Debian's
# source package qr-code-generator (scripts/deps/sources.txt; fetched and checked by scripts/bootstrap).
set(MN_QRCODEGEN_DIR "${MN_DEPS_DIR}/QR-Code-generator-1.8.0/cpp")
if(NOT EXISTS "${MN_QRCODEGEN_DIR}/qrcodegen.cpp")
  message(FATAL_ERROR "QR Code generator sources missing in ${MN_QRCODEGEN_DIR}: run scripts/bootstrap first.")
endif()
add_library(qrcodegen STATIC "${MN_QRCODEGEN_DIR}/qrcodegen.cpp")
target_include_directories(qrcodegen SYSTEM PUBLIC "${MN_QRCODEGEN_DIR}")
if(EMSCRIPTEN)
  # Same code generation as the app (cmake/web.cmake): it throws data_too_long, so wasm exceptions are needed.
  target_compile_options(qrcodegen PRIVATE -Oz -flto -fwasm-exceptions)
endif()
# The UI library (app/ui/screen_plan.cpp draws the code) is defined later, by web.cmake or native.cmake.
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL target_link_libraries mn_ui PUBLIC qrcodegen)

# QR codes (the "My plan" share link): Nayuki's QR Code generator 1.8.0, C version (the C++ one formats its errors
# with std::ostringstream, which drags ~60 kB of C++ locale code into the wasm), compiled from Debian's
# source package qr-code-generator (scripts/deps/sources.txt; fetched and checked by scripts/bootstrap).
set(MN_QRCODEGEN_DIR "${MN_DEPS_DIR}/QR-Code-generator-1.8.0/c")
if(NOT EXISTS "${MN_QRCODEGEN_DIR}/qrcodegen.c")
  message(FATAL_ERROR "QR Code generator sources missing in ${MN_QRCODEGEN_DIR}: run scripts/bootstrap first.")
endif()
add_library(qrcodegen STATIC "${MN_QRCODEGEN_DIR}/qrcodegen.c")
target_include_directories(qrcodegen SYSTEM PUBLIC "${MN_QRCODEGEN_DIR}")
if(EMSCRIPTEN)
  target_compile_options(qrcodegen PRIVATE -Oz -flto)  # same code generation as the app (cmake/web.cmake)
endif()
# The UI library (app/ui/screen_plan.cpp draws the code) is defined later, by web.cmake or native.cmake.
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL target_link_libraries mn_ui PUBLIC qrcodegen)

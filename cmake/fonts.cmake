# The fonts, for the web app and the native UI checks alike (MN_FONTS_CPP: embedded_fonts, ui/fonts.hpp).
# Fonts: subset from Debian's Noto Sans at build time: Latin-1 and the rest of Windows-1252's letters, the dashes,
# quotes, bullet and ellipsis, €, arrows, minus and ✓ (app/ui/theme.cpp asks ImGui for the same ranges). No kerning
# or hinting tables: ImGui 1.86 uses neither.
# Debian's python3-fonttools (the system python, not any other python on PATH) subsets the fonts.
find_program(MN_SYSTEM_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(MN_FONT_SRC_DIR /usr/share/fonts/truetype/noto)
set(MN_FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(MN_FONT_UNICODES "U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+2013-2014,U+2018-201D,U+2022,U+2026,U+20AC,U+2190-2193,U+2212,U+2713")
set(MN_FONT_FILES "")
foreach(face Regular Bold)
  set(out "${MN_FONT_DIR}/NotoSans-${face}.ttf")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${MN_FONT_DIR}"
    COMMAND ${MN_SYSTEM_PYTHON} -m fontTools.subset "${MN_FONT_SRC_DIR}/NotoSans-${face}.ttf" --unicodes=${MN_FONT_UNICODES}
            --layout-features= --drop-tables+=GDEF,GPOS,GSUB,kern --no-hinting --desubroutinize --output-file=${out}
    DEPENDS "${MN_FONT_SRC_DIR}/NotoSans-${face}.ttf" VERBATIM)
  list(APPEND MN_FONT_FILES "NotoSans-${face}.ttf")
  list(APPEND MN_FONT_OUTPUTS "${out}")
endforeach()
set(MN_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/embedded_fonts.cpp")
add_custom_command(OUTPUT "${MN_FONTS_CPP}"
  COMMAND ${CMAKE_COMMAND} -DASSET_DIR=${MN_FONT_DIR} -DOUTPUT=${MN_FONTS_CPP} "-DFILES=${MN_FONT_FILES}"
          -DSYMBOL=embedded_fonts -DHEADER=ui/fonts.hpp -P ${CMAKE_SOURCE_DIR}/cmake/embed_assets.cmake
  DEPENDS ${MN_FONT_OUTPUTS} ${CMAKE_SOURCE_DIR}/cmake/embed_assets.cmake VERBATIM)


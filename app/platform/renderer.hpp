#pragma once
// Draws Dear ImGui's draw data with WebGL 2 (OpenGL ES 3.0 through Emscripten).
//
// Why not imgui_impl_opengl3: that backend saves and restores about twenty pieces of GL state around every
// frame (glGetIntegerv, glIsEnabled), because it must coexist with other GL code. Each query is a synchronous
// round trip to the browser's GPU process, which waits for all drawing queued so far: with software WebGL that
// blocked the page for tens of milliseconds per frame. This app owns its context alone, so the renderer sets
// the state it needs and never reads any back. It also keeps the font atlas as a one-byte-per-pixel texture
// (a quarter of the RGBA upload).
#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"

namespace mn::platform {

class Renderer {
 public:
  // Compiles the shaders and creates the buffers, without waiting for the GPU process (no queries).
  void init();
  // Whether the shaders linked; if not, why in `error`. A synchronous query: made once, after the first frame.
  bool check(std::string& error);
  // (Re)creates the texture of a font atlas just built (one per font role, ui/theme.hpp); sets its texture id and
  // frees its pixels.
  void upload_fonts(ImFontAtlas& atlas);
  // Clears the drawing buffer to `clear` and draws `data`, framebuffer size in device pixels. Returns false, and
  // sends nothing to the GPU, when the frame would be exactly the one the canvas already shows (the same vertices,
  // indices, commands, size and colour): the browser keeps showing the last frame drawn. Settling frames after an
  // input, and content that arrives without changing the screen, then cost no GPU work (with software WebGL, a
  // phone-sized frame is tens of milliseconds of it).
  bool render(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear);
  // The drawing buffer lost what it showed (the canvas was resized): the next render() draws whatever it gets.
  void invalidate() { shown_ = 0; }
  // The WebGL context was lost and is back: every GL object is gone. Forgets them (without deleting: their names
  // mean nothing now) and creates the program and buffers again; the font textures come back through
  // upload_fonts() once the fonts are built again (ui::forget_fonts()).
  void restore();
  // (Re)creates the texture of a picture (the clinic's logo: RGBA, width × height, not premultiplied) and returns
  // its id for ImDrawList::AddImage, or nullptr when the pixels do not match the size. One picture at a time.
  ImTextureID upload_picture(std::vector<unsigned char> rgba, int width, int height);

 private:
  GLuint program_ = 0, vao_ = 0, vertex_buffer_ = 0, index_buffer_ = 0;
  std::vector<std::pair<const ImFontAtlas*, GLuint>> font_textures_;
  GLuint vertex_shader_ = 0, fragment_shader_ = 0;
  GLuint picture_texture_ = 0;
  std::vector<unsigned char> picture_;
  int picture_width_ = 0, picture_height_ = 0;
  std::uint64_t shown_ = 0;  // signature of the frame the drawing buffer holds; 0: none (or unknown)
};

}  // namespace mn::platform

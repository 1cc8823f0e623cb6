#include "platform/renderer.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace mn::platform {
namespace {

// Display coordinates to clip space: a_transform.xy scales, a_transform.zw translates. It is a constant vertex
// attribute (no array behind it, set with glVertexAttrib4f each frame) rather than a uniform, so the renderer never
// asks the linked program where its uniforms are: glGetUniformLocation waits for the link, a synchronous round trip
// to the GPU process at start-up. The sampler needs no call either: it reads texture unit 0 by default.
constexpr const char* kVertexShader = R"(#version 300 es
layout (location = 0) in vec2 a_position;
layout (location = 1) in vec2 a_uv;
layout (location = 2) in vec4 a_color;
layout (location = 3) in vec4 a_transform;
layout (location = 4) in float a_picture;
out vec2 v_uv;
out vec4 v_color;
flat out float v_picture;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  v_picture = a_picture;
  gl_Position = vec4(a_position * a_transform.xy + a_transform.zw, 0.0, 1.0);
}
)";

// The atlas is coverage only (one channel): white glyphs and shapes tinted by the vertex colour. A picture (the
// clinic's logo, RGBA) is drawn as it is, times the vertex colour; a_picture (constant, like a_transform) says which.
constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
flat in float v_picture;
out vec4 o_color;
void main() {
  vec4 t = texture(u_texture, v_uv);
  o_color = v_picture > 0.5 ? t * v_color : vec4(v_color.rgb, v_color.a * t.r);
}
)";

GLuint compile(GLenum type, const char* source) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

std::string shader_log(GLuint shader) {
  char log[512] = {};
  glGetShaderInfoLog(shader, sizeof log - 1, nullptr, log);
  return log;
}

// A 64-bit signature of everything render() would send: two frames with the same signature draw the same pixels.
// Eight bytes at a time (vertex and index data are most of it, ~1 MB on a busy screen): a fraction of a millisecond.
class Signature {
 public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      mix(word);
    }
    std::uint64_t tail = 0;
    if (i < size) std::memcpy(&tail, bytes + i, size - i);
    mix(tail);
    mix(size);  // the length too, so that trailing zero bytes count
  }
  template <typename T>
  void add(const T& value) { add(&value, sizeof value); }
  // Never 0, which means "nothing shown".
  std::uint64_t value() const { return hash_ ? hash_ : 1; }

 private:
  void mix(std::uint64_t word) {
    hash_ = (hash_ ^ word) * 0x9E3779B97F4A7C15ull;
    hash_ ^= hash_ >> 29;
  }
  std::uint64_t hash_ = 0xCBF29CE484222325ull;
};

std::uint64_t signature(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear) {
  Signature sig;
  sig.add(fb_width);
  sig.add(fb_height);
  sig.add(clear);
  sig.add(data.DisplayPos);
  sig.add(data.DisplaySize);
  sig.add(data.FramebufferScale);
  sig.add(data.CmdListsCount);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    sig.add(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    sig.add(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {  // field by field: no padding bytes
      sig.add(cmd.ClipRect);
      sig.add(cmd.TextureId);
      sig.add(cmd.VtxOffset);
      sig.add(cmd.IdxOffset);
      sig.add(cmd.ElemCount);
      sig.add(cmd.UserCallback);
      sig.add(cmd.UserCallbackData);
    }
  }
  return sig.value();
}

}  // namespace

void Renderer::init() {
  GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
  GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  // The shaders stay attached until check() has read their logs. No glUseProgram here: WebGL asks the GPU process
  // whether the program linked before using it (a synchronous call that waits for the link). By the first frame,
  // a few tasks later, the link is done and that question is answered at once.
  vertex_shader_ = vs;
  fragment_shader_ = fs;

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertex_buffer_);
  glGenBuffers(1, &index_buffer_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);  // recorded in the vertex array
  constexpr auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

  // The only state this app ever uses, set once: nothing else draws into this context.
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glActiveTexture(GL_TEXTURE0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "mn_webgl2";
}

void Renderer::restore() {
  program_ = vao_ = vertex_buffer_ = index_buffer_ = vertex_shader_ = fragment_shader_ = 0;
  font_textures_.clear();
  shown_ = 0;
  init();
  picture_texture_ = 0;
  if (!picture_.empty()) upload_picture(picture_, picture_width_, picture_height_);
}

ImTextureID Renderer::upload_picture(std::vector<unsigned char> rgba, int width, int height) {
  if (width <= 0 || height <= 0 || rgba.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)
    return nullptr;
  if (!picture_texture_) glGenTextures(1, &picture_texture_);
  glBindTexture(GL_TEXTURE_2D, picture_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  picture_ = std::move(rgba);  // kept: a lost WebGL context takes the texture with it (restore())
  picture_width_ = width;
  picture_height_ = height;
  shown_ = 0;
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(picture_texture_));
}

bool Renderer::check(std::string& error) {
  if (!vertex_shader_) return true;  // checked before
  GLint linked = GL_FALSE;
  glGetProgramiv(program_, GL_LINK_STATUS, &linked);
  if (!linked) error = "shaders: " + shader_log(vertex_shader_) + " " + shader_log(fragment_shader_);
  glDetachShader(program_, vertex_shader_);
  glDetachShader(program_, fragment_shader_);
  glDeleteShader(vertex_shader_);
  glDeleteShader(fragment_shader_);
  vertex_shader_ = fragment_shader_ = 0;
  return linked == GL_TRUE;
}

void Renderer::upload_fonts(ImFontAtlas& atlas) {
  // build_next_font() has built the atlas; its pixels are read directly (GetTexDataAsAlpha8() would also link in
  // ImGui's default font, for an atlas without fonts).
  const unsigned char* pixels = atlas.TexPixelsAlpha8;
  const int width = atlas.TexWidth, height = atlas.TexHeight;
  IM_ASSERT(pixels && "build the font atlas before uploading it");
  auto it = std::find_if(font_textures_.begin(), font_textures_.end(), [&](const auto& t) { return t.first == &atlas; });
  if (it == font_textures_.end()) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    it = font_textures_.emplace(font_textures_.end(), &atlas, texture);
  }
  glBindTexture(GL_TEXTURE_2D, it->second);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(it->second)));
  atlas.ClearTexData();  // the pixels live in the texture now
  shown_ = 0;  // the same vertices now show different glyphs
}

bool Renderer::render(const ImDrawData& data, int fb_width, int fb_height, const ImVec4& clear) {
  const std::uint64_t frame = signature(data, fb_width, fb_height, clear);
  if (frame == shown_) return false;
  shown_ = frame;
  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (fb_width <= 0 || fb_height <= 0 || data.CmdListsCount == 0) return true;

  const float left = data.DisplayPos.x, right = data.DisplayPos.x + data.DisplaySize.x;
  const float top = data.DisplayPos.y, bottom = data.DisplayPos.y + data.DisplaySize.y;
  glUseProgram(program_);
  glVertexAttrib4f(3, 2.0f / (right - left), 2.0f / (top - bottom), (right + left) / (left - right),
                   (top + bottom) / (bottom - top));
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
  glEnable(GL_SCISSOR_TEST);

  const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
      const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
      glVertexAttrib1f(4, texture != 0 && texture == picture_texture_ ? 1.0f : 0.0f);
      glBindTexture(GL_TEXTURE_2D, texture);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  return true;
}

}  // namespace mn::platform

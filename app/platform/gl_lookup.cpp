// SDL's EGL layer keeps a pointer to eglGetProcAddress, and Emscripten's own eglGetProcAddress (libGL's
// libprocaddr.c) answers by name from a table of every WebGL 1/2 function it knows. Linking that table links every
// one of those functions: ~300 more imports in app.wasm and their JavaScript in app.js, for an app that calls about
// forty GL functions directly (renderer.cpp) and never looks one up by name.
//
// This definition takes the place of the library's (the linker only pulls an archive member for a symbol nothing
// else defines). It finds nothing, which is what EGL's contract allows for a name it does not offer: SDL then treats
// the extension as absent. Nothing in the app calls SDL_GL_GetProcAddress; if something ever needs a GL function by
// name, add it here explicitly rather than bringing the whole table back.
extern "C" void* eglGetProcAddress(const char* /*name*/) { return nullptr; }

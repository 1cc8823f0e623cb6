#pragma once
// The last line of defence around the core's entry points. Nothing in the core throws on bad input: every
// problem is reported as an Issue. What is left is resource exhaustion (std::bad_alloc and the like).
//
// Native builds (the CLI, the tests) have C++ exceptions: such a failure becomes `on_failure(what)`, a reply that
// names it. The web build is compiled without exceptions (about 35 kB less WebAssembly after compression, and no
// unwinding code on every path): there, as for any failed allocation in the browser, the program stops.
#include <exception>
#include <utility>

namespace mn {

template <class Work, class OnFailure>
auto run_guarded(Work&& work, [[maybe_unused]] OnFailure&& on_failure) -> decltype(work()) {
#if defined(__cpp_exceptions)
  try {
    return std::forward<Work>(work)();
  } catch (const std::exception& e) {
    return std::forward<OnFailure>(on_failure)(e.what());
  }
#else
  return std::forward<Work>(work)();
#endif
}

}  // namespace mn

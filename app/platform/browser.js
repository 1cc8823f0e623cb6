// JavaScript side of app/platform/browser.hpp (an Emscripten --js-library).
mergeInto(LibraryManager.library, {
  mn_js_install_listeners: function () {
    var wake = function () { Module['_mn_wake'](); };
    var opts = { capture: true, passive: true };
    ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart', 'touchmove', 'touchend',
     'touchcancel', 'mousedown', 'mousemove', 'mouseup', 'wheel', 'keydown', 'keyup', 'focus', 'blur',
     'resize', 'orientationchange'].forEach(function (type) { window.addEventListener(type, wake, opts); });
    document.addEventListener('visibilitychange', wake);
    if (window.ResizeObserver) new ResizeObserver(wake).observe(Module['canvas']);
    // devicePixelRatio changes without a resize when a window moves to another screen.
    var watchRatio = function () {
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      mq.addEventListener('change', function once() { mq.removeEventListener('change', once); watchRatio(); wake(); });
    };
    if (window.matchMedia) watchRatio();
    // Not every engine (nor DevTools emulation) reports that change: a cheap check twice a second covers it.
    var lastRatio = window.devicePixelRatio;
    setInterval(function () {
      if (window.devicePixelRatio !== lastRatio) { lastRatio = window.devicePixelRatio; wake(); }
    }, 500);
    // SDL swallows every Ctrl/Cmd key: let browser zoom through (WCAG 1.4.4).
    window.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].indexOf(e.key) >= 0) e.stopImmediatePropagation();
    }, true);
  },
  mn_js_first_frame: function () {
    document.documentElement.classList.add('mn-ready');
    window.dispatchEvent(new Event('mn-ready'));
  },
  mn_js_fatal: function (what, detail) {
    if (window.mnShowError) window.mnShowError(UTF8ToString(what), UTF8ToString(detail));
  },
  $mnNewString__deps: ['malloc'],
  $mnNewString: function (v) {
    if (v === null || v === undefined) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },
  mn_js_language_preference_new__deps: ['$mnNewString'],
  mn_js_language_preference_new: function () {
    var v = new URLSearchParams(window.location.search).get('lang');
    if (v === null) { try { v = window.localStorage.getItem('mn-lang'); } catch (e) { v = null; } }
    return mnNewString(v);
  },
  mn_js_remember_language: function (code) {
    try { window.localStorage.setItem('mn-lang', UTF8ToString(code)); } catch (e) { /* storage may be off */ }
  },
  mn_js_query_param_new__deps: ['$mnNewString'],
  mn_js_query_param_new: function (name) {
    return mnNewString(new URLSearchParams(window.location.search).get(UTF8ToString(name)));
  },
});

//# allFunctionsCalledOnLoad
// (That first line asks V8 to compile every function of this file while it downloads, on another thread: they all
// run at start-up. assemble-dist puts the same line on top of app.js.)
// Starts the app: checks what the browser can do, downloads the WebAssembly with a progress bar, and shows a
// readable message (never a blank canvas) when something is missing or fails.
// How to start is read from this script's data attributes (index.html; written at dist assembly time):
//   data-app-js, data-app-wasm   the (content-hashed) URLs of the app; default app.js / app.wasm
//   data-app-wasm-bytes          app.wasm's size, for the progress bar when it comes compressed (br, gzip)
//   data-gl-warmup               gl-warmup.js, the worker that readies WebGL off the main thread (optional)
//   data-wasm-warmup             wasm-warmup.js, the worker that runs the app's start-up first, so that its code is
//                                compiled off the main thread (optional; needs data-app-warm-up)
//   data-app-warm-up             the name under which app.wasm exports mn_warm_up (minified; written at assembly)
//   data-sw                      the service worker to register once the app runs (offline use); none without it
//   data-standalone              standalone.html: app.js follows inline and the wasm is base64 in #mn-wasm
//   data-lang-<code>             a language's content pack (English's: all but the UI strings compiled into the
//                                app), fetched when that language is first wanted (standalone.html: inline in
//                                #mn-lang-<code>)
(function () {
  'use strict';
  var me = document.currentScript || {};
  var option = function (name, fallback) { return (me.getAttribute && me.getAttribute(name)) || fallback; };
  var standalone = !!(me.hasAttribute && me.hasAttribute('data-standalone'));
  var appJs = option('data-app-js', 'app.js');
  var appWasm = option('data-app-wasm', 'app.wasm');
  var statusText = document.getElementById('status-text');
  var progress = document.getElementById('progress');
  var errorBox = document.getElementById('error');

  var messages = {
    wasm: 'This browser cannot run WebAssembly, which this guide needs. Please update your browser or try another one.',
    webgl2: 'This browser or device cannot draw the guide (WebGL 2 is not available or is switched off). Please update your browser, turn on hardware acceleration, or try another device.',
    download: 'The guide could not be downloaded. Please check your connection and reload the page.',
    crash: 'Something went wrong while starting the guide. Please reload the page.',
    stopped: 'The guide stopped working and could not recover. Reloading the page starts it again (the answers entered on this page will be lost).',
  };

  function showError(kind, detail) {
    document.documentElement.classList.remove('mn-ready');
    document.getElementById('status').hidden = true;
    errorBox.hidden = false;
    errorBox.textContent = messages[kind] || messages.crash;
    if (detail) console.warn('[navigator] ' + kind + ': ' + detail);
  }
  window.mnShowError = showError;

  // No WebGL 2 at all: say so at once. Whether a context can really be made is known only when the app makes its
  // own (a failure there shows the same message). A test context here on the main thread would block the page for
  // hundreds of milliseconds with software rendering, so a worker makes one instead (gl-warmup.js): it also gets
  // the browser's GPU connection ready while the app downloads. The app starts when both are done.
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showError('wasm');
  if (typeof WebGL2RenderingContext === 'undefined') return showError('webgl2');

  // The worker stays until the app has its own context: ending it earlier would close the GPU connection it opened.
  var warmUpWorker = null;
  function warmUpGraphics() {
    var url = option('data-gl-warmup', '');
    if (!url || standalone || typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return Promise.resolve();
    return new Promise(function (resolve) {
      var timer = setTimeout(resolve, 4000); // never let a stuck worker hold the app back
      var done = function () { clearTimeout(timer); resolve(); };
      try { warmUpWorker = new Worker(url); } catch (e) { return done(); }
      warmUpWorker.onmessage = done;
      warmUpWorker.onerror = function (e) { e.preventDefault(); done(); };
    });
  }
  var graphicsReady = null; // true once the page's WebGL 2 context is made (started with app.js, below)
  var pixelRatio = function () { return Math.min(4, Math.max(0.5, window.devicePixelRatio || 1)); }; // as main_web.cpp

  // The app's start-up, run once in a worker before the app starts (wasm-warmup.js, app/platform/warm_up.cpp): the
  // browser compiles WebAssembly functions on their first call, on the calling thread, and the worker shares the
  // compiled module, so the ~1,300 functions the start-up calls are compiled there instead of in this page's tasks.
  // Resolves when the worker is done or failed, or after 2 s (then it is stopped); the app starts either way.
  function warmUpWasm(module) {
    var url = option('data-wasm-warmup', ''), entry = option('data-app-warm-up', '');
    if (!url || !entry || standalone || typeof Worker !== 'function') return Promise.resolve();
    return new Promise(function (resolve) {
      var worker = null, timer = 0;
      var done = function (stop) { clearTimeout(timer); if (stop && worker) worker.terminate(); resolve(); };
      timer = setTimeout(function () { done(true); }, 2000);
      try { worker = new Worker(url); } catch (e) { return done(false); }
      worker.onmessage = function () { done(false); }; // it closes itself
      worker.onerror = function (e) { e.preventDefault(); done(true); };
      var box = document.getElementById('canvas').getBoundingClientRect();
      worker.postMessage({ module: module, entry: entry, dpr: pixelRatio(), width: box.width, height: box.height });
    });
  }

  // The page's own WebGL 2 context, made here as soon as the warm-up is done and while app.wasm still downloads.
  // The app asks for the same context later (SDL_GL_CreateContext, app/platform/main_web.cpp) and the browser
  // hands back this one, so the attributes must be the app's: no alpha, depth, stencil or antialiasing.
  // Made at that moment it takes ~10–25 ms with software rendering; made inside the app's start-up, right after
  // the WebAssembly is instantiated, the same call waited 100–200 ms for the GPU process.
  // Resolves to false (after showing the message) when this browser cannot draw with WebGL 2 after all.
  // The canvas gets the size the app will give it (its CSS size × devicePixelRatio, as main_web.cpp computes) before
  // the context exists: resizing a canvas that has a context reallocates its drawing buffer.
  function createContext() {
    var gl = null;
    try {
      var canvas = document.getElementById('canvas'), box = canvas.getBoundingClientRect();
      var ratio = pixelRatio();
      canvas.width = Math.round(Math.max(box.width, 1) * ratio);
      canvas.height = Math.round(Math.max(box.height, 1) * ratio);
      gl = canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
    } catch (e) { /* as null */ }
    if (!gl) showError('webgl2');
    return !!gl;
  }

  // Runs `then` once the browser reports the page's first contentful paint (or after 3 s without such a report).
  function afterFirstPaint(then) {
    var started = false;
    var go = function () { if (!started) { started = true; then(); } };
    try {
      if (performance.getEntriesByName('first-contentful-paint').length) return setTimeout(go, 0);
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); setTimeout(go, 0); }
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      requestAnimationFrame(function () { setTimeout(go, 0); });
    }
    setTimeout(go, 3000);
  }

  // Streams app.wasm so the progress bar moves; falls back to an indeterminate bar when the size is unknown (no
  // data-app-wasm-bytes, and no Content-Length or a compressed one).
  function fetchWasm(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      var total = Number(option('data-app-wasm-bytes', 0)) ||
        (response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0);
      if (!response.body || !total) {
        progress.removeAttribute('value');
        return response.arrayBuffer();
      }
      // The bar moves at most five times a second: each move repaints the page, and with software rendering every
      // repaint is GPU-process work that the page's own start-up would wait behind.
      var reader = response.body.getReader(), chunks = [], received = 0, moved = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var bytes = new Uint8Array(received), offset = 0;
            chunks.forEach(function (c) { bytes.set(c, offset); offset += c.length; });
            return bytes.buffer;
          }
          chunks.push(step.value);
          received += step.value.length;
          if (performance.now() - moved >= 200) {
            moved = performance.now();
            progress.value = Math.min(99, Math.round((received / total) * 100));
          }
          return pump();
        });
      }
      return pump();
    });
  }

  // standalone.html carries the wasm as base64 in a data block (no fetch: it runs from file://).
  function inlineWasm() {
    return new Promise(function (resolve) {
      var text = document.getElementById('mn-wasm').textContent.replace(/\s+/g, '');
      var raw = atob(text), bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      resolve(bytes.buffer);
    });
  }

  // Everything heavy starts once the page's text is on screen (below): the download of app.wasm, the graphics
  // warm-up and app.js (whose start-up keeps the main thread busy). The visitor reads the introduction at once,
  // and on a slow phone or connection the first paint does not queue behind them.
  var wasmBytes = null;

  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: function (imports, done) {
      Promise.all([standalone ? inlineWasm() : wasmBytes, graphicsReady || Promise.resolve().then(createContext)])
        .then(function (results) {
          var bytes = results[0];
          if (!results[1]) return null; // no WebGL 2: the message is up
          statusText.textContent = 'Starting…';
          return WebAssembly.compile(bytes).then(function (module) {
            return warmUpWasm(module).then(function () { return WebAssembly.instantiate(module, imports); })
              .then(function (instance) { return { instance: instance, module: module }; });
          });
        })
        .then(function (result) { if (result) done(result.instance, result.module); })
        .catch(function (e) { showError('download', String(e)); });
      return {};
    },
    onAbort: function (what) { showError('crash', String(what)); },
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
  };

  // The clinic's own settings: ?config=<path on this site>, else an optional clinic.json beside this page.
  // Fetched while the app downloads; the app starts with its built-in demo clinic and takes these when they come.
  var explicitConfig = new URLSearchParams(window.location.search).get('config');
  var configSource = explicitConfig || 'clinic.json';
  var configJob = (function () {
    var target = null;
    try { target = new URL(configSource, window.location.href); } catch (e) { /* reported below */ }
    if (!target || target.origin !== window.location.origin || !/^https?:$/.test(target.protocol)) {
      return Promise.resolve(explicitConfig ? { error: 'the configuration must be a file on this site, not ' + configSource } : null);
    }
    return fetch(target.href, { credentials: 'same-origin', cache: 'no-cache' }).then(function (r) {
      var html = /text\/html/.test(r.headers.get('Content-Type') || '');
      if (r.ok && !(html && !explicitConfig)) return r.arrayBuffer().then(function (b) { return { bytes: new Uint8Array(b) }; });
      return explicitConfig ? { error: 'the file could not be loaded (HTTP ' + r.status + ')' } : null;
    }, function (e) {
      return explicitConfig ? { error: 'the file could not be loaded (' + e.message + ')' } : null;
    });
  })();

  // The clinic's name on the loading card and in the tab's title as soon as its configuration is here (the app
  // checks the file fully later; only a plain one-line name of at most 80 characters is used here).
  configJob.then(function (result) {
    if (!result || !result.bytes) return;
    var name = null;
    try { name = JSON.parse(new TextDecoder().decode(result.bytes)).clinic.name; } catch (e) { return; }
    if (typeof name !== 'string' || !name.trim() || name.length > 80 || /[\u0000-\u001f]/.test(name)) return;
    var heading = document.querySelector('#intro h1');
    if (heading) heading.textContent = name;
    document.title = name + ': ' + document.title.replace(/^[^:]*:\s*/, '');
  });

  function withString(text, use) {
    var n = Module.lengthBytesUTF8(text) + 1, p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    try { use(p); } finally { Module._free(p); }
  }

  function applyConfig(result) {
    if (!result) return;
    withString(configSource, function (source) {
      if (result.error) {
        withString(result.error, function (message) { Module._mn_set_clinic_config_error(source, message); });
        return;
      }
      var p = Module._malloc(Math.max(1, result.bytes.length));
      Module.HEAPU8.set(result.bytes, p);
      try { Module._mn_set_clinic_config(p, result.bytes.length, source); } finally { Module._free(p); }
    });
    loadLogo();
  }

  // The clinic's logo (brand.logo, checked by the app: a picture beside the configuration), decoded by the browser
  // (PNG, JPEG, WebP or SVG) at twice its 32 px height and handed to the app as pixels. A logo that cannot be had
  // leaves the app's own mark, and says why in the console.
  function loadLogo() {
    var path = Module.UTF8ToString(Module._mn_clinic_logo());
    if (!path) return;
    var url = new URL(path, new URL(configSource, window.location.href)).href;
    var img = new Image();
    img.onload = function () {
      var nw = img.naturalWidth || 192, nh = img.naturalHeight || 96;  // an SVG without a size of its own: 2:1
      var scale = Math.min(1, 96 / nh, 512 / nw);
      var w = Math.max(1, Math.round(nw * scale)), h = Math.max(1, Math.round(nh * scale));
      var c = document.createElement('canvas');
      c.width = w; c.height = h;
      var ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0, w, h);
      var data = ctx.getImageData(0, 0, w, h).data;
      var p = Module._malloc(data.length);
      Module.HEAPU8.set(data, p);
      try { Module._mn_set_logo(p, w, h); } finally { Module._free(p); }
    };
    img.onerror = function () { console.warn('Microneedling Navigator: the clinic logo ' + url + ' could not be loaded; the app shows its own mark.'); };
    img.src = url;
  }

  // Content packs (app/core/assets.hpp): the app compiles in only the English UI strings its first frame needs.
  // English's other content is asked for as the app starts, each other language when it is first wanted (a tap on
  // ES, a clinic whose default language it is, a plan link, the JavaScript API). A pack the app asks for is fetched
  // once its first frame is drawn, so the first frame never waits behind it; the language asked for by the address
  // or the remembered choice is fetched at once (below). Each pack is fetched once and handed to the app once.
  var firstFrame = new Promise(function (resolve) { window.addEventListener('mn-ready', resolve); });
  var languageJobs = {};
  function fetchLanguage(code) {
    if (!languageJobs[code]) {
      var inline = standalone && document.getElementById('mn-lang-' + code); // parsed by the time the app asks
      var url = /^[a-z]{2}$/.test(code) && option('data-lang-' + code, '');
      languageJobs[code] = inline ? Promise.resolve(new TextEncoder().encode(inline.textContent))
        : !url ? Promise.reject(new Error('no content pack for "' + code + '"'))
        : fetch(url, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
          return r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
        });
      languageJobs[code].catch(function () { /* reported when the app asks for it */ });
    }
    return languageJobs[code];
  }
  var languagesHandedOver = {};
  window.mnRequestLanguage = function (code) {
    if (languagesHandedOver[code]) return;
    languagesHandedOver[code] = true;
    firstFrame.then(function () { return fetchLanguage(code); }).then(function (bytes) {
      var p = Module._malloc(Math.max(1, bytes.length));
      Module.HEAPU8.set(bytes, p);
      var added = 0;
      try { added = Module._mn_add_asset_pack(p, bytes.length); } finally { Module._free(p); }
      if (!added) throw new Error('the pack was refused (damaged)');
    }).catch(function (e) {
      console.warn('[navigator] content for ' + code + ' unavailable: ' + e);
      languagesHandedOver[code] = false; // a later request tries again (back online)
      delete languageJobs[code];
      withString(code, function (p) { Module._mn_language_failed(p); });
    });
  };
  // The language asked for by ?lang=, else the one a person picked before (the app reads it here too); null if none.
  window.mnLanguagePreference = function () {
    var code = new URLSearchParams(window.location.search).get('lang');
    if (code === null) { try { code = window.localStorage.getItem('mn-lang'); } catch (e) { code = null; } }
    return code;
  };
  (function prefetchLanguage() {
    var code = window.mnLanguagePreference();
    if (code && code !== 'en' && !standalone && option('data-lang-' + code, '')) fetchLanguage(code);
  })();

  // Offline use: the service worker precaches the build once the app runs (so it never competes with the first
  // download). Only on http(s) in a secure context (https, localhost, 127.0.0.1): never from file://.
  // A new build's worker installs in the background; as this page has everything it needs by now, it lets that
  // worker take over at once, and the next load runs the new version (sw.js explains why not earlier).
  // Offline use is set up once the start-up is over: installing sw.js fetches and compiles every file of the app
  // again, CPU work that would otherwise compete with the app's first second (phones have few fast cores, and the
  // English content arrives and is read in right after the first frame). Three seconds on, when the page is idle.
  function whenSettled(then) {
    setTimeout(function () {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(then, { timeout: 2000 }); else then();
    }, 3000);
  }

  function registerServiceWorker() {
    var sw = option('data-sw', '');
    if (!sw || !('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register(sw).then(function (registration) {
      var activate = function (worker) { if (worker) worker.postMessage({ type: 'mn-activate' }); };
      activate(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var worker = registration.installing;
        if (worker) worker.addEventListener('statechange', function () { if (worker.state === 'installed') activate(worker); });
      });
    }).catch(function (e) { console.warn('[navigator] offline mode unavailable: ' + e); });
  }

  // The preview in the setup page (setup.html, ?preview=1) shows the configuration being edited, which the page
  // passes on from the editor: only from this same site, and the newest one once the app is ready.
  var previewReady = false, previewPending = null;
  function applyPreview(json) {
    var bytes = new TextEncoder().encode(json);
    var p = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, p);
    withString('setup', function (source) {
      try { Module._mn_set_clinic_config(p, bytes.length, source); } finally { Module._free(p); }
    });
  }
  if (new URLSearchParams(window.location.search).get('preview') === '1') {
    window.addEventListener('message', function (e) {
      if (e.origin !== window.location.origin || !e.data || e.data.type !== 'mn-setup-config' || typeof e.data.json !== 'string') return;
      if (previewReady) applyPreview(e.data.json);
      else previewPending = e.data.json;
    });
  }

  // The setup editor (?setup=1) opens a clinic.json dropped on it, or picked or dropped on the page around it
  // (setup.html passes the file on, from this same site only). Its bytes go to the app as they are: a file too large,
  // not UTF-8 or not JSON is refused there with the reason, and nothing already entered is lost.
  var setupReady = false, setupPending = [];
  function openInEditor(name, bytes) {
    if (!setupReady) { setupPending.push([name, bytes]); return; }
    var data = new Uint8Array(bytes), p = Module._malloc(Math.max(1, data.length));
    Module.HEAPU8.set(data, p);
    withString(name, function (n) {
      try { Module._mn_setup_open(n, p, data.length); } finally { Module._free(p); }
    });
  }
  function readFileFor(file, use) {
    // One byte past the loader's limit (1 MiB) is enough for it to say the file is too large.
    file.slice(0, 1048577).arrayBuffer().then(function (bytes) { use(file.name, bytes); },
      function (e) { console.warn('[navigator] could not read ' + file.name + ': ' + e); });
  }
  if (new URLSearchParams(window.location.search).get('setup') === '1') {
    window.addEventListener('message', function (e) {
      if (e.origin !== window.location.origin || !e.data || e.data.type !== 'mn-setup-open') return;
      if (typeof e.data.name !== 'string' || !(e.data.bytes instanceof ArrayBuffer)) return;
      openInEditor(e.data.name, e.data.bytes);
    });
    window.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      var file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) readFileFor(file, openInEditor);
    });
  }

  window.addEventListener('mn-ready', function () {
    setupReady = true;
    setupPending.splice(0).forEach(function (f) { openInEditor(f[0], f[1]); });
    if (warmUpWorker) warmUpWorker.postMessage('done'); // it ends itself (see gl-warmup.js)
    configJob.then(applyConfig).then(function () {
      previewReady = true;
      if (previewPending !== null) applyPreview(previewPending);
      previewPending = null;
    });
    progress.value = 100;
    statusText.textContent = 'Ready';
    // Embedded in another site's page (an <iframe>), the app must not take the keyboard from that page.
    var framed = true;
    try { framed = window.self !== window.top; } catch (e) { /* cross-origin: framed */ }
    var canvas = document.getElementById('canvas');
    if (!framed) canvas.focus({ preventScroll: true });
    // A press on the app takes the keyboard (also in a frame, where it was not taken at start): the setup editor's
    // fields are typed into through the canvas. (SDL cancels the press's default action, which would focus it.)
    canvas.addEventListener('pointerdown', function () {
      if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    });
    whenSettled(registerServiceWorker);
  });

  if (standalone) return; // app.js follows this script inline
  var script = document.createElement('script');
  script.src = appJs;
  script.async = true;
  script.onerror = function () { showError('download', appJs); };
  function start() {
    wasmBytes = fetchWasm(appWasm);
    wasmBytes.catch(function () { /* reported when the app asks for it */ });
    graphicsReady = warmUpGraphics().then(createContext);
    document.head.appendChild(script);
  }
  afterFirstPaint(start);
})();

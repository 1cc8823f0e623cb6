// A worker started by loader.js while the app downloads. Creating a WebGL 2 context here, off the page's main
// thread, makes the browser set up its GPU connection early (hundreds of milliseconds with software rendering),
// so the app's own context is created in a few milliseconds and the page stays responsive meanwhile.
// It only warms up: whether WebGL 2 works is decided by the app's own context (some browsers have WebGL 2 but
// not in workers), so the answer here is informational.
'use strict';
var ok = false;
try {
  ok = typeof OffscreenCanvas === 'function' && !!new OffscreenCanvas(1, 1).getContext('webgl2');
} catch (e) {
  ok = false;
}
postMessage({ webgl2: ok });

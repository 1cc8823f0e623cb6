// A worker started by loader.js while the app downloads. Creating a WebGL 2 context here, off the page's main
// thread, makes the browser set up its GPU connection early (hundreds of milliseconds with software rendering),
// so the app's own context is created in a few milliseconds and the page stays responsive meanwhile.
// It only warms up: whether WebGL 2 works is decided by the app's own context (some browsers have WebGL 2 but
// not in workers), so the answer here is informational.
'use strict';
// The page says when its own context is up. The context is released here, on this thread, and the worker ends
// a moment later. (Ending it with the context still alive, or terminate() from the page, makes the page's main
// thread wait while the context is torn down: ~170 ms with software rendering.)
var context = null;
try {
  context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('webgl2') : null;
} catch (e) {
  context = null;
}
postMessage({ webgl2: !!context });
onmessage = function () {
  var lose = context && context.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();
  context = null;
  setTimeout(close, 1000);
};

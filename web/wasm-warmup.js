// A worker started by loader.js once app.wasm is compiled, before the app starts: it runs the app's start-up once,
// in a throw-away instance of the module (app/platform/warm_up.cpp). Browsers compile WebAssembly functions on
// their first call, on the calling thread; the compiled code belongs to the module, which this worker shares with
// the page. So the functions the start-up needs are compiled here, and the page's main thread finds them ready.
// Every import is a stub that returns 0: the path run here calls none of them. The worker closes itself when done;
// a failure (a trap) only means less was warmed up.
'use strict';
onmessage = function (event) {
  var job = event.data, imports = {};
  WebAssembly.Module.imports(job.module).forEach(function (entry) {
    if (!imports[entry.module]) imports[entry.module] = {};
    imports[entry.module][entry.name] = function () { return 0; };
  });
  WebAssembly.instantiate(job.module, imports).then(function (instance) {
    instance.exports[job.entry](job.dpr, job.width, job.height);
    postMessage({ warm: true });
  }).catch(function (e) {
    postMessage({ warm: false, error: String(e) });
  }).then(function () { close(); });
};

// The measuring half of scripts/bench/run: serves our app and the stock Dear ImGui demo the same way (the static
// server of tests/e2e/lib.mjs, each on its own 127.0.0.1 port), measures both, prints the comparison and our budget,
// and rewrites the generated section of docs/benchmarks.md. Missing a budget is reported, not an error: the exit
// status is non-zero only when something could not be measured.
//   node scripts/bench/bench.mjs [--ours DIR] [--stock DIR] [--docs FILE | --no-docs] [--rerender]
//   (--rerender: no measuring; print and write the docs again from build/bench/results.json)
//   BENCH_RUNS (default 3): page loads and idle runs per page; BENCH_LIGHTHOUSE_RUNS (default 3) per page and preset.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../../tests/e2e/lib.mjs';
import { idleOnce, loadOnce, VIEWPORT, wasmSections } from './measure.mjs';
import { lighthouse, lighthouseVersion } from './lighthouse.mjs';
import { BUDGET, firstFrameBytes, median, render, writeDocs } from './report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const oursDir = resolve(opt('--ours', join(ROOT, 'build/web/dist')));
const stockDir = resolve(opt('--stock', join(ROOT, 'build/bench/stock/web')));
const docs = argv.includes('--no-docs') ? null : resolve(opt('--docs', join(ROOT, 'docs/benchmarks.md')));
const outDir = join(ROOT, 'build/bench');
if (argv.includes('--rerender')) { // print and write the docs again from the last results (after a change to report.mjs)
  const section = render(JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')));
  console.log(section);
  if (docs) writeDocs(docs, section);
  process.exit(0);
}
const RUNS = Number(process.env.BENCH_RUNS || 3);
const LH_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);
const IDLE_SECONDS = 10;
const say = (s) => process.stderr.write(`\x1b[1;34m==>\x1b[0m ${s}\n`);

// Our web root is copied first (build/bench/ours) and the copy is served: others may rebuild build/web/dist while the
// bench runs, and every figure must come from one build. The copy is retried until the source held still.
const filesUnder = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()).sort();
function snapshot(src, dst) {
  const fingerprint = () => filesUnder(src).map((f) => { const s = statSync(join(src, f)); return `${f}:${s.size}:${s.mtimeMs}`; }).join(' ');
  // A build that is assembling the web root writes its files one after another: wait until nothing changed for 10 s.
  const newest = () => Math.max(...filesUnder(src).map((f) => statSync(join(src, f)).mtimeMs));
  for (let waited = 0; Date.now() - newest() < 10000 && waited < 120; waited += 5) execFileSync('sleep', ['5']);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const before = fingerprint();
      rmSync(dst, { recursive: true, force: true });
      cpSync(src, dst, { recursive: true, preserveTimestamps: true });
      if (fingerprint() === before) return;
    } catch { /* a file vanished while we looked: a build is writing, try again */ }
    execFileSync('sleep', ['5']);
  }
  throw new Error(`${src} kept changing while it was copied (a build running?)`);
}
// When the newest .wasm of a web root was written.
const built = (dir) => {
  const wasm = filesUnder(dir).filter((f) => f.endsWith('.wasm')).map((f) => statSync(join(dir, f)).mtime).sort((a, b) => b - a)[0];
  if (!wasm) throw new Error(`no .wasm file in ${dir}`);
  return wasm.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
};
snapshot(oursDir, join(outDir, 'ours'));
const apps = {
  ours: { name: 'ours', dir: join(outDir, 'ours'), builtAt: built(oursDir), serverLog: [] },
  stock: { name: 'stock', dir: stockDir, builtAt: built(stockDir), serverLog: [] },
};
for (const app of Object.values(apps)) statSync(join(app.dir, 'index.html'));

const machine = {
  nproc: Number(execFileSync('nproc').toString().trim()),
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || cpus()[0]?.model || 'unknown',
  ramKiB: Number((readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m) || [])[1] || 0),
  loadStart: loadavg().map((x) => x.toFixed(2)).join(' '),
};
const emccVersion = (() => { try { return execFileSync('em++', ['--version']).toString().split('\n')[0].match(/\d+\.\d+\.\d+/)[0]; } catch { return '?'; } })();

const servers = {};
for (const app of Object.values(apps)) {
  servers[app.name] = await serve(app.dir, 0, '127.0.0.1', { onRequest: (r) => app.serverLog.push(r) });
  app.url = servers[app.name].url;
}
say(`serving ours at ${apps.ours.url} and the stock demo at ${apps.stock.url}`);

try {
  // 1. Cold loads: first-frame time and the files requested before it. Alternate which page goes first.
  const browser = await launch();
  const chromiumVersion = browser.version();
  for (const app of Object.values(apps)) app.loads = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const app of i % 2 ? [apps.stock, apps.ours] : [apps.ours, apps.stock]) {
        const r = await loadOnce(browser, app);
        app.loads.push(r);
        say(`load ${i + 1}/${RUNS} ${app.name}: first frame at ${Math.round(r.firstFrameMs)} ms`);
      }
    }
  } finally {
    await browser.close();
  }

  // 2. Idling after load: a browser of its own per run, so its processes' CPU time is the page's alone.
  for (const app of Object.values(apps)) app.idles = [];
  for (let i = 0; i < RUNS; i++) {
    for (const app of i % 2 ? [apps.stock, apps.ours] : [apps.ours, apps.stock]) {
      const r = await idleOnce(app.url, IDLE_SECONDS);
      app.idles.push(r);
      say(`idle ${i + 1}/${RUNS} ${app.name}: ${r.draws} draw calls, ${r.cpuSeconds.toFixed(2)} CPU s over ${r.elapsed.toFixed(1)} s (${r.processes} processes)`);
    }
  }

  // 3. Lighthouse, mobile (default) and desktop.
  for (const app of Object.values(apps)) app.lh = { mobile: [], desktop: [] };
  for (const preset of ['mobile', 'desktop']) {
    for (let i = 0; i < LH_RUNS; i++) {
      for (const app of [apps.ours, apps.stock]) {
        const r = await lighthouse(app.url, preset, join(outDir, 'lighthouse', `${app.name}-${preset}-${i + 1}.json`));
        app.lh[preset].push(r);
        say(`lighthouse ${preset} ${i + 1}/${LH_RUNS} ${app.name}: ${Object.entries(r.scores).map(([k, v]) => `${k} ${v ?? 'n/a'}`).join(', ')}${r.runtimeError ? ` (${r.runtimeError})` : ''}`);
      }
    }
  }
  machine.loadEnd = loadavg().map((x) => x.toFixed(2)).join(' ');

  // ---------------------------------------------------------------- results
  const result = (app) => {
    const beforeSets = app.loads.map((l) => l.requests.filter((r) => r.beforeFirstFrame && r.size).map((r) => r.path).sort().join(' '));
    const lhSummary = (runs) => {
      const med = Object.fromEntries(Object.keys(runs[0].scores).map((c) => [c, median(runs.map((r) => r.scores[c]))]));
      const perf = med.performance;
      const representative = runs.find((r) => r.scores.performance === perf)
        || [...runs].sort((a, b) => Math.abs((a.scores.performance ?? 0) - (perf ?? 0)) - Math.abs((b.scores.performance ?? 0) - (perf ?? 0)))[0];
      return { median: med, runs, representative, runtimeError: runs.find((r) => r.runtimeError)?.runtimeError || null };
    };
    return {
      builtAt: app.builtAt,
      bytes: firstFrameBytes(app.loads[0].requests),
      requestsRun: app.loads[0],
      requestSetsDiffer: new Set(beforeSets).size > 1 ? beforeSets.map((s, i) => `run ${i + 1}: ${s}`).join('; ') : null,
      firstFrame: { median: median(app.loads.map((l) => l.firstFrameMs)), runs: app.loads.map((l) => l.firstFrameMs) },
      idle: { draws: median(app.idles.map((r) => r.draws)), cpu: median(app.idles.map((r) => r.cpuSeconds)), runs: app.idles },
      lighthouse: { mobile: lhSummary(app.lh.mobile), desktop: lhSummary(app.lh.desktop) },
      errors: [...new Set(app.loads.flatMap((l) => l.errors))],
      wasm: app.loads[0].requests.filter((r) => r.beforeFirstFrame && r.size && r.path.endsWith('.wasm'))
        .map((r) => ({ path: r.path, sections: wasmSections(readFileSync(join(app.dir, decodeURIComponent(r.path)))) })),
    };
  };
  const ours = result(apps.ours), stock = result(apps.stock);

  const lhm = ours.lighthouse.mobile.median, lhd = ours.lighthouse.desktop.median;
  const exact1 = (cat) => ({
    label: `Lighthouse ${cat} = 1.0 (mobile and desktop)`,
    pass: lhm[cat] === 1 && lhd[cat] === 1,
    figure: `mobile ${lhm[cat] ?? 'n/a'}, desktop ${lhd[cat] ?? 'n/a'}`,
  });
  const share = stock.idle.cpu > 0 ? ours.idle.cpu / stock.idle.cpu : null;
  const budget = [
    { label: `first-frame bytes ≤ ${BUDGET.firstFrameBrotli / 1000} kB brotli`, pass: ours.bytes.total.brotli <= BUDGET.firstFrameBrotli,
      figure: `${(ours.bytes.total.brotli / 1000).toFixed(1)} kB (${ours.bytes.total.brotli.toLocaleString('en-US')} B in ${ours.bytes.total.files} files)` },
    { label: `idle CPU ≤ ${BUDGET.idleCpuShare * 100}% of the stock demo's`, pass: share !== null && share <= BUDGET.idleCpuShare,
      figure: `${share === null ? 'n/a' : (share * 100).toFixed(2) + '%'} (${ours.idle.cpu.toFixed(2)} s vs ${stock.idle.cpu.toFixed(2)} s in ${IDLE_SECONDS} s)` },
    { label: `Lighthouse performance ≥ ${BUDGET.mobilePerformance} (mobile)`, pass: lhm.performance !== null && lhm.performance >= BUDGET.mobilePerformance,
      figure: `${lhm.performance ?? 'n/a'}${ours.lighthouse.mobile.runtimeError ? ` (${ours.lighthouse.mobile.runtimeError})` : ''}` },
    exact1('accessibility'), exact1('best-practices'), exact1('seo'),
  ];

  const notes = [
    'Stock demo build: the flags of the example\'s Makefile (compile `-Os -sDISABLE_EXCEPTION_CATCHING=1 -DIMGUI_DISABLE_FILE_FUNCTIONS`; ' +
      'link `-sWASM=1 -sALLOW_MEMORY_GROWTH=1 -sNO_EXIT_RUNTIME=0 -sASSERTIONS=1 -sNO_FILESYSTEM=1 -sDISABLE_EXCEPTION_CATCHING=1`, ' +
      'and, like the Makefile, no -Os at link time), with `-sUSE_SDL=2` replaced by the self-built SDL2 in `build/deps/sdl2-wasm`.',
    'Changed in the example\'s `main.cpp` (a copy in `build/bench/stock/obj`): `SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_GAMECONTROLLER)` ' +
      'became `SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER)`, because our SDL2 is built without joystick support and the example otherwise ' +
      'exits with "SDL not built with joystick support" before drawing. The font-file line (`fonts/Roboto-Medium.ttf`) did not abort: ' +
      'it is compiled out by the Makefile\'s default `USE_FILE_SYSTEM=0` (`-DIMGUI_DISABLE_FILE_FUNCTIONS`).',
    'The stock page is `shell_minimal.html` with `{{{ SCRIPT }}}` replaced by `<script async type="text/javascript" src="index.js"></script>`, ' +
      'what emcc writes itself (it does not minify at the Makefile\'s -O0 link).',
    'The stock SDL2 is our size-trimmed build (no audio, joystick, haptic, …); emscripten\'s real SDL2 port would make the stock demo larger, ' +
      'so the byte ratios here flatter the stock demo, not us.',
  ];
  for (const [name, r] of [['ours', ours], ['stock demo', stock]]) {
    const missing = [...new Set(apps[r === ours ? 'ours' : 'stock'].loads.flatMap((l) => l.requests.filter((q) => q.status === 404).map((q) => q.path)))];
    if (missing.length) notes.push(`Requests answered 404 on ${name}: ${missing.map((m) => `\`${m}\``).join(', ')} (Chromium logs each as a console error).`);
    if (r.errors.length) notes.push(`Console errors on ${name}: ${r.errors.map((e) => `\`${e.slice(0, 160)}\``).join('; ')}.`);
  }

  const res = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC', runs: RUNS, lighthouseRuns: LH_RUNS, machine,
    chromium: chromiumVersion, viewport: `${VIEWPORT.viewport.width}×${VIEWPORT.viewport.height} @${VIEWPORT.deviceScaleFactor}x`,
    tools: `node ${process.versions.node}, Lighthouse ${lighthouseVersion()}, playwright-core ${JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version}, emscripten ${emccVersion}`,
    ours, stock, budget, notes,
  };
  const section = render(res);
  console.log(section);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(res, (k, v) => (k === 'request' ? undefined : v), 2));
  if (docs) { writeDocs(docs, section); say(`wrote the generated section of ${docs}`); }
  say(`raw results: ${join(outDir, 'results.json')}; Lighthouse reports: ${join(outDir, 'lighthouse')}`);
} finally {
  for (const s of Object.values(servers)) await s.close();
}

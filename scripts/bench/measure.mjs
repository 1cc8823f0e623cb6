// Browser measurements for scripts/bench: first-frame time and the files requested before it, and the cost of idling.
// Both pages are opened the same way (Debian's Chromium with the SwiftShader flags of tests/e2e/lib.mjs, the
// desktop viewport of lib.mjs, a fresh context or profile per run so nothing is cached).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DEVICES } from '../../tests/e2e/lib.mjs';

export const VIEWPORT = DEVICES.desktop;

// Counts WebGL draw calls and records when the first one happens (performance.now(), i.e. ms since navigation
// start). Both WebGL 1 and WebGL 2 contexts are wrapped: the stock example draws with WebGL 1 (GL ES 2), our app
// with WebGL 2, and in Chromium WebGL2RenderingContext does not inherit from WebGLRenderingContext.
function countDraws() {
  const bench = (window.__bench = { draws: 0, first: null });
  for (const C of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawElements', 'drawArrays']) {
      const original = C.prototype[name];
      C.prototype[name] = function (...args) {
        if (bench.first === null) bench.first = performance.now();
        bench.draws++;
        return original.apply(this, args);
      };
    }
  }
}

const waitFirstFrame = (page, timeout = 60000) =>
  page.waitForFunction(() => window.__bench && window.__bench.first !== null, null, { timeout, polling: 50 });

// Raw, gzip -9 and brotli -q 11 sizes of a buffer (the command-line tools, as a server would precompress).
export function sizes(buf) {
  const compressed = (cmd, args) => execFileSync(cmd, args, { input: buf, maxBuffer: 1 << 28 }).length;
  return { raw: buf.length, gzip: compressed('gzip', ['-9', '-n', '-c']), brotli: compressed('brotli', ['-q', '11', '-c']) };
}

// One cold load in a fresh browser context: ms from navigation start to the first draw call, and every request the
// page made. `app` is { url, dir, serverLog }: serverLog is filled by the static server (lib.mjs serve's onRequest),
// so requests the browser makes on its own (favicon, manifest) are recorded too. A request's start is its Resource
// Timing startTime when the page has an entry for it, otherwise the server's arrival time (marked timed: false).
// Sizes are those of the files the server sent from `app.dir`.
export async function loadOnce(browser, app) {
  const context = await browser.newContext({ ...VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(countDraws);
    const errors = [];
    const foreign = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const consoleTail = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      consoleTail.push(`${m.type()}: ${m.text().slice(0, 300)}`);
    });
    page.on('request', (r) => { if (!r.url().startsWith(app.url) && !r.url().startsWith('data:')) foreign.push({ url: r.url(), wall: Date.now() }); });
    const mark = app.serverLog.length;
    await page.goto(app.url, { waitUntil: 'commit' });
    try {
      await waitFirstFrame(page);
    } catch (e) {
      throw new Error(`${app.url} (${app.dir}): no WebGL draw call within 60 s; last console messages:\n  ${consoleTail.slice(-6).join('\n  ') || e.message}`);
    }
    await page.waitForTimeout(1500); // requests made just after the first frame are listed too (as "after")
    const seen = await page.evaluate(() => ({
      first: window.__bench.first,
      timeOrigin: performance.timeOrigin,
      resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime })),
    }));
    const list = [];
    const used = new Set();
    for (const r of app.serverLog.slice(mark)) {
      const full = new URL(r.url, app.url).href;
      const timing = seen.resources.find((e, i) => e.url === full && !used.has(i));
      if (timing) used.add(seen.resources.indexOf(timing));
      const start = new URL(full).pathname === '/' && !list.some((x) => x.path === '/') ? 0 : timing ? timing.start : r.start - seen.timeOrigin;
      list.push({ path: new URL(full).pathname, status: r.status, start, timed: Boolean(timing) || start === 0 });
    }
    for (const f of foreign) list.push({ path: f.url, status: 'other origin', start: f.wall - seen.timeOrigin, timed: false });
    for (const item of list) {
      item.beforeFirstFrame = item.start <= seen.first;
      if (item.status === 200) item.size = sizes(readFileSync(fileFor(app.dir, item.path)));
    }
    list.sort((a, b) => a.start - b.start);
    return { firstFrameMs: seen.first, requests: list, errors };
  } finally {
    await context.close();
  }
}

function fileFor(root, path) {
  let file = normalize(join(root, decodeURIComponent(path)));
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  return file;
}

// ---------------------------------------------------------------- idle cost

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

// utime + stime (clock ticks) of every process of the browser started with --user-data-dir=<dir>: the processes
// whose command line names that profile, and all their descendants (zygotes, renderers, GPU, utility).
function browserTicks(dir) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields 3… (state, ppid, …)
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]),
        root: cmdline.includes(`--user-data-dir=${dir}\0`) || cmdline.endsWith(`--user-data-dir=${dir}`) });
    } catch { /* the process ended while we looked */ }
  }
  const mine = new Set([...procs].filter(([, p]) => p.root).map(([pid]) => pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) if (!mine.has(pid) && mine.has(p.ppid)) { mine.add(pid); grew = true; }
  }
  return new Map([...mine].map((pid) => [pid, procs.get(pid).ticks]));
}

// Loads the page in a browser of its own (a fresh profile), waits for the first frame and 2 s more, then idles for
// `seconds` with no input: WebGL draw calls and CPU seconds of the whole browser during that time.
export async function idleOnce(url, seconds = 10) {
  const dir = mkdtempSync(join(tmpdir(), 'mn-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...VIEWPORT });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.addInitScript(countDraws);
    await page.goto(url);
    await waitFirstFrame(page);
    await page.waitForTimeout(2000);
    const before = browserTicks(dir);
    const drawsBefore = await page.evaluate(() => window.__bench.draws);
    const t0 = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const drawsAfter = await page.evaluate(() => window.__bench.draws);
    const after = browserTicks(dir);
    const elapsed = (Date.now() - t0) / 1000;
    if (before.size < 2 || after.size < 2) throw new Error(`found only ${after.size} Chromium processes for profile ${dir}`);
    let ticks = 0;
    for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
    return { draws: drawsAfter - drawsBefore, cpuSeconds: ticks / CLK_TCK, elapsed, processes: after.size };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- what a .wasm is made of

// Raw and brotli -q 11 size of each section of a WebAssembly binary (code = function bodies, data = static data
// such as embedded content, fonts and strings; the rest are tables of types, imports and exports).
export function wasmSections(buf) {
  const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
  let p = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const out = {};
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const name = id === 10 || id === 11 ? NAMES[id] : 'other';
    const body = buf.subarray(p, p + size);
    const s = out[name] || (out[name] = { raw: 0, brotli: 0 });
    s.raw += size;
    s.brotli += sizes(body).brotli;
    p += size;
  }
  return out;
}

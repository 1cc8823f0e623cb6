// Shared helpers for the browser end-to-end tests: a static server, Debian's Chromium through playwright-core,
// and the test bridge (the app reports its widgets' rectangles, so tests click real widgets by name).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
  tablet: { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, hasTouch: false },
  // The phone layout at pixel ratio 1: long flows run ~10× faster under SwiftShader (DPR 3 is covered by smoke).
  phoneFast: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true },
};

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

// Serves `root` on 127.0.0.1 (port 0 = any free port). Resolves to { url, port, close() }.
// Optional `onRequest({ url, status, start })` is told of every request served (start: Date.now() on arrival).
export async function serve(root, port = 0, host = '127.0.0.1', { onRequest } = {}) {
  const server = createServer(async (req, res) => {
    if (onRequest) {
      const start = Date.now();
      res.on('finish', () => onRequest({ url: req.url, status: res.statusCode, start }));
    }
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return { url: `http://${host}:${actual}/`, port: actual, close: () => new Promise((r) => server.close(r)) };
}

// Debian's Chromium and the flags every browser run here needs (SwiftShader WebGL, no sandbox as root, no
// background networking): exported so other tools (scripts/bench: Lighthouse, persistent profiles) use the same.
export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints'];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// The optional clinic.json beside the page is looked for on every start; its absence (404) is normal.
export function isAbsentClinicConfig(message) {
  return /Failed to load resource.*404/.test(message.text()) && /\/clinic\.json$/.test(message.location().url || '');
}

// A page on `device` that records console errors and every request's origin.
export async function openApp(browser, device, url) {
  const context = await browser.newContext({ ...DEVICES[device] });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' && !isAbsentClinicConfig(m)) log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url);
  await waitReady(page);
  return { context, page, log };
}

// Waits until the app has drawn its first frame (exported functions throw before the wasm is ready).
export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(() => {
    try { return window.Module && Module._mn_frame_count && Module._mn_frame_count() > 0; } catch { return false; }
  }, null, { timeout, polling: 100 });
  await settle(page);
}

export const frames = (page) => page.evaluate(() => Module._mn_frame_count());
export const state = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._mn_state_json())));
export const items = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._mn_items_json())));

// Waits until the app stops drawing (render on demand), up to `timeout` ms.
export async function settle(page, timeout = 5000) {
  const start = Date.now();
  let last = await frames(page);
  for (;;) {
    await page.waitForTimeout(150);
    const now = await frames(page);
    if (now === last) return now;
    if (Date.now() - start > timeout) throw new Error(`app kept drawing for ${timeout} ms (${now} frames)`);
    last = now;
  }
}

// The widget whose visible name (label without "##…") or full label matches.
export async function findItem(page, name) {
  const all = await items(page);
  const hit = all.find((i) => i.label === name) || all.find((i) => i.name === name);
  if (!hit) throw new Error(`no widget named "${name}"; have: ${all.map((i) => i.label).join(' | ')}`);
  return hit;
}

// Scrolls the content (wheel with a mouse, a finger drag on touch screens) until the named widget is in sight.
export async function reveal(page, name, { touch = false } = {}) {
  const attempts = 40;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const it = await findItem(page, name);
    const view = await page.evaluate(() => [innerWidth, innerHeight]);
    const margin = 90;  // keep clear of fixed bars (top bar, phone tab bar)
    if (it.visible && (it.window !== 'content' || (it.y >= margin && it.y + it.h <= view[1] - margin))) return it;
    const dy = it.y + it.h / 2 - view[1] / 2;
    if (touch) {
      const step = Math.max(-view[1] * 0.6, Math.min(view[1] * 0.6, dy));
      await touchDrag(page, view[0] / 2, view[1] / 2 + step / 2, -step, 8, 100);
    } else {
      await page.mouse.move(view[0] * 0.6, view[1] / 2);
      await page.mouse.wheel(0, dy);
    }
    await settle(page, 15000);
    if (attempt === attempts - 1) return it;
  }
}

// Clicks (mouse) or taps (touch) the middle of a named widget, then waits for the app to settle.
export async function press(page, name, { touch = false } = {}) {
  const it = await reveal(page, name, { touch });
  const box = await page.locator('#canvas').boundingBox();
  const x = box.x + it.x + it.w / 2, y = box.y + it.y + it.h / 2;
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await settle(page);
}

// A touch drag from (x, y) by dy CSS pixels, sent as real touch events over the DevTools protocol.
// `hold` ms of stillness before lifting the finger ends the scroll without a fling.
export async function touchDrag(page, x, y, dy, steps = 12, hold = 0) {
  const cdp = await page.context().newCDPSession(page);
  const point = (py) => [{ x, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / steps) });
    await page.waitForTimeout(16);
  }
  if (hold) await page.waitForTimeout(hold);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Share of canvas pixels that differ from the background colour, and how many distinct colours it shows.
export async function canvasStats(page) {
  const png = (await page.locator('#canvas').screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const bg = [d[0], d[1], d[2]];
    let differing = 0;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) {
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 24) differing++;
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    return { differing: differing / (d.length / (4 * 7)), colours: colours.size, width: img.width, height: img.height };
  }, png);
}

// A tiny test runner: named async checks, a summary line CTest and CI can read, exit code 1 on failure.
export async function run(name, fn) {
  const results = [];
  const check = async (label, body) => {
    const t0 = Date.now();
    try {
      await body();
      results.push({ label, ok: true });
      console.log(`  ok   ${label} (${Date.now() - t0} ms)`);
    } catch (e) {
      results.push({ label, ok: false });
      console.log(`  FAIL ${label}: ${e && e.stack ? e.stack : e}`);
    }
  };
  console.log(`# ${name}`);
  try {
    await fn(check);
  } catch (e) {
    results.push({ label: 'setup', ok: false });
    console.log(`  FAIL setup: ${e && e.stack ? e.stack : e}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

export function assert(cond, message) { if (!cond) throw new Error(message); }

// Shared helpers for the browser end-to-end tests: a static server, Debian's Chromium through playwright-core,
// and the test bridge (the app reports its widgets' rectangles, so tests click real widgets by name).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// Serves `dist` and starts Chromium for `fn({ server, browser })`; both are closed afterwards, whatever happens.
export async function withBrowser(dist, fn) {
  const server = await serve(dist);
  try {
    const browser = await launch();
    try {
      return await fn({ server, browser });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

// window.MicroneedlingNavigator[fn](...args) in the page: the app's JavaScript API (and its test views).
export const api = (page, fn, ...args) => page.evaluate(([f, a]) => window.MicroneedlingNavigator[f](...a), [fn, args]);

// The repository's root, and the demo clinic's treatments that are offered (not "enabled": false).
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export async function enabledTreatments() {
  const demo = JSON.parse(await readFile(join(ROOT, 'assets/clinic/demo.json'), 'utf8'));
  return Object.entries(demo.treatments).filter(([, t]) => t.enabled !== false).map(([id]) => id);
}

// Runs the `navigator` CLI (MN_NAVIGATOR, else build/native/bin/navigator). An argument '@input' is replaced by a
// scratch file holding `input` (JSON-encoded unless a string). Returns stdout, parsed when it is JSON. A non-zero
// exit throws the child_process error (its .status is the exit code). `.scratch` is the scratch folder.
export function navigatorCli(scratchName = 'mn-cli-') {
  const binary = process.env.MN_NAVIGATOR || join(ROOT, 'build/native/bin/navigator');
  const scratch = mkdtempSync(join(tmpdir(), scratchName));
  const cli = (args, input) => {
    const file = join(scratch, 'input.json');
    if (input !== undefined) writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
    const out = execFileSync(binary, args.map((a) => (a === '@input' ? file : a)), { encoding: 'utf8' });
    return out.trim().startsWith('{') ? JSON.parse(out) : out;
  };
  cli.scratch = scratch;
  return cli;
}

// The start of the questionnaire most browser tests share, answered by pressing widgets (`tap(name)`): opens
// "Am I a candidate?", age 30–44, not pregnant, skin type IV picked directly, acne scars.
export async function answerBasics(tap) {
  await tap('Am I a candidate?');
  await tap('30–44##q.age.2');
  await tap('Next');
  await tap('No##q.pregnant.0');
  await tap('Next');
  await tap("I'll pick my type##q.skin.mode.0");
  await tap('Type IV##q.skin.type.4');
  await tap('Next');
  await tap('Acne scars##concern.acne_scars');
}

// After "See my results": the questions left without an answer are listed first (issue 16); go on to the results
// anyway. Nothing happens when every question has an answer.
export async function pastReview(page, { touch = false } = {}) {
  const anyway = (await items(page)).find((i) => /^(See results anyway|Ver resultados ya)$/.test(i.label));
  if (anyway) await press(page, anyway.label, { touch });
}

// The optional clinic.json beside the page is looked for on every start; its absence (404) is normal.
export function isAbsentClinicConfig(message) {
  return /Failed to load resource.*404/.test(message.text()) && /\/clinic\.json$/.test(message.location().url || '');
}

// A page on `device` that records console errors and every request's origin. `options` go to the browser context
// too (e.g. { reducedMotion: 'reduce' }).
export async function openApp(browser, device, url, options = {}) {
  const context = await browser.newContext({ ...DEVICES[device], ...options });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' && !isAbsentClinicConfig(m)) log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url);
  await waitReady(page);
  return { context, page, log };
}

// Waits until the app has drawn its first frame (exported functions throw before the wasm is ready) and, unless
// `content` is false, until the content of the language shown has arrived (web/loader.js fetches it after the first
// frame; until then every screen but Home and Privacy says it is on its way).
export async function waitReady(page, timeout = 60000, { content = true } = {}) {
  await page.waitForFunction((content) => {
    try {
      if (!(window.Module && Module._mn_frame_count && Module._mn_frame_count() > 0)) return false;
      return !content || JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready;
    } catch { return false; }
  }, content, { timeout, polling: 100 });
  await settle(page);
}

export const frames = (page) => page.evaluate(() => Module._mn_frame_count());
export const state = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())));
export const items = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._mn_items_json())));

// Waits (up to `timeout` ms) for the app to show screen `id` ("home", "privacy", …); returns the state either way.
export async function waitForScreen(page, id, timeout = 5000) {
  await page.waitForFunction((want) => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).screen === want, id,
    { timeout, polling: 50 }).catch(() => {});
  await settle(page);
  return state(page);
}

// Waits until the app stops drawing (render on demand), up to `timeout` ms of drawing. Quiet means no new frame for
// 150 ms, or for twice the slowest frame seen when frames come slower than that (SwiftShader at DPR 3 on a busy
// machine).
export async function settle(page, timeout = 5000) {
  const start = Date.now();
  let last = await frames(page), changed = start, quiet = 150;
  for (;;) {
    await page.waitForTimeout(50);
    const now = await frames(page), t = Date.now();
    if (now !== last) {
      quiet = Math.min(3000, Math.max(quiet, (2 * (t - changed)) / (now - last)));
      last = now;
      changed = t;
      if (t - start > timeout) throw new Error(`app kept drawing for ${timeout} ms (${now} frames)`);
    } else if (t - changed >= quiet) {
      return now;
    }
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
  // A widget that appears a frame or two later (a popup, the next screen on a slow machine) gets a moment.
  for (let waited = 0; waited < 3000; waited += 100) {
    if ((await items(page)).some((i) => i.label === name || i.name === name)) break;
    await page.waitForTimeout(100);
  }
  const attempts = 40;
  let lastY = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const it = await findItem(page, name);
    // The content scrolled as far as it goes (the end of the page): the widget is as clear of the bars as it gets.
    if (it.visible && lastY !== null && Math.abs(it.y - lastY) < 1) return it;
    lastY = it.y;
    const view = await page.evaluate(() => [innerWidth, innerHeight]);
    // Keep clear of fixed bars: the top bar above; below, the phone's tab bar and the questionnaire's action bar
    // (Back and Next), together up to about 150 px.
    const margin = 90, bottomMargin = 170;
    if (it.visible && (it.window !== 'content' || (it.y >= margin && it.y + it.h <= view[1] - bottomMargin))) return it;
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
  await pressAt(page, x, y, { touch });
}

// Clicks or taps (x, y) on the page and waits until the app has taken it. A press always draws: first the frame
// after it (slow on a busy machine); a tap ends when the app has taken the finger away again (nothing hovered),
// which can be a while after the browser delivered it; then the app settles.
export async function pressAt(page, x, y, { touch = false } = {}) {
  const before = await frames(page);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await page.waitForFunction((n) => Module._mn_frame_count() > n, before, { timeout: 5000, polling: 50 }).catch(() => {});
  if (touch) {
    await page.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._mn_state_json())).hovered, null,
      { timeout: 5000, polling: 50 }).catch(() => {});
  }
  await settle(page);
}

// A quick flick: a finger drag by dy CSS pixels that lifts while still moving (the last move and the lift are sent
// together, so even a busy machine does not see the finger come to rest first).
export async function flick(page, x, y, dy, steps = 6) {
  const cdp = await page.context().newCDPSession(page);
  const point = (py) => [{ x, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let i = 1; i < steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / steps) });
    await page.waitForTimeout(16);
  }
  await Promise.all([
    cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + dy) }),
    cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
  ]);
  await cdp.detach();
}

// A touch drag from (x, y) by dy CSS pixels, sent as real touch events over the DevTools protocol.
// `hold` ms of stillness before lifting the finger ends the scroll without a fling.
// Pages of other engines (tests/e2e/engines.mjs) send the same drag their own way.
export async function touchDrag(page, x, y, dy, steps = 12, hold = 0) {
  if (page.mnTouchDrag) return page.mnTouchDrag(x, y, dy, steps, hold);
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
// `clip` ({x, y, width, height} on the page) looks at that part of the page instead of the canvas; `match`
// ({min: [r, g, b], max: [r, g, b]}) also counts the pixels (every one, not a sample) within those bounds.
export async function canvasStats(page, { clip = null, match = null } = {}) {
  const png = (clip ? await page.screenshot({ clip }) : await page.locator('#canvas').screenshot()).toString('base64');
  return page.evaluate(async ([b64, match]) => {
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
    let matching = 0;
    if (match)
      for (let i = 0; i < d.length; i += 4)
        if ([0, 1, 2].every((c) => d[i + c] >= match.min[c] && d[i + c] <= match.max[c])) matching++;
    return { differing: differing / (d.length / (4 * 7)), colours: colours.size, width: img.width, height: img.height, matching };
  }, [png, match]);
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

// A tablet page of a kiosk (the demo clinic with default_mode "kiosk" and the given idle timeout, served as its
// clinic.json), drawn and settled on its attract screen.
export async function openKiosk(browser, server, idleSeconds = 30) {
  const demo = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) => route.fulfill({ status: 200,
    contentType: 'application/json', body: JSON.stringify({ ...demo, default_mode: 'kiosk', kiosk_idle_seconds: idleSeconds }) }));
  await page.goto(server.url);
  await page.waitForFunction(() => { try { return Module._mn_frame_count() > 0; } catch { return false; } });
  await page.waitForTimeout(500);
  await settle(page);
  return { context, page };
}

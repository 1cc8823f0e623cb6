// The app in the two other engines Debian ships, each in a real window on a virtual X display (Xvfb):
// - WebKit (the engine of every browser on iPhone and iPad): WebKitGTK's MiniBrowser driven by WebKitWebDriver over
//   classic W3C WebDriver (HTTP);
// - Gecko: Firefox ESR driven over WebDriver BiDi by npm's puppeteer-core.
// Headless Firefox has no WebGL on these machines and MiniBrowser has no headless mode: a real window on Xvfb gets
// WebGL 2 through Mesa (llvmpipe) in both (shared/TOOLCHAIN.md).
//
// Each engine's page is wrapped in the few calls tests/e2e/lib.mjs's helpers use (evaluate, waitForFunction,
// waitForTimeout, mouse, touchscreen, locator('#canvas').boundingBox(), screenshot), so waitReady, settle, press,
// reveal and answerBasics press real widgets by name here exactly as they do in Chromium.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export const FIREFOX_PATH = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Window sizes: an iPad-sized tablet in landscape and an iPhone-sized phone.
export const SIZES = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- a virtual display
// Starts Xvfb on a free display number (it picks one and tells us: -displayfd). Resolves to { display, close() }.
export async function startXvfb(width = 1600, height = 1200) {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s: ${err}`)), 10000);
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(':' + out.trim()); }
    });
    proc.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start Xvfb (Debian package xvfb): ${e.message}`)); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${err}`)); });
  });
  return {
    display,
    close: () => new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.on('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}

// ---------------------------------------------------------------- a web root with a console recorder (WebKit)
// Classic WebDriver cannot read the console. The test copy of the web root loads one more script first, from the same
// origin (the CSP allows it), that records console.error, uncaught errors and rejections, failed resource loads and
// CSP violations into window.__mnErrors. Resolves to { root, close() }.
export async function recordingWebRoot(dist) {
  const work = await mkdtemp(join(tmpdir(), 'mn-engines-'));
  const root = join(work, 'site');
  await cp(dist, root, { recursive: true });
  await writeFile(join(root, 'mn-test-console.js'), `(function () {
  var errors = window.__mnErrors = [];
  var text = function (v) { try { return v instanceof Error ? v.stack || String(v) : typeof v === 'string' ? v : JSON.stringify(v); } catch (e) { return String(v); } };
  var original = console.error;
  console.error = function () { errors.push(Array.prototype.map.call(arguments, text).join(' ')); return original.apply(console, arguments); };
  window.addEventListener('error', function (e) {
    if (e.target && e.target !== window && (e.target.src || e.target.href)) errors.push('failed to load ' + (e.target.src || e.target.href));
    else errors.push('uncaught ' + (e.error ? text(e.error) : e.message));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection ' + text(e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { errors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI); });
})();
`);
  const index = join(root, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('<head>', '<head>\n  <script src="mn-test-console.js"></script>'));
  return { root, close: () => rm(work, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------- PNG → pixel statistics (no browser needed)
// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what WebDriver and puppeteer screenshots are).
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8, width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), kind = buf.toString('ascii', pos + 4, pos + 8), data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); depth = data[8]; type = data[9]; interlace = data[12]; }
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, colour type ${type}, interlace ${interlace})`);
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels, out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride), line = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0, b = prev[x], c = x >= channels ? prev[x - channels] : 0;
      let v = src[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      line[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * channels]; out[o + 1] = line[x * channels + 1]; out[o + 2] = line[x * channels + 2];
      out[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    [prev, line] = [line, prev];
  }
  return { width, height, data: out };
}

// Share of the pixels in a region that differ from its top-left pixel (the background), and how many distinct colours.
export function pixelStats(png, region = null) {
  const { width, height, data } = decodePng(png);
  const r = region || { x: 0, y: 0, width, height };
  const x0 = Math.max(0, Math.round(r.x)), y0 = Math.max(0, Math.round(r.y));
  const x1 = Math.min(width, Math.round(r.x + r.width)), y1 = Math.min(height, Math.round(r.y + r.height));
  const at = (x, y) => (y * width + x) * 4;
  const bg = [data[at(x0, y0)], data[at(x0, y0) + 1], data[at(x0, y0) + 2]];
  let differing = 0, total = 0;
  const colours = new Set();
  for (let y = y0; y < y1; y += 3) {
    for (let x = x0; x < x1; x += 3) {
      const o = at(x, y);
      if (Math.abs(data[o] - bg[0]) + Math.abs(data[o + 1] - bg[1]) + Math.abs(data[o + 2] - bg[2]) > 24) differing++;
      colours.add((data[o] << 16) | (data[o + 1] << 8) | data[o + 2]);
      total++;
    }
  }
  return { differing: differing / total, colours: colours.size, width, height, background: bg };
}

// ---------------------------------------------------------------- the page interface lib.mjs's helpers use
class EnginePage {
  constructor(engine) {
    this.engine = engine;
    this.pointer = { x: 0, y: 0 };
    const self = this;
    this.mouse = {
      move: (x, y) => { self.pointer = { x, y }; return self._mouseMove(x, y); },
      click: (x, y) => { self.pointer = { x, y }; return self._mouseClick(x, y); },
      wheel: (dx, dy) => self._wheel(self.pointer.x, self.pointer.y, dx, dy),
    };
    this.touchscreen = { tap: (x, y) => self._tap(x, y) };
  }
  // Polls fn(arg) in the page until it returns something truthy (exceptions count as "not yet"), like Playwright's.
  async waitForFunction(fn, arg, { timeout = 30000, polling = 100 } = {}) {
    const start = Date.now();
    let lastError = null;
    for (;;) {
      try {
        const v = await this.evaluate(fn, arg);
        if (v) return v;
      } catch (e) { lastError = e; }
      if (Date.now() - start > timeout) {
        throw new Error(`waitForFunction timed out after ${timeout} ms${lastError ? ` (last error: ${lastError.message})` : ''}`);
      }
      await sleep(polling);
    }
  }
  waitForTimeout(ms) { return sleep(ms); }
  locator(selector) {
    return {
      boundingBox: () => this.evaluate((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }, selector),
    };
  }
  viewport() { return this.evaluate(() => ({ width: innerWidth, height: innerHeight, dpr: devicePixelRatio })); }
  // lib.mjs's touchDrag uses this where there is no DevTools protocol.
  mnTouchDrag(x, y, dy, steps = 12, hold = 0) { return this._touchDrag(x, y, dy, steps, hold); }
}

// ---- WebKit: classic WebDriver over HTTP
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

class WebKitPage extends EnginePage {
  constructor(base, session) {
    super('webkit');
    this.base = base;
    this.session = session;
    this.touchSupported = null;
  }
  async wd(method, path, body) {
    const res = await fetch(`${this.base}/session/${this.session}${path}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value && json.value.error) throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }
  // The value travels as JSON text: WebKitWebDriver's own serialisation of objects does not keep their keys' order.
  async evaluate(fn, arg) {
    const call = typeof fn === 'string' ? `(${fn})` : `(${fn}).apply(null, arguments)`;
    const script = `return Promise.resolve(${call}).then(function (v) { return v === undefined ? undefined : JSON.stringify(v); });`;
    const text = await this.wd('POST', '/execute/sync', { script, args: arg === undefined ? [] : [arg] });
    return text === null || text === undefined ? undefined : JSON.parse(text);
  }
  goto(url) { return this.wd('POST', '/url', { url }); }
  reload() { return this.wd('POST', '/refresh', {}); }
  async screenshot() { return Buffer.from(await this.wd('GET', '/screenshot'), 'base64'); }
  async errors() { return (await this.evaluate(() => window.__mnErrors || null)) || []; }
  // Sizes the window so that the page's viewport (innerWidth × innerHeight) is width × height.
  async setViewport(width, height) {
    for (let i = 0; i < 4; i++) {
      const rect = await this.wd('GET', '/window/rect');
      const v = await this.viewport();
      if (v.width === width && v.height === height) return v;
      if (process.env.MN_DEBUG) console.log('window', rect, 'viewport', v);
      await this.wd('POST', '/window/rect', { x: 0, y: 0, width: Math.max(1, Math.round(rect.width + width - v.width)),
        height: Math.max(1, Math.round(rect.height + height - v.height)) });
      await sleep(200);
    }
    return this.viewport();
  }
  async actions(sources) {
    try {
      return await this.wd('POST', '/actions', { actions: sources });
    } catch (e) {
      throw new Error(`${e.message} (${JSON.stringify(sources[0].actions[0])}, viewport ${JSON.stringify(await this.viewport())})`);
    }
  }
  mouseSource(actions) { return { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }; }
  touchSource(actions) { return { type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions }; }
  _mouseMove(x, y) {
    return this.actions([this.mouseSource([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 }])]);
  }
  // The move first, then the press a moment later, as a hand does (in one action list WebKit can deliver the move and
  // the press to the same frame, where the app has not yet seen the pointer over the widget).
  // On a busy machine the button's down and up can also land in one frame, where Dear ImGui 1.86 sees no click: each
  // step waits (up to a second) for the app to draw a frame first.
  async _mouseClick(x, y) {
    const frame = () => this.evaluate(() => (window.Module && Module._mn_frame_count ? Module._mn_frame_count() : -1)).catch(() => -1);
    const nextFrame = async (after) => {
      for (let t = 0; t < 1000 && after >= 0; t += 20) { if ((await frame()) > after) return; await sleep(20); }
    };
    let n = await frame();
    await this._mouseMove(x, y);
    await nextFrame(n);
    n = await frame();
    await this.actions([this.mouseSource([{ type: 'pointerDown', button: 0 }])]);
    await nextFrame(n);
    return this.actions([this.mouseSource([{ type: 'pointerUp', button: 0 }])]);
  }
  // A new wheel source each time: WebKitWebDriver delivers a source's scroll only once (a second scroll of the same
  // source sends nothing, and releasing it scrolls back).
  _wheel(x, y, dx, dy) {
    this.wheels = (this.wheels || 0) + 1;
    return this.actions([{ type: 'wheel', id: `wheel-${this.wheels}`, actions: [
      { type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: Math.round(dx), deltaY: Math.round(dy), origin: 'viewport', duration: 0 }] }]);
  }
  _tap(x, y) {
    return this.actions([this.touchSource([
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 40 }, { type: 'pointerUp', button: 0 }])]);
  }
  _touchDrag(x, y, dy, steps, hold) {
    const acts = [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 }, { type: 'pointerDown', button: 0 }];
    for (let i = 1; i <= steps; i++) acts.push({ type: 'pointerMove', x: Math.round(x), y: Math.round(y + (dy * i) / steps), origin: 'viewport', duration: 16 });
    if (hold) acts.push({ type: 'pause', duration: hold });
    acts.push({ type: 'pointerUp', button: 0 });
    return this.actions([this.touchSource(acts)]);
  }
  async close() { await fetch(`${this.base}/session/${this.session}`, { method: 'DELETE' }).catch(() => {}); }
}

// Starts WebKitWebDriver on `display`; newPage() opens a new session (a fresh MiniBrowser: its own cookies, storage,
// caches and service workers). Resolves to { name, newPage(), close() }.
export async function launchWebKit(display, { fullScreen = false } = {}) {
  const port = await freePort();
  // MiniBrowser's toolbar keeps its window at least 447 px wide; with its GTK widgets shrunk (a private GTK style
  // sheet: the page's content is not GTK's) the window's viewport gets down to a phone's 390 px.
  const config = await mkdtemp(join(tmpdir(), 'mn-webkit-'));
  await mkdir(join(config, 'gtk-3.0'));
  await writeFile(join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 3px; }\n');
  const proc = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1', XDG_CONFIG_HOME: config },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/status`)).ok) break; } catch { /* not yet */ }
    if (i > 100 || proc.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${err}`);
    await sleep(100);
  }
  const pages = [];
  return {
    name: 'webkit',
    // { dark: true }: MiniBrowser asks pages for a dark colour scheme (prefers-color-scheme: dark).
    async newPage({ dark = false } = {}) {
      const res = await fetch(`${base}/session`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ capabilities: { alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(fullScreen ? ['--full-screen'] : []), ...(dark ? ['--dark-mode'] : [])] },
        } } }),
      });
      const json = await res.json();
      if (!json.value || !json.value.sessionId) throw new Error(`WebKitWebDriver: no session: ${JSON.stringify(json).slice(0, 500)} ${err}`);
      const page = new WebKitPage(base, json.value.sessionId);
      pages.push(page);
      return page;
    },
    async close() {
      for (const p of pages) await p.close();
      await new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.on('exit', () => resolve());
        proc.kill('SIGTERM');
      });
      await rm(config, { recursive: true, force: true }).catch(() => {});
    },
  };
}

// ---- Firefox: WebDriver BiDi through puppeteer-core
class FirefoxPage extends EnginePage {
  constructor(page, context) {
    super('firefox');
    this.page = page;
    this.context = context;
    this.log = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // The optional clinic.json beside the page is looked for on every start; its absence (404) is normal.
      if (/clinic\.json/.test(m.location()?.url || '') && /404|not found/i.test(m.text())) return;
      this.log.push(m.text());
    });
    page.on('pageerror', (e) => this.log.push('uncaught ' + String(e)));
  }
  evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  goto(url) { return this.page.goto(url, { waitUntil: 'load' }); }
  reload() { return this.page.reload({ waitUntil: 'load' }); }
  async screenshot() { return Buffer.from(await this.page.screenshot({ type: 'png' })); }
  async errors() { return [...this.log]; }
  async setViewport(width, height) { await this.page.setViewport({ width, height }); return this.viewport(); }
  _mouseMove(x, y) { return this.page.mouse.move(x, y); }
  _mouseClick(x, y) { return this.page.mouse.click(x, y, { delay: 30 }); }
  async _wheel(x, y, dx, dy) { await this.page.mouse.move(x, y); await this.page.mouse.wheel({ deltaX: Math.round(dx), deltaY: Math.round(dy) }); }
  _tap(x, y) { return this.page.touchscreen.tap(x, y); }
  async _touchDrag(x, y, dy, steps, hold) {
    const t = this.page.touchscreen;
    const touch = await t.touchStart(x, y);
    for (let i = 1; i <= steps; i++) {
      if (touch && touch.move) await touch.move(x, y + (dy * i) / steps); else await t.touchMove(x, y + (dy * i) / steps);
      await sleep(16);
    }
    if (hold) await sleep(hold);
    if (touch && touch.end) await touch.end(); else await t.touchEnd();
  }
  async close() { await this.context.close().catch(() => {}); }
}

// Starts Firefox ESR in a window on `display`; newPage() opens a page in a new browsing context (user context: its
// own cookies, storage and service workers). Resolves to { name, newPage(), close() }.
export async function launchFirefox(display) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = await mkdtemp(join(tmpdir(), 'mn-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX_PATH, headless: false, userDataDir: profile,
    env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    args: ['--width=1400', '--height=1100'],
    extraPrefsFirefox: {
      'dom.w3c_touch_events.enabled': 1,          // touch events over WebDriver (off by default on desktop Linux)
      'webgl.force-enabled': true,                 // Mesa's llvmpipe would otherwise be on the blocklist
      'dom.serviceWorkers.testing.enabled': true,  // service workers on http://127.0.0.1 in automation
      'browser.shell.checkDefaultBrowser': false, 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false, 'browser.newtabpage.enabled': false, 'browser.startup.page': 0,
    },
  });
  return {
    name: 'firefox',
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return new FirefoxPage(page, context);
    },
    async close() {
      await browser.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

// Helpers for the deployment tests (offline, standalone, embed, nginx, csp): the assembled web root's manifest,
// raw HTTP requests, Content-Security-Policy watching, clicking inside a frame, and Debian's nginx run with
// deploy/nginx.conf on a free 127.0.0.1 port.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isAbsentClinicConfig, items, pressAt, settle } from './lib.mjs';

export const REPO = resolve(new URL('../..', import.meta.url).pathname);

// build/web/dist/asset-manifest.json: { version, files: { 'app.wasm': 'static/<hash>/app.wasm', … }, precache }.
export async function assetManifest(dist) {
  return JSON.parse(await readFile(join(dist, 'asset-manifest.json'), 'utf8'));
}

// The directives of a policy string, as 'name value' strings without extra spaces.
export const directives = (policy) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
export function metaCsp(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  if (!m) throw new Error('no Content-Security-Policy meta');
  return m[1];
}

// GET (or HEAD) with exactly the given headers; the body is not decoded. Resolves { status, headers, body }.
export function rawGet(url, headers = {}, method = 'GET') {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Records CSP violations (the `securitypolicyviolation` event, from before any page script runs) and console
// messages about CSP, on every page of `context`. `problems()` lists both; `errors()` adds other console errors.
export async function watchPages(context, { ignoreAbsentClinic = true } = {}) {
  const log = { csp: [], errors: [], requests: [] };
  await context.addInitScript(() => {
    const report = (e) => console.error(`[securitypolicyviolation] ${e.effectiveDirective || e.violatedDirective} blocked ` +
      `${e.blockedURI || 'inline'} at ${e.sourceFile || '?'}:${e.lineNumber || 0} ${e.sample ? '(' + e.sample + ')' : ''}`);
    document.addEventListener('securitypolicyviolation', report, true);
  });
  const onPage = (page) => {
    page.on('console', (m) => {
      const text = m.text();
      if (/securitypolicyviolation|Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame|compile|evaluate|create)/i.test(text)) {
        log.csp.push(`${m.type()}: ${text}`);
      } else if (m.type() === 'error' && !(ignoreAbsentClinic && isAbsentClinicConfig(m))) {
        log.errors.push(text);
      }
    });
    page.on('pageerror', (e) => log.errors.push(String(e)));
    page.on('request', (r) => log.requests.push(r.url()));
  };
  context.on('page', onPage);
  for (const p of context.pages()) onPage(p);
  return log;
}

// Clicks or taps the middle of a named widget where it is now (no scrolling first, unlike lib.mjs press: for
// widgets in the fixed bars and on screen already), then waits for the app to settle.
export async function pressHere(page, name, { touch = false } = {}) {
  const all = await items(page);
  const it = all.find((i) => i.label === name) || all.find((i) => i.name === name);
  if (!it) throw new Error(`no widget named "${name}"; have: ${all.map((i) => i.label).join(' | ')}`);
  const box = await page.locator('#canvas').boundingBox();
  await pressAt(page, box.x + it.x + it.w / 2, box.y + it.y + it.h / 2, { touch });
}

// Clicks the middle of a named widget of the app running in `frame` (an <iframe> of `page`): the test bridge
// gives the rectangle inside the app's canvas; the iframe's own position on the host page is added.
export async function pressInFrame(page, frame, name) {
  const all = await items(frame);
  const it = all.find((i) => i.label === name) || all.find((i) => i.name === name);
  if (!it) throw new Error(`no widget named "${name}"; have: ${all.map((i) => i.label).join(' | ')}`);
  const element = await frame.frameElement();
  const iframe = await element.boundingBox(); // the iframe's border box on the host page
  const border = await element.evaluate((el) => ({ x: el.clientLeft, y: el.clientTop })); // its content starts inside the border
  const canvas = await frame.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.x, y: r.y }; });
  const x = iframe.x + border.x + canvas.x + it.x + it.w / 2;
  const y = iframe.y + border.y + canvas.y + it.y + it.h / 2;
  await page.mouse.click(x, y);
  await settle(frame);
  return { x, y };
}

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForPort(port, child, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const ok = await new Promise((r) => {
      const s = connect(port, '127.0.0.1', () => { s.end(); r(true); });
      s.on('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() - start > timeout) throw new Error(`nginx did not listen on ${port} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Replaces `pattern` in `text`, which must match exactly once (so a changed config breaks the test loudly).
function substitute(text, pattern, replacement, file) {
  const hits = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!hits || hits.length !== 1) throw new Error(`${file}: expected one match of ${pattern}, found ${hits ? hits.length : 0}`);
  return text.replace(pattern, replacement);
}

// Debian's nginx with deploy/nginx.conf + deploy/navigator.conf, copied into a temp folder with only the
// machine-specific lines changed: listen (127.0.0.1, a free port), root (`dist`), pid, logs, temp paths, and
// optionally the frame-ancestors setting. Resolves { url, port, dir, stop(), errorLog() }.
export async function startNginx(dist, { frameAncestors = null } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'mn-nginx-'));
  const port = await freePort();
  let main = await readFile(join(REPO, 'deploy/nginx.conf'), 'utf8');
  main = substitute(main, /^pid [^;]+;$/m, `pid ${dir}/nginx.pid;`, 'nginx.conf');
  main = substitute(main, /^error_log [^;]+;$/m, `error_log ${dir}/error.log warn;`, 'nginx.conf');
  main = substitute(main, /^(\s*access_log )\S+( navigator;)$/m, `$1${dir}/access.log$2`, 'nginx.conf');
  for (const kind of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    main = substitute(main, new RegExp(`^(\\s*${kind}_temp_path )[^;]+;$`, 'm'), `$1${dir}/${kind};`, 'nginx.conf');
  }
  if (process.getuid && process.getuid() !== 0) main = substitute(main, /^user [^;]+;$/m, '', 'nginx.conf');
  let site = await readFile(join(REPO, 'deploy/navigator.conf'), 'utf8');
  site = substitute(site, /^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`, 'navigator.conf');
  site = substitute(site, /^(\s*)root [^;]+;$/m, `$1root ${resolve(dist)};`, 'navigator.conf');
  if (frameAncestors) {
    site = substitute(site, /^(\s*)set \$mn_frame_ancestors "[^"]*";$/m, `$1set $mn_frame_ancestors "${frameAncestors}";`, 'navigator.conf');
  }
  await writeFile(join(dir, 'nginx.conf'), main);
  await writeFile(join(dir, 'navigator.conf'), site); // found through `include navigator.conf;` beside nginx.conf
  const args = ['-p', dir + '/', '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const check = spawnSync('nginx', [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`nginx -t failed:\n${check.stderr}${check.stdout}`);
  }
  const child = spawn('nginx', [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const kill = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  process.on('exit', kill);
  const errorLog = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  try {
    await waitForPort(port, child);
  } catch (e) {
    kill();
    const log = await errorLog();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${e.message}\n${log}`);
  }
  return {
    url: `http://127.0.0.1:${port}/`, port, dir, errorLog,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT'); // graceful: the master waits for its workers
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', kill);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

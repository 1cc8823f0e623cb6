// Assembles the servable web root (build/web/dist) from web/ and the linked app (app.js + app.wasm).
//   node cmake/assemble-dist.mjs --web web --app build/web/app --out build/web/dist [--clinic FILE] [--keep-minutes 10]
//                                [--assets assets]
//
// What it writes (see docs/deploy.md):
//   static/<hash>/<name>   every asset under a folder named after its content hash (app.js, app.wasm, loader.js,
//                          style.css, icon.svg, …): served with `Cache-Control: immutable`. The file keeps its
//                          name (app.wasm stays app.wasm), only the folder changes when its bytes change.
//   index.html, embed.html, manifest.webmanifest   fixed names, their references rewritten to the hashed paths
//   sw.js                  the service worker with the build hash and the list of files to precache written in
//   standalone.html        one file with everything inlined (USB stick, file://), with a hash-based CSP
//   asset-manifest.json    logical name -> hashed path, for tools (bench, deploy scripts)
//   clinic.json            with --clinic FILE: the demo clinic's configuration, the file a clinic replaces with its
//                          own (docs/clinic-config.md); not precached by version: sw.js fetches it network-first
//   *.gz, *.br             precompressed copies (gzip -9, brotli -q 11) where smaller, for nginx gzip_static /
//                          brotli_static
// Files already in the output folder that this script does not know are left alone. Earlier builds' hashed folders are removed once no build has used them for --keep-minutes
// (default 10): a page loaded a moment ago from the previous index.html (a test, a visitor) still finds its files.
// Two builds assembling into the same folder at once take turns (a lock folder beside it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
for (const k of ['web', 'app', 'out']) if (!args[k]) fail(`missing --${k} (usage: --web DIR --app DIR --out DIR)`);
const WEB = args.web, APP = args.app, OUT = args.out;
const KEEP_MS = Number(args['keep-minutes'] ?? 10) * 60000;

// One assembly at a time per output folder (parallel builds of the same tree). A lock older than 5 minutes is a
// leftover of a killed run.
const LOCK = `${OUT.replace(/\/+$/, '')}.assemble-lock`;
for (let waited = 0; ; waited += 200) {
  try { mkdirSync(LOCK); break; } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    try { if (Date.now() - statSync(LOCK).mtimeMs > 300000) { rmdirSync(LOCK); continue; } } catch { continue; }
    if (waited > 600000) fail(`${LOCK} held for 10 minutes: remove it if no build is running`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on('exit', () => { try { rmdirSync(LOCK); } catch { /* already gone */ } });

function fail(message) { console.error(`assemble-dist: ${message}`); process.exit(1); }
const sha256 = (data) => createHash('sha256').update(data).digest();
const hex = (data, n) => sha256(data).toString('hex').slice(0, n);

// ---------------------------------------------------------------- inputs
const FIXED_EXT = new Set(['.html', '.webmanifest']); // fixed names (no-cache); everything else is hashed
const sources = new Map(); // logical name -> Buffer
for (const name of readdirSync(WEB).sort()) {
  const path = join(WEB, name);
  if (statSync(path).isFile() && !name.startsWith('.')) sources.set(name, readFileSync(path));
}
for (const name of ['app.js', 'app.wasm']) {
  if (!existsSync(join(APP, name))) fail(`${join(APP, name)} is missing (link the app first)`);
  if (sources.has(name)) fail(`web/${name} would shadow the linked ${name}`);
  sources.set(name, readFileSync(join(APP, name)));
}
// V8's explicit compile hint (Chrome 136+, ignored elsewhere): compile all of app.js's functions eagerly, on the
// thread that streams the script in, rather than each on the main thread at its first call (most of the glue runs
// at start-up). loader.js carries the same first line.
sources.set('app.js', Buffer.concat([Buffer.from('//# allFunctionsCalledOnLoad\n'), sources.get('app.js')]));
for (const name of ['index.html', 'loader.js', 'sw.js']) if (!sources.has(name)) fail(`web/${name} is missing`);
// The comments of the scripts the first frame waits for are for readers of web/: the served copies leave out every
// line that is only a comment (V8's `//#` hints stay), ~2 kB of the first frame's bytes once compressed.
for (const name of ['loader.js', 'gl-warmup.js', 'wasm-warmup.js']) {
  if (!sources.has(name)) continue;
  const lines = sources.get(name).toString('utf8').split('\n');
  sources.set(name, Buffer.from(lines.filter((line) => !/^\s*\/\/(?!#)/.test(line)).join('\n')));
}

// Content packs (content-<code>.txt, the format of app/core/assets.hpp): every file under --assets DIR's content/ and
// rules/ that the app does not compile in (embedded-assets.txt beside app.wasm lists what it does). A language's own
// files (content/<code>/) go in its pack; the shared ones (sources, treatment numbers, rules) in English's, which
// every language needs. loader.js fetches English's pack as the app starts and another language's when it is first
// wanted (data-lang-<code> on the loader's script tag, written below).
const packs = new Map(); // language code -> logical name
const embeddedList = join(APP, 'embedded-assets.txt');
if (existsSync(embeddedList) && !args.assets) fail(`the app compiles in only part of assets/ (${embeddedList}): --assets DIR is needed for the rest`);
if (args.assets) {
  const embedded = new Set(existsSync(embeddedList) ? readFileSync(embeddedList, 'utf8').split('\n').filter(Boolean) : []);
  const files = new Map(); // language code -> [path under assets/]
  const walk = (rel) => {
    for (const name of readdirSync(join(args.assets, rel)).sort()) {
      const path = `${rel}/${name}`;
      if (statSync(join(args.assets, path)).isDirectory()) walk(path);
      else if (name.endsWith('.json') && !embedded.has(path)) {
        const code = /^content\/([a-z]{2})\//.exec(path)?.[1] ?? 'en';
        files.set(code, [...(files.get(code) ?? []), path]);
      }
    }
  };
  for (const top of ['content', 'rules']) walk(top);
  for (const [code, paths] of [...files].sort()) {
    const parts = [Buffer.from('mn-asset-pack 1\n')];
    for (const path of paths) {
      const data = readFileSync(join(args.assets, path));
      parts.push(Buffer.from(`${path}\n${data.length}\n`), data, Buffer.from('\n'));
    }
    const name = `content-${code}.txt`;
    sources.set(name, Buffer.concat(parts));
    packs.set(code, name);
  }
}

const hashedNames = [...sources.keys()].filter((n) => n !== 'sw.js' && !FIXED_EXT.has(extname(n)));
const pageNames = [...sources.keys()].filter((n) => extname(n) === '.html');
const manifestNames = [...sources.keys()].filter((n) => extname(n) === '.webmanifest');

// ---------------------------------------------------------------- hashed assets
const hashed = new Map(); // logical name -> 'static/<hash>/<name>'
const output = new Map(); // dist path -> Buffer
const refName = (value) => value.replace(/^\.\//, '');
// Stylesheets may point at other assets with url(): those are hashed first and the reference made relative.
const isCss = (n) => extname(n) === '.css';
for (const name of [...hashedNames.filter((n) => !isCss(n)), ...hashedNames.filter(isCss)]) {
  let data = sources.get(name);
  if (isCss(name)) {
    data = Buffer.from(data.toString('utf8').replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (all, q, ref) =>
      hashed.has(refName(ref)) ? `url(${q}../../${hashed.get(refName(ref))}${q})` : all));
  }
  const path = `static/${hex(data, 10)}/${name}`;
  hashed.set(name, path);
  output.set(path, data);
}

// ---------------------------------------------------------------- the warm-up's entry point
// app.wasm's exports have minified names; the glue in app.js says which one is mn_warm_up (app/platform/warm_up.cpp),
// which the warm-up worker (web/wasm-warmup.js) calls. Unminified builds export it under its own name.
const warmUpExport = (() => {
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(sources.get('app.wasm'))).map((e) => e.name);
  if (exported.includes('mn_warm_up')) return 'mn_warm_up';
  const glue = /_mn_warm_up=function\(\)\{return\(\w+\._mn_warm_up=\w+\.asm\.(\w+)\)/.exec(sources.get('app.js').toString('utf8'));
  if (!glue || !exported.includes(glue[1])) fail('app.js does not say under which name app.wasm exports mn_warm_up');
  return glue[1];
})();

// ---------------------------------------------------------------- pages and the web manifest
function rewriteHtml(html, page) {
  let count = 0;
  const result = html.replace(/(\s(src|href|data-[\w-]+)=")([^"]*)(")/g, (all, before, attribute, value, after) => {
    if (!hashed.has(refName(value))) return all;
    count++;
    // The wasm's size lets the loader's progress bar move even when the server sends it compressed.
    // The language packs are named beside it.
    const size = attribute === 'data-app-wasm' ? ` data-app-wasm-bytes="${sources.get(refName(value)).length}"` +
      ` data-app-warm-up="${warmUpExport}"` +
      [...packs].map(([code, name]) => ` data-lang-${code}="${hashed.get(name)}"`).join('') : '';
    return before + hashed.get(refName(value)) + after + size;
  });
  if (page === 'index.html' && count === 0) fail('index.html references none of the assets');
  return result;
}
for (const name of pageNames) output.set(name, Buffer.from(rewriteHtml(sources.get(name).toString('utf8'), name)));
for (const name of manifestNames) {
  const manifest = JSON.parse(sources.get(name).toString('utf8'));
  for (const icon of manifest.icons || []) if (hashed.has(refName(icon.src))) icon.src = hashed.get(refName(icon.src));
  output.set(name, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
}

// ---------------------------------------------------------------- the service worker
// The build hash covers every precached file and the worker's own code: any change gives a new sw.js, a new
// cache name and so an update on the next visit.
const precache = [...output.keys()].filter((p) => p !== 'standalone.html').sort();
// The clinic's configuration is read network-first (sw.js), so a clinic's edit applies without a new build.
if (args.clinic) output.set('clinic.json', readFileSync(args.clinic));
const swSource = sources.get('sw.js').toString('utf8');
const buildHash = hex(precache.map((p) => `${p}\0${hex(output.get(p), 64)}\n`).join('') + swSource, 12);
const buildLine = /^const BUILD = .*; \/\/ @mn-build.*$/m;
if (!buildLine.test(swSource)) fail('web/sw.js has no "const BUILD = …; // @mn-build" line');
output.set('sw.js', Buffer.from(swSource.replace(buildLine,
  `const BUILD = ${JSON.stringify({ version: buildHash, files: precache })}; // @mn-build (written by cmake/assemble-dist.mjs)`)));

// ---------------------------------------------------------------- standalone.html (one file, runs from file://)
function standalone() {
  let html = sources.get('index.html').toString('utf8');
  const take = (pattern, what) => {
    if (!pattern.test(html)) fail(`standalone.html: index.html has no ${what}`);
    html = html.replace(pattern, '');
  };
  const inlineText = (name) => {
    const text = sources.get(name).toString('utf8');
    if (/<\/(script|style)|<!--|<script/i.test(text)) fail(`${name} contains markup (</script>, <!-- …) that cannot be inlined as is`);
    return text;
  };
  const dataUri = (name) => `data:${MIME[extname(name)] || 'application/octet-stream'};base64,${sources.get(name).toString('base64')}`;
  const css = inlineText('style.css').replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (all, q, ref) =>
    sources.has(refName(ref)) ? `url(${q}${dataUri(refName(ref))}${q})` : all);
  const loader = inlineText('loader.js');
  const app = inlineText('app.js');
  const cspHash = (text) => `'sha256-${sha256(Buffer.from(text, 'utf8')).toString('base64')}'`;
  const csp = [`default-src 'none'`, `script-src ${cspHash(loader)} ${cspHash(app)} 'wasm-unsafe-eval'`, `style-src ${cspHash(css)}`,
    `img-src data:`, `connect-src 'self'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');

  take(/\s*<link rel="manifest"[^>]*>/, 'manifest link');
  take(/\s*<script src="loader\.js"[^>]*><\/script>/, 'loader.js script');
  html = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, (all, a, b) => a + csp + b);
  if (!html.includes(csp)) fail('standalone.html: index.html has no CSP meta');
  html = html.replace(/(<link rel="icon" href=")([^"]+)(")/, (all, a, ref, b) => a + (sources.has(refName(ref)) ? dataUri(refName(ref)) : ref) + b);
  const styleLink = /<link rel="stylesheet" href="style\.css">/;
  if (!styleLink.test(html)) fail('standalone.html: index.html has no style.css link');
  html = html.replace(styleLink, () => `<style>${css}</style>`);
  if (!/<\/body>/.test(html)) fail('standalone.html: index.html has no </body>');
  html = html.replace(/<\/body>/, () =>
    `<script data-standalone>${loader}</script>\n` +
    `<script type="application/octet-stream" id="mn-wasm">${sources.get('app.wasm').toString('base64')}</script>\n` +
    [...packs].map(([code, name]) => `<script type="text/plain" id="mn-lang-${code}">${inlineText(name)}</script>\n`).join('') +
    `<script>${app}</script>\n</body>`);
  return Buffer.from(html);
}
const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.css': 'text/css' };
output.set('standalone.html', standalone());
output.set('asset-manifest.json', Buffer.from(JSON.stringify({ version: buildHash, files: Object.fromEntries(hashed), precache,
  standalone: 'standalone.html' }, null, 2) + '\n'));

// ---------------------------------------------------------------- write, compress, prune
const COMPRESS = new Set(['.html', '.js', '.css', '.svg', '.wasm', '.webmanifest', '.json', '.txt', '.ico']);
const gzip = promisify(zlib.gzip), brotli = promisify(zlib.brotliCompress);
function writeAtomic(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
const same = (path, data) => existsSync(path) && readFileSync(path).equals(data);
async function compressed(rel, data) {
  if (!COMPRESS.has(extname(rel))) return [];
  const text = extname(rel) !== '.wasm';
  const [gz, br] = await Promise.all([
    gzip(data, { level: 9 }),
    brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC } }),
  ]);
  return [['.gz', gz], ['.br', br]].filter(([, c]) => c.length < data.length);
}

mkdirSync(OUT, { recursive: true });
// Hashed assets first, then the pages that name them, the service worker last: a visitor never gets a page
// whose files are not there yet. Each file's compressed copies are written before the file itself.
const rank = (p) => (p.startsWith('static/') ? 0 : p === 'sw.js' ? 2 : 1);
const order = [...output.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const written = new Set(); // dist-relative paths of this build, compressed copies included
await Promise.all(order.filter((rel) => rank(rel) === 0).map((rel) => place(rel)));
for (const rel of order.filter((rel) => rank(rel) > 0)) await place(rel);
async function place(rel) {
  const path = join(OUT, rel), data = output.get(rel);
  if (rel.startsWith('static/') && same(path, data)) { // content-addressed: same bytes, same compressed copies
    written.add(rel);
    for (const suffix of ['.gz', '.br']) if (existsSync(path + suffix)) written.add(rel + suffix);
    return;
  }
  for (const [suffix, c] of await compressed(rel, data)) { writeAtomic(path + suffix, c); written.add(rel + suffix); }
  writeAtomic(path, data); // fixed names are always rewritten: a fresh mtime tells make the dist is up to date
  written.add(rel);
}

// Earlier builds: hashed folders not in this build, top-level copies of anything this build hashes (the old
// unhashed layout) with their compressed copies, compressed copies this build did not make, leftover temp files.
// A hashed folder's mtime says when a build last used it.
const staticDir = join(OUT, 'static');
const keepDirs = new Set([...hashed.values()].map((p) => p.split('/')[1]));
const now = new Date();
for (const d of keepDirs) utimesSync(join(staticDir, d), now, now);
for (const d of readdirSync(staticDir)) {
  if (!keepDirs.has(d) && now - statSync(join(staticDir, d)).mtimeMs >= KEEP_MS) rmSync(join(staticDir, d), { recursive: true, force: true });
}
for (const name of readdirSync(OUT)) {
  if (!statSync(join(OUT, name)).isFile()) continue;
  const base = name.replace(/\.(gz|br)$/, '');
  const stale = (sources.has(base) && !output.has(base)) || /\.tmp-\d+$/.test(name) ||
    (base !== name && (output.has(base) ? !written.has(name) : !existsSync(join(OUT, base))));
  if (stale) rmSync(join(OUT, name), { force: true });
}

const size = (p) => output.get(p).length;
console.log(`assemble-dist: ${OUT}: build ${buildHash}, ${precache.length} precached files, ` +
  `app.wasm ${size(hashed.get('app.wasm'))} B, standalone.html ${size('standalone.html')} B`);

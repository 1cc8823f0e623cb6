// Offline use (web/sw.js): after one visit the app runs with the network cut; clinic.json is network-first (a clinic's
// change applies on the next start, the last copy is used offline); a new build installs in the background, takes
// over on the load after, and the older precache is deleted. "Offline" here is both Playwright's setOffline and the
// server really gone (the service worker's own fetches must fail too), on http://127.0.0.1 (a secure context).
// Served from a copy of the web root, so the test can change clinic.json and deploy a second build into it.
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, waitReady, frames, state, canvasStats, run, assert } from './lib.mjs';
import { REPO, assetManifest, watchPages } from './webroot.mjs';

const dist = resolve(process.argv[2] || 'build/web/dist');

await run('offline (service worker)', async (check) => {
  const work = await mkdtemp(join(tmpdir(), 'mn-offline-'));
  const site = join(work, 'site');
  await cp(dist, site, { recursive: true });
  const build1 = await assetManifest(site);
  let server = await serve(site);
  const port = server.port, origin = new URL(server.url).origin;
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const log = await watchPages(context);
  const page = await context.newPage();
  const offline = async () => { await context.setOffline(true); await server.close(); server = null; };
  const online = async () => { server = await serve(site, port); await context.setOffline(false); };
  const reload = async (url) => { await (url ? page.goto(url) : page.reload()); await waitReady(page); };
  const cacheNames = () => page.evaluate(() => caches.keys());
  const precacheName = (version) => `mn-navigator / precache ${version}`;
  const waitForCaches = async (want, unwanted = null, timeout = 30000) => {
    const start = Date.now();
    for (;;) {
      const names = await cacheNames();
      if (names.includes(want) && !(unwanted && names.includes(unwanted))) return names;
      if (Date.now() - start > timeout) throw new Error(`caches are ${JSON.stringify(names)}; waited for ${want}${unwanted ? ` without ${unwanted}` : ''}`);
      await page.waitForTimeout(200);
    }
  };
  const buildMark = () => page.evaluate(() => document.querySelector('meta[name=mn-test-build]')?.content || '1');
  try {
    await check('first visit: the service worker installs and precaches every file of the build', async () => {
      await reload(server.url);
      assert(!(await page.evaluate(() => navigator.serviceWorker.controller)), 'the first load should not be controlled yet');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await waitForCaches(precacheName(build1.version));
      const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)),
        precacheName(build1.version));
      assert(JSON.stringify(cached.sort()) === JSON.stringify([...build1.precache].sort()),
        `precached ${cached.join(', ')}\n  expected ${build1.precache.join(', ')}`);
      for (const file of ['app.wasm', 'app.js', 'loader.js', 'style.css']) assert(build1.precache.includes(build1.files[file]), `${file} not precached`);
    });

    await check('the next load is served by the service worker', async () => {
      await reload();
      const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      assert(controller === `${origin}/sw.js`, `controller ${controller}`);
    });

    await check('with the network cut, a reload renders the app (frames > 0), with ?lang= too', async () => {
      await offline();
      await reload();
      assert((await frames(page)) > 0, 'no frame drawn offline');
      assert((await canvasStats(page)).colours > 20, 'canvas looks blank offline');
      await reload(`${origin}/?lang=es`);
      assert((await state(page)).lang === 'es', '?lang=es ignored offline');
      await online();
      await reload(`${origin}/?lang=en`);
    });

    const demo = JSON.parse(await readFile(join(REPO, 'assets/clinic/demo.json'), 'utf8'));
    const clinic = (lang) => writeFile(join(site, 'clinic.json'), JSON.stringify({ ...demo, default_language: lang }));
    const settledLang = async () => { await page.waitForTimeout(300); return (await state(page)).lang; };
    await check('clinic.json is network-first: a change applies on the next load, the last copy is used offline', async () => {
      await clinic('es');
      await reload(server.url);
      assert((await settledLang()) === 'es', 'clinic.json (es) not applied');
      await clinic('en');
      await reload();
      assert((await settledLang()) === 'en', 'a changed clinic.json was not applied: cached copy used online');
      await clinic('es');
      await reload();
      assert((await settledLang()) === 'es', 'clinic.json (es again) not applied');
      await offline();
      await reload();
      assert((await settledLang()) === 'es', 'offline: the last clinic.json was not used');
      await online();
      await rm(join(site, 'clinic.json'));
      await reload();
      assert((await settledLang()) === 'en', 'a removed clinic.json still applies online');
      await offline();
      await reload();
      assert((await settledLang()) === 'en', 'offline: a removed clinic.json came back from the cache');
      await online();
    });

    await check('a new build installs in the background, runs on the load after, and the old precache is deleted', async () => {
      // Build 2: the same app with a changed stylesheet and page, assembled into the served folder like a deploy.
      const web2 = join(work, 'web2');
      await cp(join(REPO, 'web'), web2, { recursive: true });
      await appendFile(join(web2, 'style.css'), '\n/* build 2 */\n');
      const index = await readFile(join(web2, 'index.html'), 'utf8');
      await writeFile(join(web2, 'index.html'), index.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  <meta name="mn-test-build" content="2">'));
      execFileSync(process.execPath, [join(REPO, 'cmake/assemble-dist.mjs'), '--web', web2, '--app', join(dist, '..', 'app'), '--out', site,
        '--assets', join(REPO, 'assets'), '--keep-minutes', '0'],
        { stdio: ['ignore', 'ignore', 'inherit'] });
      const build2 = await assetManifest(site);
      assert(build2.version !== build1.version && build2.files['style.css'] !== build1.files['style.css'], 'build 2 has the same hashes');
      const gone = await fetch(`${origin}/${build1.files['style.css']}`);
      assert(gone.status === 404, 'the old stylesheet should be gone from the server');

      await reload();
      assert((await buildMark()) === '1', 'the first load after the deploy should still run build 1 (from the cache)');
      assert((await canvasStats(page)).colours > 20, 'build 1 from the cache looks blank');
      await waitForCaches(precacheName(build2.version), precacheName(build1.version));
      await reload();
      assert((await buildMark()) === '2', 'the load after that should run build 2');
      assert((await frames(page)) > 0, 'build 2: no frame');
      await offline();
      await reload();
      assert((await buildMark()) === '2' && (await frames(page)) > 0, 'build 2 does not run offline');
      await online();
    });

    await check('no console errors, no CSP violations, no request to another origin', async () => {
      assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
      assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
    });
  } finally {
    await context.close();
    await browser.close();
    if (server) await server.close();
    await rm(work, { recursive: true, force: true });
  }
});

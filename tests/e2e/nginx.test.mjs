// deploy/nginx.conf as shipped (only listen, root, pid, logs and temp paths changed: webroot.mjs startNginx) serving
// build/web/dist with Debian's nginx: the app loads and draws, wasm is application/wasm, hashed files are immutable,
// index.html / sw.js / clinic.json are revalidated, the precompressed .br/.gz copies are served, the security headers
// and CSP are there (and agree with index.html's meta policy), the progress bar moves with a compressed wasm,
// standalone.html runs under its own policy, the app works offline after one visit, and embedding in another site
// is refused unless that site is allowed.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch, serve, waitReady, frames, run, assert } from './lib.mjs';
import { assetManifest, directives, metaCsp, rawGet, startNginx, watchPages } from './webroot.mjs';

const dist = process.argv[2] || 'build/web/dist';

await run('nginx (deploy/nginx.conf)', async (check) => {
  const manifest = await assetManifest(dist);
  const hashed = manifest.files;
  const nginx = await startNginx(dist);
  const browser = await launch();
  const url = (p) => new URL(p, nginx.url).href;
  try {
    await check('index.html: no-cache, security headers, and a CSP equal to its meta policy plus frame-ancestors', async () => {
      for (const path of ['', 'index.html', '?lang=es&mode=patient']) {
        const r = await rawGet(url(path));
        assert(r.status === 200, `${path}: HTTP ${r.status}`);
        assert(r.headers['content-type'] === 'text/html; charset=utf-8', `content-type ${r.headers['content-type']}`);
        assert(r.headers['cache-control'] === 'no-cache', `cache-control ${r.headers['cache-control']}`);
        assert(r.headers['x-content-type-options'] === 'nosniff', 'no nosniff');
        assert(r.headers['referrer-policy'] === 'no-referrer', 'no referrer policy');
        assert(/camera=\(\)/.test(r.headers['permissions-policy'] || ''), 'no permissions policy');
        const meta = directives(metaCsp(await readFile(join(dist, 'index.html'), 'utf8')));
        const header = directives(r.headers['content-security-policy'] || '');
        assert(JSON.stringify(header) === JSON.stringify([...meta, "frame-ancestors 'self'"]),
          `header CSP ${header.join('; ')}\n  differs from meta ${meta.join('; ')} + frame-ancestors 'self'`);
        assert(!/'unsafe-inline'|'unsafe-eval'/.test(r.headers['content-security-policy']), 'unsafe source in the CSP');
        assert(!r.headers.server || !/\d/.test(r.headers.server), `server version disclosed: ${r.headers.server}`);
      }
    });

    await check('app.wasm (hashed name) is application/wasm, immutable, and precompressed for gzip and brotli', async () => {
      const original = await readFile(join(dist, hashed['app.wasm']));
      const plain = await rawGet(url(hashed['app.wasm']));
      assert(plain.status === 200, `HTTP ${plain.status}`);
      assert(plain.headers['content-type'] === 'application/wasm', `content-type ${plain.headers['content-type']}`);
      assert(plain.headers['cache-control'] === 'public, max-age=31536000, immutable', `cache-control ${plain.headers['cache-control']}`);
      assert(!plain.headers['content-encoding'] && plain.body.equals(original), 'uncompressed request got something else');
      const gz = await rawGet(url(hashed['app.wasm']), { 'Accept-Encoding': 'gzip' });
      assert(gz.headers['content-encoding'] === 'gzip', `gzip: content-encoding ${gz.headers['content-encoding']}`);
      assert(/Accept-Encoding/i.test(gz.headers.vary || ''), 'no Vary: Accept-Encoding');
      assert(gz.headers['content-type'] === 'application/wasm' && /immutable/.test(gz.headers['cache-control']), 'gzip response headers');
      assert(gunzipSync(gz.body).equals(original), 'gzip body does not unpack to app.wasm');
      assert(gz.body.length < original.length * 0.6, `gzip ${gz.body.length} B of ${original.length} B`);
      const br = await rawGet(url(hashed['app.wasm']), { 'Accept-Encoding': 'gzip, deflate, br' });
      assert(br.headers['content-encoding'] === 'br', `brotli: content-encoding ${br.headers['content-encoding']}`);
      assert(brotliDecompressSync(br.body).equals(original), 'brotli body does not unpack to app.wasm');
      assert(br.body.length < gz.body.length, 'brotli copy should be smaller than gzip');
    });

    await check('every hashed file is immutable with its type; fixed names are revalidated', async () => {
      const types = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml; charset=utf-8',
        '.wasm': 'application/wasm' };
      for (const path of Object.values(hashed)) {
        assert(/^static\/[0-9a-f]{10}\//.test(path), `${path} is not under static/<hash>/`);
        const r = await rawGet(url(path), {}, 'HEAD');
        assert(r.status === 200, `${path}: HTTP ${r.status}`);
        assert(r.headers['cache-control'] === 'public, max-age=31536000, immutable', `${path}: ${r.headers['cache-control']}`);
        const ext = path.slice(path.lastIndexOf('.'));
        if (types[ext]) assert(r.headers['content-type'] === types[ext], `${path}: content-type ${r.headers['content-type']}`);
      }
      for (const [path, type] of [['sw.js', 'text/javascript; charset=utf-8'], ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
        ['standalone.html', 'text/html; charset=utf-8']]) {
        const r = await rawGet(url(path), {}, 'HEAD');
        assert(r.status === 200 && r.headers['cache-control'] === 'no-cache', `${path}: HTTP ${r.status}, ${r.headers['cache-control']}`);
        assert(r.headers['content-type'] === type, `${path}: content-type ${r.headers['content-type']}`);
      }
      // The build's clinic.json (the demo clinic) is revalidated on every start, and so is a ?config= file (a 404
      // here: the error answer still says no-cache).
      for (const [path, status] of [['clinic.json', 200], ['configs/clinic.json', 404]]) {
        const r = await rawGet(url(path));
        assert(r.status === status, `${path}: HTTP ${r.status}, expected ${status}`);
        assert(r.headers['cache-control'] === 'no-cache', `${path}: cache-control ${r.headers['cache-control']}`);
        assert(r.headers['x-content-type-options'] === 'nosniff', `${path}: headers missing on the error page`);
      }
      const dot = await rawGet(url('.gitignore'));
      assert(dot.status === 404, `dot-files should not be served (HTTP ${dot.status})`);
    });

    await check('Chromium: the app loads and draws from nginx, with no CSP violation or console error', async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const log = await watchPages(context);
      const page = await context.newPage();
      const wasm = [];
      page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r); });
      // The progress bar's values while the compressed wasm streams in (null: it was made indeterminate).
      await page.addInitScript(() => {
        window.__progress = [];
        document.addEventListener('DOMContentLoaded', () => {
          const bar = document.getElementById('progress');
          new MutationObserver(() => window.__progress.push(bar.getAttribute('value'))).observe(bar, { attributes: true, attributeFilter: ['value'] });
        });
      });
      await page.goto(nginx.url);
      await waitReady(page);
      const progress = await page.evaluate(() => window.__progress);
      assert(!progress.includes(null), `the progress bar went indeterminate with a compressed wasm: ${progress.join(', ')}`);
      assert(progress.some((v) => Number(v) > 0 && Number(v) < 100), `the progress bar did not move: ${progress.join(', ')}`);
      assert((await frames(page)) > 0, 'no frame drawn');
      assert(wasm.length === 1, `${wasm.length} wasm responses`);
      assert((await wasm[0].headerValue('content-type')) === 'application/wasm', 'wasm not served as application/wasm');
      assert(['br', 'gzip'].includes(await wasm[0].headerValue('content-encoding')), 'the browser did not get a compressed wasm');
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
      await context.close();
    });

    await check('Chromium: after one visit the app reloads offline from the service worker', async () => {
      const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
      const log = await watchPages(context);
      const page = await context.newPage();
      await page.goto(nginx.url);
      await waitReady(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await waitReady(page);
      assert(await page.evaluate(() => !!navigator.serviceWorker.controller), 'page is not controlled by the service worker');
      await context.setOffline(true);
      await page.reload();
      await waitReady(page);
      assert((await frames(page)) > 0, 'no frame drawn offline');
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      await context.close();
    });

    await check('Chromium: standalone.html runs under its own hash-based policy next to the header policy', async () => {
      const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
      const log = await watchPages(context);
      const page = await context.newPage();
      const r = await page.goto(url('standalone.html'));
      const csp = await r.headerValue('content-security-policy');
      assert(/frame-ancestors 'self'/.test(csp) && !/unsafe-inline/.test(csp), `header CSP ${csp}`);
      await waitReady(page);
      assert((await frames(page)) > 0, 'no frame drawn');
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
      await context.close();
    });

    // Embedding: a host page on another origin (another port) with an <iframe> of the nginx-served app.
    const hostDir = await mkdtemp(join(nginx.dir, 'host-'));
    const host = await serve(hostDir);
    const hostPage = (name, appUrl) => writeFile(join(hostDir, name), `<!doctype html><title>host</title><h1>Clinic</h1>
      <iframe src="${appUrl}" title="Microneedling Navigator" width="800" height="600"></iframe>`);
    try {
      await check('another site cannot embed the app by default (frame-ancestors \'self\')', async () => {
        await hostPage('refused.html', nginx.url + '?mode=patient');
        const context = await browser.newContext();
        const log = await watchPages(context);
        const page = await context.newPage();
        await page.goto(host.url + 'refused.html');
        await page.waitForTimeout(2000);
        const frame = page.frames().find((f) => f !== page.mainFrame());
        const inside = frame ? await frame.evaluate(() => typeof window.Module).catch(() => 'blocked') : 'no frame';
        assert(inside !== 'object', 'the app ran inside another site\'s frame');
        assert(log.csp.some((m) => /frame-ancestors/.test(m)), `expected a frame-ancestors refusal, got: ${log.csp.join(' | ') || 'nothing'}`);
        await context.close();
      });

      await check('with $mn_frame_ancestors listing that site, it can embed the app', async () => {
        const allowing = await startNginx(dist, { frameAncestors: `'self' ${new URL(host.url).origin}` });
        try {
          await hostPage('allowed.html', allowing.url + '?mode=patient');
          const context = await browser.newContext();
          const log = await watchPages(context);
          const page = await context.newPage();
          await page.goto(host.url + 'allowed.html');
          const frame = await (await page.waitForSelector('iframe')).contentFrame();
          await waitReady(frame);
          assert((await frames(frame)) > 0, 'no frame drawn inside the iframe');
          assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
          await context.close();
        } finally {
          await allowing.stop();
        }
      });
    } finally {
      await host.close();
    }

    await check('nginx logged no errors', async () => {
      const errors = (await nginx.errorLog()).split('\n').filter((l) => /\[(error|crit|alert|emerg)\]/.test(l) && !/clinic\.json|\.gitignore/.test(l));
      assert(errors.length === 0, errors.join('\n'));
    });
  } finally {
    await browser.close();
    await nginx.stop();
  }
});

// standalone.html: the whole app in one file (a USB stick at events). Opened from file:// with no other file beside
// it and no network, it draws, responds, makes no request at all and logs nothing (the clinic.json look-up is
// skipped silently there); its inline script and style are allowed by sha256 hashes, never 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, waitReady, frames, state, press, canvasStats, run, assert } from './lib.mjs';
import { directives, metaCsp, watchPages } from './webroot.mjs';

const dist = resolve(process.argv[2] || 'build/web/dist');

await run('standalone.html (single file, file://)', async (check) => {
  const html = await readFile(join(dist, 'standalone.html'), 'utf8');
  // A USB stick holds just this file: copy it alone into an empty folder.
  const stick = await mkdtemp(join(tmpdir(), 'mn-usb-'));
  await copyFile(join(dist, 'standalone.html'), join(stick, 'standalone.html'));
  const fileUrl = pathToFileURL(join(stick, 'standalone.html')).href;
  const browser = await launch();
  try {
    await check('the file needs no other file: no src/href to anything but data: URIs, wasm inlined', async () => {
      const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((v) => !v.startsWith('data:'));
      assert(refs.length === 0, `references to other files: ${refs.join(', ')}`);
      assert(!/<link[^>]+rel="(stylesheet|manifest)"/.test(html), 'stylesheet or manifest link left in');
      assert(/<script type="application\/octet-stream" id="mn-wasm">[A-Za-z0-9+/=]{100000,}<\/script>/.test(html), 'no inlined wasm');
    });

    await check('its CSP allows exactly its inline script and style by sha256 hash (no unsafe-inline)', async () => {
      const csp = directives(metaCsp(html));
      const get = (name) => (csp.find((d) => d.startsWith(name + ' ')) || '').split(' ').slice(1);
      assert(!csp.join(';').includes('unsafe-inline') && !csp.join(';').includes("'unsafe-eval'"), `unsafe source: ${csp.join('; ')}`);
      assert(get('default-src').join(' ') === "'none'", `default-src ${get('default-src')}`);
      const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
      const scripts = [...html.matchAll(/<script(?![^>]*type="(application\/octet-stream|text\/plain)")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash(m[2]));
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
      assert(scripts.length === 2 && styles.length === 1, `${scripts.length} scripts, ${styles.length} styles`);
      assert(JSON.stringify(get('script-src').filter((s) => s.startsWith("'sha256-")).sort()) === JSON.stringify(scripts.sort()),
        'script-src hashes do not match the inline scripts');
      assert(get('script-src').includes("'wasm-unsafe-eval'"), 'no wasm-unsafe-eval');
      assert(JSON.stringify(get('style-src')) === JSON.stringify(styles), 'style-src hash does not match the inline style');
    });

    for (const device of ['desktop', 'phone']) {
      await check(`${device}: from file://, offline, it draws and responds with no console message, request or CSP violation`, async () => {
        const touch = device === 'phone';
        const context = await browser.newContext(touch
          ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true }
          : { viewport: { width: 1280, height: 800 } });
        await context.setOffline(true);
        const log = await watchPages(context, { ignoreAbsentClinic: false });
        const messages = [];
        const page = await context.newPage();
        page.on('console', (m) => { if (m.type() !== 'log' && m.type() !== 'debug') messages.push(`${m.type()}: ${m.text()}`); });
        await page.goto(fileUrl);
        await waitReady(page);
        assert((await frames(page)) > 0, 'no frame drawn');
        assert((await canvasStats(page)).colours > 20, 'canvas looks blank');
        await press(page, 'Compare treatments', { touch });
        assert((await state(page)).screen === 'compare', 'a tap/click did not open Compare');
        assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
        assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
        assert(messages.length === 0, `console messages: ${messages.join(' | ')}`);
        const network = log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
        assert(network.length === 0, `requests: ${network.join(', ')}`);
        assert(!(await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.controller)), 'a service worker?');
        await context.close();
      });
    }

    await check('?lang=es works from file:// too', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(fileUrl + '?lang=es');
      await waitReady(page);
      assert((await state(page)).lang === 'es', `language ${(await state(page)).lang}`);
      await context.close();
    });
  } finally {
    await browser.close();
    await rm(stick, { recursive: true, force: true });
  }
});

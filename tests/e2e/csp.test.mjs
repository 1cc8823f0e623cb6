// Content-Security-Policy: the pages have no inline script or style, the policy allows only this site's scripts and
// WebAssembly compilation ('wasm-unsafe-eval', never 'unsafe-inline' or 'unsafe-eval'), and nothing the app does
// trips it: start, service-worker registration, taps, clicks, language switch, typing, wheel, resize, pixel ratio,
// a broken clinic.json banner. Every `securitypolicyviolation` event (listened for before any page script runs)
// and every console message about CSP fails the test.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch, waitReady, settle, state, items, press, run, assert, DEVICES } from './lib.mjs';
import { directives, metaCsp, pressHere, watchPages } from './webroot.mjs';

const dist = resolve(process.argv[2] || 'build/web/dist');

await run('Content-Security-Policy', async (check) => {
  const pages = (await readdir(dist)).filter((f) => f.endsWith('.html') && f !== 'standalone.html');
  await check(`the pages (${pages.join(', ')}) have no inline script, style, event handler or javascript: URL`, async () => {
    for (const name of pages) {
      const html = await readFile(join(dist, name), 'utf8');
      const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\ssrc="/.test(m[1]) || m[2].trim());
      assert(inlineScripts.length === 0, `${name}: inline <script>`);
      assert(!/<style[\s>]/.test(html), `${name}: <style> element`);
      assert(!/\sstyle="/.test(html), `${name}: style="" attribute`);
      assert(!/\son[a-z]+="/.test(html), `${name}: on…="" event handler attribute`);
      assert(!/javascript:/i.test(html), `${name}: javascript: URL`);
      const csp = directives(metaCsp(html));
      const get = (d) => (csp.find((x) => x.startsWith(d + ' ')) || '').slice(d.length + 1);
      // Only the app's page compiles WebAssembly; the others (embed.html) need no more than 'self'.
      const scripts = name === 'index.html' ? ["'self' 'wasm-unsafe-eval'"] : ["'self'", "'self' 'wasm-unsafe-eval'"];
      assert(scripts.includes(get('script-src')), `${name}: script-src ${get('script-src')}`);
      assert(get('style-src') === "'self'", `${name}: style-src ${get('style-src')}`);
      assert(get('default-src') === "'self'" && get('object-src') === "'none'", `${name}: default-src/object-src`);
      assert(!/unsafe-inline|'unsafe-eval'/.test(csp.join(';')), `${name}: unsafe source`);
    }
  });

  const server = await serve(dist);
  const browser = await launch();
  try {
    for (const device of ['phone', 'desktop']) {
      await check(`${device}: start and a round of interactions trip no CSP`, async () => {
        const touch = device === 'phone';
        const context = await browser.newContext({ ...DEVICES[device] });
        const log = await watchPages(context);
        const page = await context.newPage();
        await page.goto(server.url);
        await waitReady(page);
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // worker-src / script-src for sw.js
        await press(page, 'Compare treatments', { touch }); // content: scrolled into sight first
        // The bars (language, navigation, brand) are always in sight: pressed where they are.
        await pressHere(page, 'ES##lang', { touch });
        await pressHere(page, 'EN##lang', { touch });
        // The navigation is a side bar on wide screens (Learn##nav) and a tab bar on phones (Learn##tab).
        const learn = (await items(page)).find((i) => /^Learn##/.test(i.label));
        assert(learn, 'no Learn navigation item');
        await pressHere(page, learn.label, { touch });
        assert((await state(page)).screen === 'learn', 'navigation did not work');
        await page.keyboard.press('Tab');
        await page.keyboard.type('abc');
        if (!touch) {
          await page.mouse.move(600, 400);
          await page.mouse.wheel(0, 200);
        }
        await page.setViewportSize({ width: DEVICES[device].viewport.width - 40, height: DEVICES[device].viewport.height - 60 });
        await settle(page);
        await pressHere(page, 'Home', { touch });
        await page.reload(); // now through the service worker
        await waitReady(page);
        assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
        assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
        await context.close();
      });
    }

    await check('the clinic configuration paths (a broken clinic.json, a missing ?config= file) trip no CSP', async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const log = await watchPages(context, { ignoreAbsentClinic: true });
      const page = await context.newPage();
      await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"currency": 1' }));
      await page.goto(server.url);
      await waitReady(page);
      await page.waitForTimeout(300);
      assert((await state(page)).banner, 'no banner for a broken clinic.json');
      await page.goto(server.url + '?config=configs/missing.json');
      await waitReady(page);
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      await context.close();
    });

    await check('the page reports a violation when something does break the policy (the listener works)', async () => {
      const context = await browser.newContext();
      const log = await watchPages(context);
      const page = await context.newPage();
      await page.goto(server.url);
      await waitReady(page);
      await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); });
      await page.waitForTimeout(300);
      assert(!(await page.evaluate(() => window.__inline)), 'an inline script ran');
      assert(log.csp.some((m) => /securitypolicyviolation/.test(m)), `no violation event recorded: ${log.csp.join(' | ')}`);
      await context.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

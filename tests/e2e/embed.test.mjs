// Embedding: the patient mode inside an <iframe> on another site's page. The host page is served on a second port
// (127.0.0.1:PORT2 and 127.0.0.1:PORT1 are different origins). The app draws inside the frame, a named widget is
// clicked there (the test bridge's rectangle plus the iframe's own position on the host page), ?lang= applies, and
// the host page keeps its keyboard: typing into the host's <input> works while the app loads, runs and after it
// was clicked. Also: web/embed.html (the example page in the build) shows the app.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, waitReady, frames, state, items, canvasStats, settle, touchDrag, run, assert } from './lib.mjs';
import { pressInFrame, watchPages } from './webroot.mjs';

const dist = resolve(process.argv[2] || 'build/web/dist');

// A clinic's page: some text, a text field, then the app in an iframe pushed away from the page's corner (so a
// click that forgot the iframe's offset misses) with a border (so one that forgot the border misses too).
const hostPage = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example Skin Clinic</title><link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 16px system-ui, sans-serif; }
  header { padding: 16px 0 24px 140px; }
  h1 { margin: 0 0 8px; font-size: 24px; }
  iframe { margin-left: 140px; width: 900px; height: 640px; border: 3px solid #2a6560; }
</style></head>
<body>
  <header><h1>Example Skin Clinic</h1><label>Your name <input id="host-input" autocomplete="off"></label></header>
  <iframe id="navigator" src="${src}" title="Microneedling Navigator: a private guide to skin treatments" allow="fullscreen"></iframe>
</body></html>`;

// Holds the app's wasm download back until the returned function is called.
async function holdWasm(context) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/app.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

await run('embedded in another site (iframe)', async (check) => {
  const app = await serve(dist);
  const hostDir = await mkdtemp(join(tmpdir(), 'mn-host-'));
  await writeFile(join(hostDir, 'index.html'), hostPage(`${app.url}?mode=patient`));
  await writeFile(join(hostDir, 'es.html'), hostPage(`${app.url}?mode=patient&lang=es`));
  // A phone: the app in a full-width frame on a long page.
  await writeFile(join(hostDir, 'phone.html'), hostPage(`${app.url}?mode=patient`)
    .replace('iframe { margin-left: 140px; width: 900px; height: 640px;', 'body { padding-bottom: 1600px; } iframe { width: 100%; height: 600px;'));
  const host = await serve(hostDir);
  const browser = await launch();
  const appOrigin = new URL(app.url).origin, hostOrigin = new URL(host.url).origin;
  try {
    assert(appOrigin !== hostOrigin, 'the host page and the app must be on different origins');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const log = await watchPages(context);
    const page = await context.newPage();
    const input = page.locator('#host-input');

    // The visitor starts typing in the host page while the app is still downloading (held back until then, so
    // the app's start surely comes after the host input has the focus).
    const release = await holdWasm(context);
    await page.goto(host.url);
    await input.click();
    await page.keyboard.type('Ana');
    release();
    const frame = await (await page.waitForSelector('#navigator')).contentFrame();

    await check('the app draws inside the cross-origin iframe', async () => {
      await waitReady(frame);
      assert(new URL(frame.url()).origin === appOrigin, `frame origin ${new URL(frame.url()).origin}`);
      assert((await frames(frame)) > 0, 'no frame drawn');
      const stats = await canvasStats(frame);
      assert(stats.colours > 20 && stats.differing > 0.05, `canvas looks blank (${stats.colours} colours)`);
      const size = await frame.evaluate(() => [innerWidth, innerHeight]);
      assert(size[0] === 900 && size[1] === 640, `the app sees a ${size.join('×')} viewport, not the iframe's 900×640`);
    });

    await check('the app starting does not take the keyboard from the host page', async () => {
      await page.waitForTimeout(500);
      await page.keyboard.type(' Lopez');
      assert((await input.inputValue()) === 'Ana Lopez', `host input holds "${await input.inputValue()}"`);
      assert(await input.evaluate((el) => document.activeElement === el), 'the host input lost focus');
    });

    await check('a named widget clicked inside the iframe responds', async () => {
      assert((await state(frame)).screen === 'home', 'should start at home');
      const at = await pressInFrame(page, frame, 'Compare treatments');
      const s = await state(frame);
      assert(s.screen === 'compare', `screen is ${s.screen} after a click at ${at.x.toFixed(0)},${at.y.toFixed(0)}`);
      await pressInFrame(page, frame, 'Home');
      assert((await state(frame)).screen === 'home', 'Home did not go home');
    });

    await check('the wheel scrolls the app first, then (at its end) the host page, as any scrolling box does', async () => {
      await page.evaluate(() => { document.body.style.paddingBottom = '1600px'; window.scrollTo(0, 0); });
      const box = await (await page.$('#navigator')).boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(300);
      const edges = () => frame.evaluate(() => Module._mn_scroll_edges());
      assert(await page.evaluate(() => window.scrollY) === 0, 'the host page moved while the app could still scroll');
      assert(!((await edges()) & 1), 'the app did not scroll');
      for (let i = 0; i < 60 && !((await edges()) & 2); i++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(80);
      }
      assert((await edges()) & 2, 'the app never reached its end');
      const before = await page.evaluate(() => window.scrollY);
      for (let i = 0; i < 4; i++) {
        await page.mouse.wheel(0, 240);
        await page.waitForTimeout(120);
      }
      const after = await page.evaluate(() => window.scrollY);
      assert(after > before, `the host page did not scroll on (${before} → ${after})`);
      await page.evaluate(() => { window.scrollTo(0, 0); document.body.style.paddingBottom = ''; });
    });

    await check('on a touch screen a drag scrolls the app first, then (at its end) the host page, and is never a tap', async () => {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      const p = await ctx.newPage();
      await p.goto(host.url + 'phone.html');
      const f = await (await p.waitForSelector('#navigator')).contentFrame();
      await waitReady(f);
      const box = await (await p.$('#navigator')).boundingBox();
      const x = box.x + box.width / 2, low = box.y + box.height * 0.8, high = box.y + box.height * 0.25;
      const edges = () => f.evaluate(() => Module._mn_scroll_edges());
      const touchAction = () => f.evaluate(() => document.getElementById('canvas').style.touchAction);
      const hostY = () => p.evaluate(() => window.scrollY);
      // Finger up: the app's content scrolls; the page stays.
      assert(await touchAction() === 'pan-up', `at the app's top the canvas has touch-action "${await touchAction()}"`);
      await touchDrag(p, x, low, high - low, 12, 150);
      await settle(f);
      assert(!((await edges()) & 1), 'the app did not scroll');
      assert(await hostY() === 0, 'the host page moved while the app could still scroll');
      for (let i = 0; i < 40 && !((await edges()) & 2); i++) {
        await touchDrag(p, x, low, high - low, 8, 100);
        await settle(f);
      }
      assert((await edges()) & 2, 'the app never reached its end');
      assert(await touchAction() === 'pan-down', `at the app's end the canvas has touch-action "${await touchAction()}"`);
      const place = (await state(f)).place;
      // At its end: the page scrolls on, and the drag presses nothing in the app, even one that starts on a button.
      const button = (await items(f)).filter((i) => i.pressable && i.visible !== false && i.y > 200 && i.y + i.h < box.height - 80
        && i.x > 20 && i.w > 80).pop();
      assert(button, 'no button in the lower part of the app to start the drag on');
      const bx = box.x + button.x + button.w / 2, by = box.y + button.y + button.h / 2;
      await touchDrag(p, bx, by, -Math.min(250, by - box.y - 40), 12, 150);
      await settle(f);
      const moved = await hostY();
      assert(moved > 0, 'the host page did not scroll on');
      assert((await state(f)).place === place, `a drag the page took pressed "${button.label}" (now at ${(await state(f)).place})`);
      // Finger down: the app scrolls back first; the page waits.
      const box2 = await (await p.$('#navigator')).boundingBox();
      await touchDrag(p, x, box2.y + box2.height * 0.25, box2.height * 0.4, 12, 150);
      await settle(f);
      assert(!((await edges()) & 2), 'the app did not scroll back up');
      assert(await hostY() === moved, `the host page moved (${moved} → ${await hostY()}) while the app could scroll up`);
      // A touch the browser cancels (touchcancel: it took the finger, or the system did) is no tap either.
      const target = (await items(f)).find((i) => i.pressable && i.y > 120 && i.y + i.h < box2.height - 40 && i.w > 80);
      assert(target, 'no button in view to touch');
      const cdp = await ctx.newCDPSession(p);
      const at = [{ x: box2.x + target.x + target.w / 2, y: box2.y + target.y + target.h / 2, id: 7, radiusX: 4, radiusY: 4, force: 1 }];
      const before = (await state(f)).place;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at });
      await p.waitForTimeout(120);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
      await settle(f);
      assert((await state(f)).place === before, `a cancelled touch pressed "${target.label}" (now at ${(await state(f)).place})`);
      await cdp.detach();
      await ctx.close();
    });

    await check('after using the app, the host input takes typing again (the app swallows no keys)', async () => {
      await input.click();
      await page.keyboard.type(', 34');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('5');
      assert((await input.inputValue()) === 'Ana Lopez, 35', `host input holds "${await input.inputValue()}"`);
      assert((await state(frame)).screen === 'home', 'keys typed in the host page moved the app');
    });

    await check('no console errors, no CSP violations, no request to a third origin', async () => {
      assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
      assert(log.csp.length === 0, `CSP: ${log.csp.join(' | ')}`);
      const other = log.requests.filter((u) => !u.startsWith(appOrigin) && !u.startsWith(hostOrigin) && !u.startsWith('data:'));
      assert(other.length === 0, `requests elsewhere: ${other.join(', ')}`);
    });
    await context.close();

    await check('?lang=es in the iframe address applies', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await ctx.newPage();
      await p.goto(host.url + 'es.html');
      const f = await (await p.waitForSelector('#navigator')).contentFrame();
      await waitReady(f);
      assert((await state(f)).lang === 'es', `language ${(await state(f)).lang}`);
      await ctx.close();
    });

    // Same origin this time: a frame of the same site could take the focus if the app asked for it (Chromium refuses
    // that to cross-origin frames without a user gesture, so this is the case that shows the loader does not ask).
    await check('embed.html, the example page in the build, shows the app and its search field keeps the keyboard', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const l = await watchPages(ctx);
      const p = await ctx.newPage();
      const release = await holdWasm(ctx);
      await p.goto(app.url + 'embed.html');
      const search = p.locator('input[type=search]');
      await search.click();
      await p.keyboard.type('peels');
      release();
      const f = await (await p.waitForSelector('iframe.navigator')).contentFrame();
      await waitReady(f);
      assert((await frames(f)) > 0, 'no frame drawn');
      await p.waitForTimeout(300);
      await p.keyboard.type(' and lasers');
      assert((await search.inputValue()) === 'peels and lasers', `search field holds "${await search.inputValue()}"`);
      assert(l.csp.length === 0 && l.errors.length === 0, `${l.csp.join(' | ')} ${l.errors.join(' | ')}`);
      await ctx.close();
    });
  } finally {
    await browser.close();
    await host.close();
    await app.close();
    await rm(hostDir, { recursive: true, force: true });
  }
});

// The app shell in Chromium at phone, tablet and desktop sizes: it draws, stays quiet when idle, talks to no
// other origin, and its widgets respond to mouse, touch, wheel and touch-drag scrolling (with inertia, unless the
// person asked for reduced motion).
import { withBrowser, openApp, press, settle, state, frames, items, canvasStats, touchDrag, flick, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

await run('app shell smoke test', (check) => withBrowser(dist, async ({ server, browser }) => {
  for (const device of ['phone', 'tablet', 'desktop']) {
    const touch = device !== 'desktop';
    const { context, page, log } = await openApp(browser, device, server.url);

    await check(`${device}: canvas is drawn at the device pixel ratio and not blank`, async () => {
      const dpr = await page.evaluate(() => window.devicePixelRatio);
      const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height,
        innerWidth, innerHeight]);
      assert(size[0] === Math.round(size[2] * dpr) && size[1] === Math.round(size[3] * dpr),
        `backing store ${size[0]}x${size[1]} should be ${size[2]}x${size[3]} × ${dpr}`);
      const s = await canvasStats(page);
      assert(s.differing > 0.05, `only ${(s.differing * 100).toFixed(1)}% of pixels differ from the background`);
      assert(s.colours > 20, `only ${s.colours} distinct colours: looks blank`);
    });

    await check(`${device}: the page keeps a real heading and description for readers and search engines`, async () => {
      // The clinic's own name (from the clinic.json beside the page: the demo clinic's) on the card and in the title.
      const h1 = await page.locator('#intro h1').textContent();
      assert(h1 === 'Harbour Skin Clinic', `h1 is "${h1}"`);
      const title = await page.title();
      assert(/^Harbour Skin Clinic: learn, see what may suit you/.test(title), `title is "${title}"`);
      const desc = await page.locator('meta[name=description]').getAttribute('content');
      assert(desc && desc.length > 50, 'meta description missing');
    });

    await check(`${device}: laid out for its pointer before any input (the first touch does not make targets grow)`, async () => {
      // Touch targets (the text size button: 48 px wide on touch screens, 42 with a mouse) from the first frame.
      const size = (await items(page)).find((i) => i.label.endsWith('##text_size'));
      assert(size, 'no text size control');
      const want = device === 'desktop' ? 42 : 48;
      assert(Math.round(size.w) === want, `the text size control is ${size.w} px wide before any input, expected ${want}`);
    });

    await check(`${device}: no frames are drawn while idle`, async () => {
      await settle(page);
      const before = await frames(page);
      await page.waitForTimeout(1500);
      const after = await frames(page);
      assert(after === before, `${after - before} frames drawn in 1.5 s of idling`);
    });

    await check(`${device}: passes of the UI that change nothing send nothing to the GPU`, async () => {
      const start = await state(page);
      // The first pass only measures and the settling passes repeat the frame shown: fewer frames drawn than passes.
      assert(start.presented >= 1 && start.presented < start.frames, `${start.presented} of ${start.frames} passes drawn at start`);
      await page.evaluate(() => Module._mn_wake());  // what a timer or a resize does: a few passes, nothing new to show
      await settle(page);
      const after = await state(page);
      assert(after.frames > start.frames, 'the wake ran no pass of the UI');
      assert(after.presented === start.presented, `${after.presented - start.presented} identical frames drawn again`);
    });

    await check(`${device}: a named card ${touch ? 'tapped' : 'clicked'} once opens its screen`, async () => {
      assert((await state(page)).screen === 'home', 'should start at home');
      await press(page, 'Learn', { touch });
      const s = await state(page);
      assert(s.screen === 'learn', `screen is ${s.screen}`);
      if (touch) assert(!s.hovered, 'a widget is still highlighted after the finger lifted (sticky hover)');
    });

    await check(`${device}: every triangle of Learn and Home is drawn with the texture of its own font (one atlas per font)`, async () => {
      // Text drawn with the wrong font's texture shows as glyph fragments and raises no error (app/platform/draw_check.cpp).
      for (const screen of ['learn', 'home']) {
        if (screen === 'home') await press(page, 'Home', { touch });
        const c = await page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._mn_draw_texture_check())));
        assert(c.triangles > 1000 && c.misplaced === 0, `${screen}: ${JSON.stringify(c)}`);
      }
      await press(page, 'Learn', { touch });
    });

    await check(`${device}: the language switch changes the interface`, async () => {
      await press(page, 'ES##lang', { touch });
      assert((await state(page)).lang === 'es', 'language did not switch to Spanish');
      // Spanish's content pack is fetched when first wanted: its words replace the English ones when it is in.
      await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready, null, { timeout: 10000 });
      await settle(page);
      const names = (await items(page)).map((i) => i.name);
      assert(names.includes(device === 'phone' ? 'Comparar' : 'Comparar'), `no Spanish navigation in ${names.join(', ')}`);
      await press(page, 'EN##lang', { touch });
      assert((await state(page)).lang === 'en', 'language did not switch back');
    });

    await check(`${device}: the brand returns home`, async () => {
      await press(page, 'Home', { touch });
      assert((await state(page)).screen === 'home', 'not home');
    });

    if (device === 'phone') {
      await check('phone: a touch drag scrolls the content, with inertia, and presses nothing', async () => {
        const s0 = await state(page);
        assert(s0.scroll_max_y > 100, `home should be taller than the phone screen (scroll max ${s0.scroll_max_y})`);
        await touchDrag(page, 200, 600, -300);
        await settle(page);
        const s1 = await state(page);
        assert(s1.screen === 'home', `the drag opened ${s1.screen}`);
        assert(s1.scroll_y >= 250, `scrolled only ${s1.scroll_y}px for a 300px drag`);
        await touchDrag(page, 200, 300, 400);
        await settle(page);
        assert((await state(page)).scroll_y < s1.scroll_y, 'dragging down did not scroll back up');
      });
    }

    if (device === 'desktop') {
      await check('desktop: one wheel notch scrolls a readable step', async () => {
        await page.setViewportSize({ width: 1440, height: 500 });
        await settle(page);
        const s0 = await state(page);
        assert(s0.scroll_max_y > 0, 'content should scroll in a short window');
        await page.mouse.move(800, 300);
        await page.mouse.wheel(0, 100);
        await settle(page);
        const dy = (await state(page)).scroll_y - s0.scroll_y;
        assert(dy > 20 && dy < 200, `one notch scrolled ${dy}px`);
        await page.setViewportSize({ width: 1440, height: 900 });
        await settle(page);
      });
    }

    await check(`${device}: no console errors and no request to another origin`, async () => {
      assert(log.errors.length === 0, `console errors: ${log.errors.join(' | ')}`);
      const origin = new URL(server.url).origin;
      const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
      assert(foreign.length === 0, `requests to other origins: ${foreign.join(', ')}`);
    });
    await context.close();
  }

  await check('the start-up warm-up (wasm-warmup.js) runs mn_warm_up to the end in its worker, with every import a stub', async () => {
    // A trap there (a call that reaches a stub) would not break the app, only quietly bring back the compiling on
    // the main thread: run the worker as loader.js does and ask for its answer.
    const { context, page } = await openApp(browser, 'phone', server.url);
    const answer = await page.evaluate(async () => {
      const tag = document.querySelector('script[data-wasm-warmup]');
      const module = await WebAssembly.compileStreaming(fetch(tag.getAttribute('data-app-wasm')));
      return new Promise((resolve) => {
        const worker = new Worker(tag.getAttribute('data-wasm-warmup'));
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => resolve({ error: e.message });
        worker.postMessage({ module, entry: tag.getAttribute('data-app-warm-up'), dpr: 3, width: 390, height: 844 });
      });
    });
    assert(answer.warm === true, `the warm-up did not finish: ${JSON.stringify(answer)}`);
    await context.close();
  });

  await check('prefers-reduced-motion: a fling stops where the finger lifts; without it, it carries on', async () => {
    const travelled = {};
    for (const reducedMotion of ['reduce', 'no-preference']) {
      const { context, page } = await openApp(browser, 'phoneFast', server.url, { reducedMotion });
      await press(page, 'Compare##tab', { touch: true });
      const s0 = await state(page);
      assert(s0.scroll_max_y > 1500, `Compare should be long on a phone (scroll max ${s0.scroll_max_y})`);
      await flick(page, 200, 650, -300);
      await settle(page);
      travelled[reducedMotion] = (await state(page)).scroll_y - s0.scroll_y;
      await context.close();
    }
    assert(travelled.reduce >= 250 && travelled.reduce <= 320, `reduced motion: scrolled ${travelled.reduce}px for a 300px flick`);
    assert(travelled['no-preference'] > travelled.reduce + 40, `no inertia without the preference: ${JSON.stringify(travelled)}`);
  });
}));

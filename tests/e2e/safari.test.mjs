// What differs on an iPhone or iPad (Safari's WebKit), where Chromium's emulation can show it: safe-area insets
// (a notch and a home indicator: the canvas keeps out of them), the collapsing address bar (the viewport's height
// changes: the app follows, nothing under the toolbar), a dark system colour scheme (the app and page stay light and
// legible), and a double tap on the canvas (two presses, no page zoom). The WebKit and Firefox suites check the rest
// in the engines themselves (tests/e2e/engine-suite.mjs).
import { withBrowser, openApp, press, settle, state, items, frames, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// The canvas's pixels at a few CSS points (from a screenshot of the page).
async function pixelAt(page, points) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async ([b64, pts]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height), ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const k = img.width / innerWidth;
    return pts.map(([x, y]) => Array.from(ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data.slice(0, 3)));
  }, [png, points]);
}

await run('Safari differences (Chromium emulation)', (check) => withBrowser(dist, async ({ browser, server }) => {
  await check('safe areas (viewport-fit=cover, a notch and a home indicator): the canvas and every widget keep out of them', async () => {
    const { context, page, log } = await openApp(browser, 'phoneFast', server.url);
    const cdp = await context.newCDPSession(page);
    const insets = { top: 47, left: 0, bottom: 34, right: 0 };
    try {
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
    } catch (e) {
      throw new Error(`this Chromium cannot emulate safe areas (Emulation.setSafeAreaInsetsOverride): ${e.message}`);
    }
    await page.evaluate(() => Module._mn_wake());
    await page.waitForFunction((top) => document.getElementById('canvas').getBoundingClientRect().top === top, insets.top, { timeout: 5000 });
    await settle(page);
    const r = await page.evaluate(() => {
      const b = document.getElementById('canvas').getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height, vw: innerWidth, vh: innerHeight };
    });
    assert(r.y === insets.top && r.x === 0 && r.w === r.vw && r.h === r.vh - insets.top - insets.bottom, JSON.stringify(r));
    // The app lays out in the canvas: every widget (the top bar, the tab bar at the bottom) lies inside it.
    const box = await page.locator('#canvas').boundingBox();
    const shown = (await items(page)).filter((i) => i.visible);
    const out = shown.filter((i) => box.y + i.y < insets.top - 0.5 || box.y + i.y + i.h > r.vh - insets.bottom + 0.5);
    assert(shown.length > 5 && out.length === 0, `under the notch or the home indicator: ${out.map((i) => i.label).join(', ')}`);
    // Taps still land on widgets (coordinates are the canvas's own).
    await press(page, 'Learn##tab', { touch: true });
    assert((await state(page)).screen === 'learn', 'a tap missed with safe areas');
    // Under the notch: the page's background, the app's own colour (no band of another colour).
    const [notch, app] = await pixelAt(page, [[195, 10], [5, box.y + box.height / 2]]);
    assert(Math.abs(notch[0] - 0xf6) + Math.abs(notch[1] - 0xf4) + Math.abs(notch[2] - 0xf0) < 6, `under the notch: ${notch}`);
    assert(log.errors.length === 0, log.errors.join(' | '));
    await context.close();
  });

  await check('the address bar collapsing and expanding (the viewport\'s height changes): the app follows, the tab bar stays in sight', async () => {
    const { context, page, log } = await openApp(browser, 'phoneFast', server.url);
    for (const height of [844, 760, 844]) {
      await page.setViewportSize({ width: 390, height });
      await page.waitForFunction((h) => Math.round(document.getElementById('canvas').getBoundingClientRect().height) === h, height, { timeout: 5000 });
      await settle(page);
      const s = await page.evaluate(() => [innerHeight, visualViewport.height, document.getElementById('canvas').getBoundingClientRect().bottom]);
      assert(s[2] <= s[1] + 0.5, `the canvas reaches ${s[2]}, the visible viewport ends at ${s[1]}`);
      const tabs = (await items(page)).filter((i) => /##tab$/.test(i.label) && i.visible);
      assert(tabs.length >= 4, 'no tab bar');
      const lowest = Math.max(...tabs.map((t) => t.y + t.h));
      assert(lowest <= height && lowest > height - 120, `tab bar ends at ${lowest} in a ${height} px viewport`);
    }
    assert(log.errors.length === 0, log.errors.join(' | '));
    await context.close();
  });

  await check('a dark system colour scheme: the page declares light, the app draws its light theme, the intro stays legible', async () => {
    const { context, page, log } = await openApp(browser, 'phoneFast', server.url, { colorScheme: 'dark' });
    const info = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement), card = getComputedStyle(document.querySelector('.intro-card'));
      const p = getComputedStyle(document.querySelector('.intro p'));
      return { dark: matchMedia('(prefers-color-scheme: dark)').matches, scheme: root.colorScheme,
        meta: document.querySelector('meta[name=color-scheme]')?.content, card: card.backgroundColor, text: p.color };
    });
    assert(info.dark, 'the emulation did not ask for dark');
    assert(info.scheme === 'light' && info.meta === 'light', JSON.stringify(info));
    // Contrast of the intro's text on its card (WCAG relative luminance): at least 4.5:1 in a dark system theme too.
    const lum = (c) => {
      const v = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((x) => x / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    };
    const [a, b] = [lum(info.card), lum(info.text)].sort((x, y) => y - x);
    assert((a + 0.05) / (b + 0.05) >= 4.5, `intro contrast ${((a + 0.05) / (b + 0.05)).toFixed(2)} (${info.text} on ${info.card})`);
    const [bg] = await pixelAt(page, [[5, 420]]);
    assert(Math.abs(bg[0] - 0xf6) + Math.abs(bg[1] - 0xf4) + Math.abs(bg[2] - 0xf0) < 6, `app background ${bg} in dark mode`);
    assert(log.errors.length === 0, log.errors.join(' | '));
    await context.close();
  });

  await check('a double tap on the canvas: two presses for the app, no page zoom, no delay', async () => {
    const { context, page, log } = await openApp(browser, 'phoneFast', server.url);
    const css = await page.evaluate(() => [getComputedStyle(document.getElementById('canvas')).touchAction,
      getComputedStyle(document.documentElement).touchAction]);
    assert(css[0] === 'none' && css[1] === 'manipulation', `touch-action ${css}`);
    const it = (await items(page)).find((i) => i.label === 'Learn##tab');
    const before = await frames(page);
    const t0 = Date.now();
    await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
    await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).screen === 'learn', null, { timeout: 3000 });
    const took = Date.now() - t0;
    await settle(page);
    const scale = await page.evaluate(() => visualViewport.scale);
    assert(scale === 1, `the page zoomed to ${scale}`);
    assert((await frames(page)) > before && (await state(page)).screen === 'learn', 'the taps did not reach the app');
    assert(log.errors.length === 0, log.errors.join(' | '));
    console.log(`  note double tap handled in ${took} ms`);
    await context.close();
  });
}));

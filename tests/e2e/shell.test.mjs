// The HTML shell around the canvas: readable messages instead of a blank page when the browser lacks WebGL 2
// or WebAssembly or a download fails, the loading indicator, and crisp text after a pixel-ratio change (zoom).
import { serve, launch, openApp, settle, state, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

async function errorText(page) {
  await page.locator('#error').waitFor({ state: 'visible', timeout: 20000 });
  return page.locator('#error').textContent();
}

await run('HTML shell', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    await check('without WebGL 2 the page explains what is missing', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
          return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
        };
      });
      await page.goto(server.url);
      const text = await errorText(page);
      assert(/WebGL 2/.test(text), `message was "${text}"`);
      assert(await page.locator('#intro h1').isVisible(), 'the heading should stay visible');
      await context.close();
    });

    await check('without WebAssembly the page explains what is missing', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => { delete window.WebAssembly; });
      await page.goto(server.url);
      assert(/WebAssembly/.test(await errorText(page)), 'no WebAssembly message');
      await context.close();
    });

    for (const file of ['app.wasm', 'app.js']) {
      await check(`a failed download of ${file} shows a message, not a blank canvas`, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route(`**/${file}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
        await page.goto(server.url);
        assert(/could not be downloaded/.test(await errorText(page)), 'no download message');
        assert(!(await page.locator('#canvas').isVisible()), 'the canvas should stay hidden');
        await context.close();
      });
    }

    await check('the loading indicator is shown until the first frame, then the page text moves out of sight', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      let release;
      const gate = new Promise((r) => { release = r; });
      await page.route('**/app.wasm', async (route) => { await gate; route.continue(); });
      await page.goto(server.url);
      assert(await page.locator('#progress').isVisible(), 'progress bar not visible while loading');
      release();
      await page.waitForFunction(() => document.documentElement.classList.contains('mn-ready'), null, { timeout: 60000 });
      const box = await page.locator('#intro').boundingBox();
      assert(!box || box.width <= 1, 'intro should be visually hidden once the app runs');
      assert((await page.locator('#intro h1').count()) === 1, 'heading should stay in the DOM');
      await context.close();
    });

    await check('text is re-rasterised when the pixel ratio changes (browser zoom, another screen)', async () => {
      const { context, page } = await openApp(browser, 'desktop', server.url);
      const s1 = await state(page);
      assert(Math.abs(s1.font_scale - 1) < 1e-3, `font scale ${s1.font_scale} at DPR 1`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 2, mobile: false });
      await page.waitForTimeout(1500);  // the page notices a ratio change within half a second
      await settle(page);
      const s2 = await state(page);
      assert(Math.abs(s2.dpr - 2) < 1e-3, `app sees DPR ${s2.dpr}`);
      assert(Math.abs(s2.font_scale - 0.5) < 1e-3, `fonts not rebuilt for DPR 2 (scale ${s2.font_scale})`);
      const width = await page.evaluate(() => document.getElementById('canvas').width);
      assert(width === 2880, `canvas backing width ${width}, expected 2880`);
      await context.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

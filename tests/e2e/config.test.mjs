// A clinic's own clinic.json: applied when valid, named problem by problem in a banner when broken (with the
// built-in values used instead), never a crash or a blank canvas; ?config= only reads files from the same site.
import { readFile } from 'node:fs/promises';
import { serve, launch, settle, state, press, waitReady, canvasStats, run, assert, isAbsentClinicConfig } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// Opens the app with `clinic.json` answered by `body` (or a 404 when null).
async function openWith(browser, url, body, { contentType = 'application/json' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !isAbsentClinicConfig(m)) errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) => body === null
    ? route.fulfill({ status: 404, body: 'not found' })
    : route.fulfill({ status: 200, contentType, body }));
  await page.goto(url);
  await waitReady(page);
  await page.waitForTimeout(300);
  await settle(page);
  return { context, page, errors, requests };
}

await run('clinic configuration in the browser', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    await check('without clinic.json the demo clinic runs with no banner', async () => {
      const { context, page, errors } = await openWith(browser, server.url, null);
      const s = await state(page);
      assert(s.config_issues === 0, `${s.config_issues} issues`);
      assert(errors.length === 0, errors.join(' | '));
      await context.close();
    });

    await check('brand.logo: the clinic\'s picture (beside clinic.json) replaces the app\'s mark; a missing one leaves the mark', async () => {
      const demo = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
      const body = JSON.stringify({ ...demo, brand: { ...demo.brand, logo: 'brand/logo.svg' } });
      const magenta = async (page) => (await canvasStats(page, {
        clip: { x: 0, y: 0, width: 120, height: 72 }, match: { min: [201, 0, 201], max: [255, 59, 255] },
      })).matching;
      for (const served of [true, false]) {
        const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
        const page = await context.newPage();
        const errors = [], warnings = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => {
          if (m.type() === 'warning') warnings.push(m.text());
          if (m.type() === 'error' && !/404/.test(m.text())) errors.push(m.text());
        });
        await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
        await page.route((u) => u.pathname.endsWith('/brand/logo.svg'), (route) => served
          ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#ff00ff"/></svg>' })
          : route.fulfill({ status: 404, body: 'not found' }));
        await page.goto(server.url);
        await waitReady(page);
        await page.waitForFunction((want) => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).logo === want || !want, served, { timeout: 10000 });
        await page.waitForTimeout(500);
        await settle(page);
        const s = await state(page);
        const pixels = await magenta(page);
        if (served) {
          assert(s.logo === true, 'the logo was not taken');
          assert(pixels > 500, `only ${pixels} logo pixels in the top bar`);
        } else {
          assert(s.logo === false && pixels === 0, `a missing logo: state ${s.logo}, ${pixels} logo pixels`);
          assert(warnings.some((w) => /logo .* could not be loaded/.test(w)), `no console warning: ${warnings.join(' | ')}`);
        }
        assert(s.config_issues === 0, `${s.config_issues} issues`);
        assert(errors.length === 0, errors.join(' | '));
        await context.close();
      }
    });

    await check('a valid clinic.json sets the default language', async () => {
      const demo = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
      const body = JSON.stringify({ ...demo, default_language: 'es' });
      const { context, page } = await openWith(browser, server.url, body);
      const s = await state(page);
      assert(s.lang === 'es', `language is ${s.lang}`);
      await context.close();
    });

    await check('a broken clinic.json shows each problem in a banner and the app keeps working', async () => {
      const broken = JSON.stringify({ currency: 'XYZ', treatments: { microneedling: { price: { low: -5, typical: 300, high: 700 } } },
        packages: [{ treatment: 'no_such_treatment', sessions: 3, percent_off: 10 }], unknown_key: true });
      const { context, page, errors } = await openWith(browser, server.url, broken);
      const s = await state(page);
      assert(s.config_issues >= 3, `only ${s.config_issues} issues reported`);
      assert(s.banner, 'banner not shown');
      assert(errors.length === 0, errors.join(' | '));
      await press(page, 'Learn##nav');
      assert((await state(page)).screen === 'learn', 'navigation stopped working');
      assert((await canvasStats(page)).colours > 20, 'canvas looks blank');
      await press(page, 'Hide this message');
      assert(!(await state(page)).banner, 'banner did not hide');
      await context.close();
    });

    for (const [label, body] of [['not JSON at all', '{"clinic": '], ['an HTML page', '<html>oops</html>'], ['an empty file', '']]) {
      await check(`clinic.json that is ${label} is reported, not fatal`, async () => {
        const { context, page, errors } = await openWith(browser, server.url, body);
        const s = await state(page);
        assert(s.config_issues >= 1 && s.banner, `no banner for ${label}`);
        assert(errors.length === 0, errors.join(' | '));
        await context.close();
      });
    }

    await check('?config= pointing at another site is refused without any request to it', async () => {
      const { context, page, requests } = await openWith(browser, server.url + '?config=https://example.invalid/clinic.json', null);
      const s = await state(page);
      assert(s.config_issues === 1 && s.banner, 'expected one error in the banner');
      assert(!requests.some((u) => new URL(u).hostname === 'example.invalid'), 'the foreign URL was requested');
      await context.close();
    });

    await check('?config= naming a missing file says so', async () => {
      const { context, page } = await openWith(browser, server.url + '?config=configs/missing.json', null);
      assert((await state(page)).config_issues === 1, 'expected one error');
      await context.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

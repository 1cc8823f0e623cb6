// A clinic's words in any script (issue 19): a clinic named in Vietnamese, Korean or Hebrew shows its real letters
// in the app (the font slices that hold them are fetched after the first frame, and only then), where the same name
// with those letters missing would draw '?': the two renderings of the top bar must differ. A clinic writing in
// English fetches no slice at all.
import { readFile } from 'node:fs/promises';
import { serve, launch, waitReady, settle, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const demo = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));

// The app with clinic.json answered by the demo clinic under `name`; the top bar's left part as a PNG.
async function topBar(browser, server, name) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = [], fonts = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (/\/fonts\/.*\.(ttf|otf)$/.test(r.url())) fonts.push(r.url()); });
  const body = JSON.stringify({ ...demo, clinic: { ...demo.clinic, name }, brand: { ...demo.brand, logo_text: name } });
  await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(server.url + '?lang=en');
  await waitReady(page);
  let missing = -1;
  for (let i = 0; i < 100; i++) {
    missing = await page.evaluate(() => Module._mn_glyphs_missing());
    if (missing === 0) break;
    await page.waitForTimeout(100);
  }
  await page.mouse.move(600, 600);
  await settle(page);
  await page.waitForTimeout(300);
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 420, height: 60 } });
  await context.close();
  return { png, missing, fonts, errors };
}

// How many pixels of two same-sized PNGs differ (decoded in a page: no image package needed).
async function differing(browser, a, b) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const n = await page.evaluate(async ([x, y]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      c.getContext('2d').drawImage(img, 0, 0);
      return c.getContext('2d').getImageData(0, 0, img.width, img.height).data;
    };
    const [p, q] = [await pixels(x), await pixels(y)];
    let count = 0;
    for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 60) count++;
    return count;
  }, [a.toString('base64'), b.toString('base64')]);
  await context.close();
  return n;
}

await run('a clinic\'s words in any script', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    await check('a clinic writing in English and Spanish fetches no font slice', async () => {
      const r = await topBar(browser, server, 'Harbour Skin Clínica');
      assert(r.missing === 0 && r.fonts.length === 0, `missing ${r.missing}, fetched ${r.fonts.join(', ')}`);
      assert(r.errors.length === 0, r.errors.join(' | '));
    });
    const cases = [
      ['Vietnamese', 'Da liễu Sài Gòn', 'Da li?u Sài Gòn', /fonts\/latin-/],
      ['Korean', '서울 피부과', '?? ???', /fonts\/hangul-/],
      ['Hebrew (right to left)', 'מרפאת עור', '???? ???', /fonts\/hebrew-/],
    ];
    for (const [script, name, asQuestionMarks, slice] of cases) {
      await check(`a clinic named in ${script} shows its letters, not '?'`, async () => {
        const real = await topBar(browser, server, name);
        assert(real.missing === 0, `${real.missing} letters still missing`);
        assert(real.fonts.some((u) => slice.test(u)), `no ${slice} slice fetched: ${real.fonts.join(', ')}`);
        assert(real.fonts.every((u) => slice.test(u)), `slices fetched beyond the ones needed: ${real.fonts.join(', ')}`);
        assert(real.errors.length === 0, real.errors.join(' | '));
        const fallback = await topBar(browser, server, asQuestionMarks);
        const diff = await differing(browser, real.png, fallback.png);
        assert(diff > 40, `the top bar draws "${name}" like "${asQuestionMarks}" (${diff} pixels differ)`);
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
});

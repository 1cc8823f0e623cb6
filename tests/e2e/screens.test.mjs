// The screenshot set a reviewer pages through (issue 16 item 7): every main screen at phone (390×844, touch), consult
// tablet (1024×768, touch) and desktop (1440×900), in English and Spanish, written to build/screenshots/ with an
// index.html beside them. Each shot is checked to be a drawn screen (not a blank canvas) of the place it claims, with
// no console error on the way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBrowser, openApp, press, settle, items, state, canvasStats, touchDrag, run, assert, ROOT } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const out = process.env.MN_SCREENSHOTS || join(ROOT, 'build', 'screenshots');
mkdirSync(out, { recursive: true });

const SETUPS_ALL = [
  { device: 'phone', url: '' },
  { device: 'tablet', url: 'mode=consult' },
  { device: 'desktop', url: '' },
];
// MN_SCREENS_DEVICES=phone (say) narrows the set while working on one size.
const only = (process.env.MN_SCREENS_DEVICES || '').split(',').filter(Boolean);
const SETUPS = SETUPS_ALL.filter((s) => !only.length || only.includes(s.device));
const LANGS = ['en', 'es'];
const shots = [];

// Presses the first widget whose label matches `re` (answers are matched by their "##id", the same in every language).
async function tapMatching(page, re, touch) {
  const it = (await items(page)).find((i) => re.test(i.label));
  assert(it, `nothing matches ${re}`);
  await press(page, it.label, { touch });
}

async function answer(page, wanted, touch) {
  const left = [...wanted];
  for (let k = 0; k < 12 && left.length; k++) {
    for (let i = 0; i < left.length;) {
      const it = (await items(page)).find((x) => left[i].test(x.label));
      if (it) { await press(page, it.label, { touch }); left.splice(i, 1); } else i++;
    }
    if (left.length) await tapMatching(page, /^(Next|Siguiente)/, touch);
  }
  assert(!left.length, `never shown: ${left.join(', ')}`);
}

async function go(page, place) {
  await page.evaluate((p) => { location.hash = '#' + p; }, place);
  await page.waitForTimeout(150);
  await settle(page);
}

// Scrolls the content until the widget matching `re` is near the top.
async function bringUp(page, re, touch) {
  for (let k = 0; k < 10; k++) {
    const it = (await items(page)).find((i) => re.test(i.label));
    if (!it) return false;
    const dy = it.y - 120;
    if (Math.abs(dy) < 40) return true;
    if (touch) {
      const step = Math.max(-450, Math.min(450, dy));
      await touchDrag(page, 200, 520, -step, 12, 150);
    } else {
      await page.mouse.move(800, 450);
      await page.mouse.wheel(0, dy);
    }
    await settle(page);
  }
  return true;
}

async function shoot(page, name, expectPlace) {
  await settle(page);
  const st = await state(page);
  if (expectPlace) assert(st.place === expectPlace, `${name}: at ${st.place}, expected ${expectPlace}`);
  const stats = await canvasStats(page);
  assert(stats.differing > 0.03 && stats.colours > 20, `${name}: the canvas looks blank (${JSON.stringify(stats)})`);
  const file = `${name}.png`;
  await page.screenshot({ path: join(out, file) });
  shots.push(file);
}

await run('screenshot set', (check) => withBrowser(dist, async ({ server, browser }) => {
  for (const { device, url } of SETUPS) {
    for (const lang of LANGS) {
      await check(`${device} ${lang}: every screen drawn and kept`, async () => {
        const touch = device !== 'desktop';
        const query = [url, `lang=${lang}`].filter(Boolean).join('&');
        const { context, page, log } = await openApp(browser, device, `${server.url}?${query}`);
        const tag = `${device}-${lang}`;
        try {
          await shoot(page, `${tag}-01-home`, 'home');
          await go(page, 'learn');
          await shoot(page, `${tag}-02-learn`, 'learn');
          if (await bringUp(page, /^Epidermis/, touch)) await shoot(page, `${tag}-03-learn-needle-depths`, 'learn');
          // The questionnaire: age, pregnancy, skin type (its colour discs), concerns; Next until each is on screen
          // (a phone shows fewer questions a step).
          await go(page, 'candidacy/0');
          await shoot(page, `${tag}-04-questions-step1`, 'candidacy/0');
          await answer(page, [/##q\.age\.2$/, /##q\.pregnant\.0$/, /##q\.skin\.mode\.0$/, /##q\.skin\.type\.4$/], touch);
          await bringUp(page, /##q\.skin\.type\.1$/, touch);
          await shoot(page, `${tag}-05-questions-skin-type`);
          await answer(page, [/##concern\.acne_scars$/], touch);
          await go(page, 'candidacy/review');
          await shoot(page, `${tag}-06-review`, 'candidacy/review');
          await go(page, 'candidacy/results');
          await shoot(page, `${tag}-07-results`, 'candidacy/results');
          await go(page, 'compare');
          await shoot(page, `${tag}-08-compare`, 'compare');
          await go(page, 'estimate');
          await shoot(page, `${tag}-09-estimate`, 'estimate');
          await go(page, 'plan');
          await shoot(page, `${tag}-10-plan`, 'plan');
          assert(!log.errors.length, `console errors: ${log.errors.join(' | ')}`);
        } finally {
          await context.close();
        }
      });
    }
  }
  const list = shots.map((f) => `<figure><img src="${f}" loading="lazy" alt="${f}"><figcaption>${f}</figcaption></figure>`).join('\n');
  writeFileSync(join(out, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Microneedling Navigator screenshots</title>
<style>body{font:14px system-ui;margin:16px;background:#eee}figure{display:inline-block;margin:8px;vertical-align:top}
img{max-height:480px;border:1px solid #999;background:#fff}</style>
<h1>Screenshots (${shots.length})</h1>
${list}
`);
  console.log(`  ${shots.length} screenshots in ${out}`);
}));

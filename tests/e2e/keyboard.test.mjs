// Keyboard only, on the canvas: Tab moves through the controls, Enter presses the focused one, and the
// questionnaire can be completed without a mouse or a touch.
import { serve, launch, openApp, settle, state, items, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// The name of the control keyboard focus is on.
async function focusedName(page) {
  const s = await state(page);
  const it = (await items(page)).find((i) => i.id === s.nav_id);
  return it ? it.label : null;
}

// Presses Tab until `label` has the focus (at most `limit` times), then Enter.
async function tabTo(page, label, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    await settle(page);
    if ((await focusedName(page)) === label) {
      await page.keyboard.press('Enter');
      await settle(page);
      return;
    }
  }
  throw new Error(`Tab never reached "${label}" (last: ${await focusedName(page)})`);
}

await run('keyboard-only use', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const { context, page, log } = await openApp(browser, 'desktop', server.url);
    await page.focus('#canvas');

    await check('Tab reaches the home cards and Enter opens one', async () => {
      await tabTo(page, 'Am I a candidate?');
      assert((await state(page)).screen === 'candidacy', `screen ${(await state(page)).screen}`);
    });

    await check('the questionnaire is answered and finished with Tab and Enter', async () => {
      await tabTo(page, '60 or over##q.age.4');
      await tabTo(page, 'No##q.pregnant.0');
      for (let i = 0; i < 5; i++) await tabTo(page, 'Next');
      await tabTo(page, 'See my results');
      const shown = await page.evaluate(() => window.MicroneedlingNavigator.shownResults());
      assert(shown && shown.results && shown.results.microneedling, 'no results');
      const profile = await page.evaluate(() => window.MicroneedlingNavigator.answersProfile());
      assert(profile.age === 67 && profile.pregnant_or_breastfeeding === false, JSON.stringify(profile));
    });

    await check('browser zoom keys are left to the browser', async () => {
      const prevented = await page.evaluate(() => {
        const e = new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true, cancelable: true });
        document.getElementById('canvas').dispatchEvent(e);
        return e.defaultPrevented;
      });
      assert(!prevented, 'Ctrl + was swallowed');
      assert(log.errors.length === 0, log.errors.join(' | '));
    });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

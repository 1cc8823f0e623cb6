// Keyboard only, on the canvas: Tab and Shift+Tab move through the controls, Enter presses the focused one, and
// the whole flow (questionnaire → results → compare → estimate → My plan) is completed without a mouse or a touch.
import { withBrowser, openApp, settle, state, items, api, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// The name of the control keyboard focus is on.
async function focusedName(page) {
  const s = await state(page);
  const it = (await items(page)).find((i) => i.id === s.nav_id);
  return it ? it.label : null;
}

// Presses Tab (Shift+Tab when `back`) until `label` has the focus (at most `limit` times), then Enter.
async function tabTo(page, label, { back = false, limit = 120 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await settle(page);
    if ((await focusedName(page)) === label) {
      await page.keyboard.press('Enter');
      await settle(page);
      return;
    }
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached "${label}" (last: ${await focusedName(page)})`);
}

await run('keyboard-only use', (check) => withBrowser(dist, async ({ server, browser }) => {
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
    await tabTo(page, 'See results anyway');  // the questions passed without an answer are listed first
    const shown = await page.evaluate(() => window.MicroneedlingNavigator.shownResults());
    assert(shown && shown.results && shown.results.microneedling, 'no results');
    const profile = await page.evaluate(() => window.MicroneedlingNavigator.answersProfile());
    assert(profile.age === 67 && profile.pregnant_or_breastfeeding === false, JSON.stringify(profile));
  });

  await check('results → Compare → Estimate → My plan with Tab, Shift+Tab and Enter', async () => {
    await tabTo(page, 'Compare treatments');
    assert((await state(page)).screen === 'compare', `screen ${(await state(page)).screen}`);
    const ranked = (await api(page, 'shownCompare')).compare.treatments.map((t) => t.id);
    assert(ranked.includes('microneedling'), `ranking: ${ranked}`);
    await tabTo(page, 'Estimate this##est.microneedling');
    assert((await state(page)).screen === 'estimate', `screen ${(await state(page)).screen}`);
    // The plan button is near the foot of the page: backwards from the top gets there sooner.
    await tabTo(page, 'Make this my plan', { back: true });
    const s = await state(page);
    assert(s.screen === 'plan', `screen ${s.screen}`);
    const shown = await api(page, 'shownPlan');
    assert(shown && shown.plan && shown.plan.treatment === 'microneedling', `plan: ${JSON.stringify(shown && shown.plan)}`);
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
}));

// Areas and clinic pricing in the browser: on a phone, areas are picked by tapping chips on Estimate and the
// estimate changes at once (per session, lines, the 3-year chart and its table); the figures on screen equal
// `navigator estimate --area` and the JavaScript API; the share link carries the areas and reopens the same estimate
// in a new browser; the cost-over-time table is in the accessibility mirror.
import { serve, launch, openApp, press, state, items, api, answerBasics, navigatorCli, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const cli = navigatorCli('mn-pricing-');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function cliEstimate(shown) {
  const w = shown.what_if;
  const args = ['estimate', '@input', '--treatment', shown.treatment, '--start', shown.start, '--lang', shown.lang,
    '--package', w.package, '--maintenance-years', String(w.maintenance_years)];
  if (w.addons.length) args.push('--addon', w.addons.join(','));
  if (w.areas.length) args.push('--area', w.areas.join(','));
  if (w.severity.length) args.push('--severity', w.severity.map((s) => `${s.id}=${s.severity}`).join(','));
  return cli(args, shown.profile);
}

await run('areas, lines and cost over time', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  const contexts = [];
  try {
    const { page, log } = await openApp(browser, 'phoneFast', server.url);
    const tap = (name) => press(page, name, { touch: true });
    let before = null;
    let after = null;

    await check('Estimate starts from the default area for the concern (acne scars: the face)', async () => {
      await answerBasics(tap);
      await tap('Estimate##tab');
      before = await api(page, 'shownEstimate');
      assert(before.treatment === 'microneedling', before.treatment);
      assert(same(before.estimate.costs.areas.map((a) => a.id), ['face']), JSON.stringify(before.estimate.costs.areas));
      assert(same(before.estimate, cliEstimate(before)), 'screen and CLI differ');
      const names = (await items(page)).map((i) => i.name);
      assert(names.includes('Face and neck##area.face_neck') || names.some((n) => n.startsWith('Face and neck')), 'no area chips');
    });

    await check('tapping areas changes the estimate at once; screen == CLI == JavaScript API', async () => {
      await tap('Face and neck##area.face_neck');   // replaces the face
      await tap('Backs of the hands##area.hands');  // adds the hands
      after = await api(page, 'shownEstimate');
      assert(same(after.what_if.areas, ['face_neck', 'hands']), JSON.stringify(after.what_if.areas));
      const c = after.estimate.costs;
      assert(same(c.areas.map((a) => a.id), ['face_neck', 'hands']), JSON.stringify(c.areas));
      // The demo clinic (CAD): face and neck 375 / 450 / 525 + hands 200 / 250 / 300 a session.
      assert(same(c.per_session, { low: 575, typical: 700, high: 825 }), JSON.stringify(c.per_session));
      assert(c.course_total.typical > before.estimate.costs.course_total.typical, 'more area should cost more');
      assert(same(after.estimate, cliEstimate(after)), 'screen and CLI differ after picking areas');
      const viaApi = await api(page, 'estimate', after.profile, 'microneedling', after.start, 'en', { areas: ['face_neck', 'hands'] });
      assert(same(viaApi, after.estimate), 'the JavaScript API differs');
      // What is drawn is the JSON's figures, formatted, with the lines of the course.
      assert(after.shown.per_session === `$${c.per_session.low}–$${c.per_session.high}`, after.shown.per_session);
      assert(same(after.shown.areas.map((a) => a.id), ['face_neck', 'hands']), JSON.stringify(after.shown.areas));
      assert(Object.keys(after.shown.lines).includes('tax') && Object.keys(after.shown.lines).includes('consultation'),
        JSON.stringify(after.shown.lines));
      assert(after.shown.chart.length === 7 && after.shown.chart[0].month === 0 && after.shown.chart[6].month === 36,
        JSON.stringify(after.shown.chart));
      // Tapping a picked area again removes it.
      await tap('Backs of the hands##area.hands');
      const removed = await api(page, 'shownEstimate');
      assert(same(removed.what_if.areas, ['face_neck']), JSON.stringify(removed.what_if.areas));
      await tap('Backs of the hands##area.hands');
      after = await api(page, 'shownEstimate');
    });

    await check('the cost-over-time table is in the accessibility mirror, with the currency named', async () => {
      const table = page.locator('#mn-mirror').getByRole('table', { name: 'Cost over 3 years (CAD)' });
      assert(await table.count() === 1, 'no cost-over-time table in the mirror');
      const heads = await table.getByRole('columnheader').allInnerTexts();
      assert(same(heads, ['Month', 'Low', 'Usual', 'High']), JSON.stringify(heads));
      const rowHeads = await table.getByRole('rowheader').allInnerTexts();
      assert(rowHeads.length === 7 && rowHeads[0] === 'Start' && rowHeads[6] === 'Month 36', JSON.stringify(rowHeads));
      const last = after.shown.chart[6];
      const cells = await table.getByRole('row').last().getByRole('cell').allInnerTexts();
      assert(same(cells, [last.low, last.typical, last.high]), `${JSON.stringify(cells)} vs ${JSON.stringify(last)}`);
      assert((await items(page)).some((i) => i.name === 'Cost over 3 years'), 'no cost chart drawn');
    });

    await check('the share link carries the areas and reopens the same estimate in a new browser', async () => {
      await tap('My plan##tab');
      const plan = await api(page, 'shownPlan');
      assert(plan.fragment.startsWith('p2.'), plan.fragment);
      assert(same(plan.plan.areas, ['face_neck', 'hands']), JSON.stringify(plan.plan));
      assert(same(cli(['plan', 'decode', plan.fragment]), plan.plan), 'the CLI decodes another plan');
      const other = await openApp(browser, 'phoneFast', plan.url);
      contexts.push(other.context);
      assert((await state(other.page)).screen === 'plan', 'the link did not open My plan');
      await press(other.page, 'Estimate##tab', { touch: true });
      const reopened = await api(other.page, 'shownEstimate');
      assert(same(reopened.what_if.areas, ['face_neck', 'hands']), JSON.stringify(reopened.what_if));
      assert(same(reopened.estimate.costs, after.estimate.costs), 'the reopened estimate costs differ');
      assert(other.log.errors.length === 0, other.log.errors.join(' | '));
    });

    await check('an old version 1 link (no areas) still opens', async () => {
      const v1 = 'p1.eyJ0cmVhdG1lbnQiOiJyZl9taWNyb25lZWRsaW5nIiwiY29uY2VybnMiOlt7ImlkIjoiYWNuZV9zY2FycyIsInNldmVyaXR5IjozfSx7ImlkIjoidGV4dHVyZSIsInNldmVyaXR5IjoxfV0sInN0YXJ0IjoiMjAyNy0wMy0wMSIsImFkZG9ucyI6WyJwcnAiXSwibGFuZyI6ImVuIn0.a5bfe987';
      const old = await openApp(browser, 'phoneFast', server.url + '#plan=' + v1);
      contexts.push(old.context);
      const shown = await api(old.page, 'shownPlan');
      assert(shown.link.status === 'restored' && shown.plan.treatment === 'rf_microneedling', JSON.stringify(shown.link));
    });
    assert(log.errors.length === 0, log.errors.join(' | '));
  } finally {
    for (const c of contexts) await c.close();
    await browser.close();
    server.close();
  }
});

// Areas and clinic pricing in the browser: on a phone, the areas for each concern are picked by tapping chips on
// Estimate and the estimate changes at once (per session, lines, the 3-year chart and its table); the figures on
// screen equal `navigator estimate --area CONCERN=…` and the JavaScript API; a second concern's areas merge with the
// first's; the share link carries them and reopens the same estimate in a new browser; older links still open; the
// cost-over-time table is in the accessibility mirror.
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
  else if (Object.keys(w.concern_areas).length)
    args.push('--area', Object.entries(w.concern_areas).map(([c, ids]) => `${c}=${ids.join(',')}`).join(','));
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
      assert(same(before.estimate.costs.area_pick.by_concern, [{ concern: 'acne_scars', areas: ['face'], picked: false }]),
        JSON.stringify(before.estimate.costs.area_pick));
      assert(same(before.estimate, cliEstimate(before)), 'screen and CLI differ');
      const labels = (await items(page)).map((i) => i.label);
      // Acne scars' choices: the face chain and body areas (scars on the back), not the scalp or the hands.
      assert(labels.includes('Face and neck##area.acne_scars.face_neck'), 'no area chips for acne scars');
      assert(!labels.some((n) => /##area\.acne_scars\.(scalp|hands)$/.test(n)), 'acne scars offers the scalp or hands');
    });

    await check('tapping areas for a concern changes the estimate at once; screen == CLI == JavaScript API', async () => {
      await tap('Face and neck##area.acne_scars.face_neck');                       // replaces the face
      await tap('Large body area (e.g. back or abdomen)##area.acne_scars.body_large');   // adds the back, say
      after = await api(page, 'shownEstimate');
      assert(same(after.what_if.concern_areas, { acne_scars: ['face_neck', 'body_large'] }), JSON.stringify(after.what_if));
      assert(same(after.what_if.areas, []), JSON.stringify(after.what_if.areas));
      const c = after.estimate.costs;
      assert(same(c.areas.map((a) => a.id), ['face_neck', 'body_large']), JSON.stringify(c.areas));
      // The demo clinic (CAD): face and neck 375 / 450 / 525 + a large body area 600 / 750 / 900 a session.
      assert(same(c.per_session, { low: 975, typical: 1200, high: 1425 }), JSON.stringify(c.per_session));
      assert(c.course_total.typical > before.estimate.costs.course_total.typical, 'more area should cost more');
      assert(same(after.estimate, cliEstimate(after)), 'screen and CLI differ after picking areas');
      const viaApi = await api(page, 'estimate', after.profile, 'microneedling', after.start, 'en',
        { areas: { acne_scars: ['face_neck', 'body_large'] } });
      assert(same(viaApi, after.estimate), 'the JavaScript API differs');
      // What is drawn is the JSON's figures, formatted, with the lines of the course.
      assert(after.shown.per_session === `$${c.per_session.low.toLocaleString('en-US')}–$${c.per_session.high.toLocaleString('en-US')}`,
        after.shown.per_session);
      assert(same(after.shown.areas.map((a) => a.id), ['face_neck', 'body_large']), JSON.stringify(after.shown.areas));
      assert(Object.keys(after.shown.lines).includes('tax') && Object.keys(after.shown.lines).includes('consultation'),
        JSON.stringify(after.shown.lines));
      assert(after.shown.chart.length === 7 && after.shown.chart[0].month === 0 && after.shown.chart[6].month === 36,
        JSON.stringify(after.shown.chart));
      // Tapping a picked area again removes it; the last one stays.
      await tap('Large body area (e.g. back or abdomen)##area.acne_scars.body_large');
      const removed = await api(page, 'shownEstimate');
      assert(same(removed.what_if.concern_areas, { acne_scars: ['face_neck'] }), JSON.stringify(removed.what_if));
      await tap('Face and neck##area.acne_scars.face_neck');
      assert(same((await api(page, 'shownEstimate')).what_if.concern_areas, { acne_scars: ['face_neck'] }), 'the last area went');
      await tap('Large body area (e.g. back or abdomen)##area.acne_scars.body_large');
      after = await api(page, 'shownEstimate');
    });

    await check('a second concern gets its own row, and the same area for two concerns is treated once', async () => {
      await tap('+ Add a concern');
      await tap('Stretch marks##add.stretch_marks');
      let shown = await api(page, 'shownEstimate');
      assert(same(shown.estimate.costs.areas.map((a) => a.id), ['face_neck', 'body_medium', 'body_large']),
        JSON.stringify(shown.estimate.costs.areas));
      await tap('Large body area (e.g. back or abdomen)##area.stretch_marks.body_large');   // replaces nothing: adds
      await tap('Medium body area (e.g. thighs)##area.stretch_marks.body_medium');  // removes the default
      shown = await api(page, 'shownEstimate');
      assert(same(shown.what_if.concern_areas, { acne_scars: ['face_neck', 'body_large'], stretch_marks: ['body_large'] }),
        JSON.stringify(shown.what_if));
      assert(same(shown.estimate.costs.areas.map((a) => a.id), ['face_neck', 'body_large']), JSON.stringify(shown.estimate.costs.areas));
      assert(same(shown.estimate.costs.per_session, after.estimate.costs.per_session), 'a shared area was counted twice');
      assert(same(shown.estimate, cliEstimate(shown)), 'screen and CLI differ with two concerns');
      after = shown;
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

    await check('the share link carries each concern\'s areas and reopens the same estimate in a new browser', async () => {
      await tap('My plan##tab');
      const plan = await api(page, 'shownPlan');
      assert(plan.fragment.startsWith('p3.'), plan.fragment);
      assert(same(plan.plan.concerns, [{ id: 'acne_scars', severity: 2, areas: ['face_neck', 'body_large'] },
        { id: 'stretch_marks', severity: 2, areas: ['body_large'] }]), JSON.stringify(plan.plan));
      assert(same(cli(['plan', 'decode', plan.fragment]), plan.plan), 'the CLI decodes another plan');
      const other = await openApp(browser, 'phoneFast', plan.url);
      contexts.push(other.context);
      assert((await state(other.page)).screen === 'plan', 'the link did not open My plan');
      await press(other.page, 'Estimate##tab', { touch: true });
      const reopened = await api(other.page, 'shownEstimate');
      assert(same(reopened.what_if.concern_areas, after.what_if.concern_areas), JSON.stringify(reopened.what_if));
      assert(same(reopened.estimate.costs, after.estimate.costs), 'the reopened estimate costs differ');
      assert(other.log.errors.length === 0, other.log.errors.join(' | '));
    });

    await check('older links still open: version 1 (no areas) and version 2 (areas for the treatment)', async () => {
      const v1 = 'p1.eyJ0cmVhdG1lbnQiOiJyZl9taWNyb25lZWRsaW5nIiwiY29uY2VybnMiOlt7ImlkIjoiYWNuZV9zY2FycyIsInNldmVyaXR5IjozfSx7ImlkIjoidGV4dHVyZSIsInNldmVyaXR5IjoxfV0sInN0YXJ0IjoiMjAyNy0wMy0wMSIsImFkZG9ucyI6WyJwcnAiXSwibGFuZyI6ImVuIn0.a5bfe987';
      const old = await openApp(browser, 'phoneFast', server.url + '#plan=' + v1);
      contexts.push(old.context);
      const shown = await api(old.page, 'shownPlan');
      assert(shown.link.status === 'restored' && shown.plan.treatment === 'rf_microneedling', JSON.stringify(shown.link));
      // Version 2, sealed as docs/estimates.md says: the treatment's areas, and the estimate prices them.
      const json = JSON.stringify({ treatment: 'microneedling', concerns: [{ id: 'acne_scars', severity: 2 }], start: '2027-03-01',
        areas: ['face_neck', 'hands'] });
      const head = 'p2.' + Buffer.from(json, 'utf8').toString('base64url');
      let h = 2166136261;
      for (const byte of Buffer.from(head, 'utf8')) h = Math.imul(h ^ byte, 16777619) >>> 0;
      const v2 = await openApp(browser, 'phoneFast', server.url + '#plan=' + head + '.' + h.toString(16).padStart(8, '0'));
      contexts.push(v2.context);
      const plan2 = await api(v2.page, 'shownPlan');
      assert(plan2.link.status === 'restored' && same(plan2.plan.areas, ['face_neck', 'hands']), JSON.stringify(plan2));
      await press(v2.page, 'Estimate##tab', { touch: true });
      const e2 = await api(v2.page, 'shownEstimate');
      assert(same(e2.estimate.costs.areas.map((a) => a.id), ['face_neck', 'hands']), JSON.stringify(e2.estimate.costs.areas));
      assert(e2.estimate.costs.area_pick === null, 'the treatment\'s areas should win over the concerns\'');
      assert((await items(v2.page)).some((i) => i.label === 'Backs of the hands##area.hands'), 'no single row for the treatment\'s areas');
    });
    assert(log.errors.length === 0, log.errors.join(' | '));
  } finally {
    for (const c of contexts) await c.close();
    await browser.close();
    server.close();
  }
});

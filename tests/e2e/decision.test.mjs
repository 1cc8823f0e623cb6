// Compare, Estimate and My plan in the browser: a short questionnaire, the ranking on screen equal to
// `navigator compare`, the estimate on screen equal to `navigator estimate` (also after "what if" changes), the
// plan's share link reopened in a new browser context, a damaged link refused with a message, copy, print and
// booking, and Spanish (labels, dates and a euro clinic's money format).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICES, serve, launch, openApp, press, settle, waitReady, state, items, isAbsentClinicConfig, api, answerBasics,
  navigatorCli, ROOT as root, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const cli = navigatorCli('mn-decision-');
const scratch = cli.scratch;
const cliCompare = (profile, lang, concern) =>
  cli(['compare', '@input', '--lang', lang, ...(concern ? ['--concern', concern] : [])], profile);
function cliEstimate(shown, extra = []) {
  const w = shown.what_if;
  const args = ['estimate', '@input', '--treatment', shown.treatment, '--start', shown.start, '--lang', shown.lang,
    '--package', w.package, '--maintenance-years', String(w.maintenance_years), ...extra];
  if (w.addons.length) args.push('--addon', w.addons.join(','));
  if (w.areas && w.areas.length) args.push('--area', w.areas.join(','));
  else if (w.concern_areas && Object.keys(w.concern_areas).length)
    args.push('--area', Object.entries(w.concern_areas).map(([c, ids]) => `${c}=${ids.join(',')}`).join(','));
  if (w.severity.length) args.push('--severity', w.severity.map((s) => `${s.id}=${s.severity}`).join(','));
  return cli(args, shown.profile);
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isoPlusDays = (iso, days) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

await run('compare, estimate and my plan', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  const extraContexts = [];
  try {
    const { context, page, log } = await openApp(browser, 'phoneFast', server.url);
    const origin = new URL(server.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const tap = (name) => press(page, name, { touch: true });
    let estimate1 = null;
    let plan1 = null;

    await check('a short questionnaire: age, skin type IV, acne scars', async () => {
      await answerBasics(tap);
      const profile = await api(page, 'answersProfile');
      assert(profile.fitzpatrick === 4 && profile.concerns.length === 1 && profile.concerns[0].id === 'acne_scars', JSON.stringify(profile));
    });

    await check('Compare: the ranking on screen is navigator compare\'s, best fit first', async () => {
      await tap('Compare##tab');
      assert((await state(page)).screen === 'compare', 'not on Compare');
      const shown = await api(page, 'shownCompare');
      assert(shown && shown.compare && shown.compare.treatments, 'nothing shown');
      assert(same(shown.profile, await api(page, 'answersProfile')), 'Compare ranked another profile than the answers');
      const expected = cliCompare(shown.profile, 'en');
      assert(same(shown.compare, expected), 'screen and CLI differ');
      assert(same(await api(page, 'compare', shown.profile, 'en'), expected), 'JavaScript API and CLI differ');
      // The treatments are drawn in the ranking's order: their "Estimate this" buttons top to bottom.
      const buttons = (await items(page)).filter((i) => i.label.startsWith('Estimate this##est.')).sort((a, b) => a.y - b.y);
      const order = buttons.map((b) => b.label.slice('Estimate this##est.'.length));
      assert(same(order, expected.treatments.map((t) => t.id)), `drawn order ${order} != ranking`);
      assert(expected.treatments[0].rank === 1 && order[0] === expected.treatments[0].id, 'first drawn is not rank 1');
      assert(expected.treatments.every((t) => t.reasons.length > 0), 'a treatment without reasons');
    });

    await check('Compare: the concern filter keeps the treatments that treat it', async () => {
      // The person's own concerns come first; the others are one tap away.
      await tap('Acne scars##filter.acne_scars');
      let shown = await api(page, 'shownCompare');
      assert(shown.concern === 'acne_scars' && same(shown.compare, cliCompare(shown.profile, 'en', 'acne_scars')), 'acne scars filter');
      await tap('More concerns…##filter.more');
      await tap('Wrinkles##filter.wrinkles');
      shown = await api(page, 'shownCompare');
      assert(shown.concern === 'wrinkles', `filter ${shown.concern}`);
      assert(same(shown.compare, cliCompare(shown.profile, 'en', 'wrinkles')), 'filtered comparison differs from the CLI');
      await tap('All treatments##filter.all');
      assert((await api(page, 'shownCompare')).concern === null, 'filter not cleared');
    });

    await check('"Estimate this" opens Estimate for microneedling; figures equal navigator estimate', async () => {
      await tap('Estimate this##est.microneedling');
      assert((await state(page)).screen === 'estimate', 'not on Estimate');
      const shown = await api(page, 'shownEstimate');
      assert(shown.treatment === 'microneedling', shown.treatment);
      const today = await page.evaluate(() => {
        const d = new Date(), two = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
      });
      // No date picked: the earliest, after a consultation (the demo clinic's 7 days).
      assert(shown.start === isoPlusDays(today, 7) && shown.requested_start === null && shown.today === today,
        `start ${shown.start} (picked ${shown.requested_start}), today ${today}`);
      assert(same(shown.estimate, cliEstimate(shown)), 'screen and CLI differ');
      assert(same(await api(page, 'estimate', shown.profile, 'microneedling', shown.start, 'en'), shown.estimate), 'API differs');
      // What is drawn is the JSON's figures, formatted in the clinic's money.
      const c = shown.estimate.costs;
      assert(shown.shown.sessions === `${shown.estimate.sessions.low}–${shown.estimate.sessions.high}`, shown.shown.sessions);
      assert(/^\$[\d,]+–\$[\d,]+$/.test(shown.shown.course), `course ${shown.shown.course}`);
      assert(shown.shown.per_session === `$${c.per_session.low}–$${c.per_session.high}`, shown.shown.per_session);
      estimate1 = shown;
    });

    await check('what if: severity, start date, extras, package and years update at once, still equal to the CLI', async () => {
      await tap('Severe##sev.acne_scars.3');
      await tap('1 week later');
      await tap('Extended numbing##addon.numbing');
      await tap('No package##package.none');
      await tap('2 years##years.2');
      const shown = await api(page, 'shownEstimate');
      assert(shown.start === isoPlusDays(estimate1.start, 7), `start ${shown.start}`);
      assert(same(shown.what_if, { severity: [{ id: 'acne_scars', severity: 3 }], package: 'none', addons: ['numbing'], maintenance_years: 2, areas: [], concern_areas: {} }),
        JSON.stringify(shown.what_if));
      assert(shown.estimate.sessions.high > estimate1.estimate.sessions.high, 'severe should mean more sessions');
      assert(shown.estimate.costs.addons.length === 1 && shown.estimate.costs.course.typical.packages.length === 0, 'extras or package ignored');
      assert(same(shown.estimate, cliEstimate(shown)), 'screen and CLI differ after the changes');
      await tap('Best price##package.auto');
      estimate1 = await api(page, 'shownEstimate');
      assert(same(estimate1.estimate, cliEstimate(estimate1)), 'screen and CLI differ with automatic packages');
    });

    await check('My plan: the plan, its share link (plan only, no health answers) and its QR code', async () => {
      await tap('My plan##tab');
      plan1 = await api(page, 'shownPlan');
      assert(plan1.url.includes('#plan=' + plan1.fragment), plan1.url);
      assert(plan1.qr_modules >= 21, `QR code ${plan1.qr_modules} modules`);
      assert((await items(page)).some((i) => i.name === 'QR code of the plan link'), 'no QR code drawn');
      const decoded = cli(['plan', 'decode', plan1.fragment]);
      assert(same(decoded, plan1.plan), 'the link does not decode to the plan');
      const keys = Object.keys(plan1.plan);
      assert(keys.every((k) => ['treatment', 'concerns', 'start', 'package', 'addons', 'maintenance_years', 'lang', 'areas'].includes(k)), keys.join());
      const payload = JSON.parse(Buffer.from(plan1.fragment.split('.')[1], 'base64url').toString('utf8'));
      const health = ['age', 'fitzpatrick', 'fitzpatrick_quiz', 'conditions', 'medications', 'pregnant_or_breastfeeding',
        'recent_procedures', 'sun', 'max_downtime_days', 'budget'];
      assert(Object.keys(payload).every((k) => !health.includes(k)) && !/fitzpatrick|pregnan|medication/.test(plan1.url),
        `health answers in the link: ${JSON.stringify(payload)}`);
      assert(plan1.plan.treatment === 'microneedling' && plan1.plan.start === estimate1.start, JSON.stringify(plan1.plan));
      assert(same(plan1.plan.concerns, [{ id: 'acne_scars', severity: 3 }]), JSON.stringify(plan1.plan.concerns));
      const link = await api(page, 'planLink');
      assert(link.fragment === plan1.fragment && link.url === plan1.url, 'planLink() differs from the screen');
    });

    await check('copy as text: the clipboard gets the plan text, with a confirmation that fades', async () => {
      await tap('Copy plan as text');
      const after = await api(page, 'shownPlan');
      assert(['copied', 'none'].includes(after.copy), `copy ${after.copy}`);
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert(clip === plan1.text, 'clipboard text differs from the plan text');
      assert(clip === cli(['plan', 'text', plan1.fragment]), 'plan text differs from navigator plan text');
      await page.waitForTimeout(3500);
      await settle(page);
      assert((await api(page, 'shownPlan')).copy === 'none', 'the confirmation did not go away');
    });

    await check('print: a DOM copy of the plan (no inline styles), shown only while printing', async () => {
      await page.evaluate(() => {
        window.__printed = null;
        window.print = () => { window.__printed = document.getElementById('mn-print').textContent; };
      });
      await tap('Print this plan');
      const printed = await page.evaluate(() => window.__printed);
      assert(printed && printed.includes('My treatment plan') && printed.includes('Aftercare reminders'), 'nothing printed');
      assert(printed.includes(plan1.fragment), 'the share link is not on the printed page');
      const dom = await page.evaluate(() => {
        const box = document.getElementById('mn-print'), canvas = document.getElementById('canvas');
        const idle = [getComputedStyle(box).display, getComputedStyle(canvas).display];
        window.dispatchEvent(new Event('beforeprint'));
        const printing = [getComputedStyle(box).display, getComputedStyle(canvas).display];
        window.dispatchEvent(new Event('afterprint'));
        const after = [getComputedStyle(box).display, getComputedStyle(canvas).display];
        return { idle, printing, after, styles: box.querySelectorAll('style, script').length };
      });
      assert(same(dom.idle, ['none', 'block']) && same(dom.printing, ['block', 'none']) && same(dom.after, ['none', 'block']),
        JSON.stringify(dom));
      assert(dom.styles === 0, 'a <style> or <script> element in the print copy');
    });

    await check('booking: "you are leaving" first; Continue opens the clinic\'s site with plan parameters only', async () => {
      await page.evaluate(() => {
        window.__opened = [];
        window.open = (...args) => { window.__opened.push(args); return null; };
      });
      await tap('Book at Harbour Skin Clinic');
      await tap('Stay here');
      assert((await page.evaluate(() => window.__opened)).length === 0, 'opened without confirmation');
      await tap('Book at Harbour Skin Clinic');
      await tap('Continue');
      const opened = await page.evaluate(() => window.__opened);
      assert(opened.length === 1, `opened ${opened.length} times`);
      const [url, target, features] = opened[0];
      assert(target === '_blank' && features === 'noopener', `${target} ${features}`);
      const u = new URL(url);
      assert(u.origin + u.pathname === 'https://harbourskin.example/book', url);
      assert(same([...u.searchParams.keys()], ['treatment', 'sessions', 'start']), url);
      assert(u.searchParams.get('treatment') === 'microneedling' && u.searchParams.get('start') === estimate1.start &&
        u.searchParams.get('sessions') === String(estimate1.estimate.sessions.typical), url);
      // The clinic's phone and email are a tap away: the dialer and the mail app, the page staying where it is.
      await tap('+1 604 555 0142##book.phone');
      await tap('hello@harbourskin.example##book.email');
      const contacts = (await page.evaluate(() => window.__opened)).slice(1);
      assert(same(contacts, [['tel:+16045550142', '_self'], ['mailto:hello@harbourskin.example', '_self']]), JSON.stringify(contacts));
    });

    await check('the share link opens the same plan in a new browser (new context)', async () => {
      const other = await openApp(browser, 'phoneFast', plan1.url);
      extraContexts.push(other.context);
      assert((await state(other.page)).screen === 'plan', 'the link did not open My plan');
      const plan2 = await api(other.page, 'shownPlan');
      assert(plan2.link.status === 'restored', JSON.stringify(plan2.link));
      assert(same(plan2.plan, plan1.plan) && plan2.fragment === plan1.fragment, 'another plan');
      assert(plan2.text === plan1.text, 'the plan text differs');
      const profile2 = await api(other.page, 'answersProfile');
      assert(profile2.concerns.length === 0 && profile2.fitzpatrick === undefined, 'answers travelled with the link');
      await press(other.page, 'Estimate##tab', { touch: true });
      const estimate2 = await api(other.page, 'shownEstimate');
      assert(estimate2.treatment === 'microneedling' && estimate2.start === estimate1.start, 'treatment or start differ');
      assert(same(estimate2.estimate, estimate1.estimate), 'sessions, dates or costs differ');
      assert(other.log.errors.length === 0, other.log.errors.join(' | '));
    });

    await check('a damaged link shows a clear message on My plan and the app still works', async () => {
      const f = plan1.fragment;
      const at = 12;
      const damaged = f.slice(0, at) + (f[at] === 'A' ? 'B' : 'A') + f.slice(at + 1);
      const other = await openApp(browser, 'phoneFast', server.url + '#plan=' + damaged);
      extraContexts.push(other.context);
      assert((await state(other.page)).screen === 'plan', 'not on My plan');
      const shown = await api(other.page, 'shownPlan');
      assert(shown.link.status === 'refused' && shown.link.code === 'checksum', JSON.stringify(shown.link));
      assert(shown.plan.treatment === 'microneedling' && shown.text.length > 0, 'no usable plan after a damaged link');
      await press(other.page, 'Hide this message', { touch: true });
      await press(other.page, 'Learn##tab', { touch: true });
      assert((await state(other.page)).screen === 'learn', 'the app does not work after a damaged link');
      const garbage = await openApp(browser, 'phoneFast', server.url + '#plan=not-a-plan');
      extraContexts.push(garbage.context);
      assert((await api(garbage.page, 'shownPlan')).link.status === 'refused', 'garbage accepted');
      assert(other.log.errors.length === 0 && garbage.log.errors.length === 0, [...other.log.errors, ...garbage.log.errors].join(' | '));
    });

    await check('Spanish: labels, dates and figures follow the language; the engine still equals the CLI', async () => {
      await tap('ES##lang');
      await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready, null, { timeout: 20000 });
      await tap('Estimar##tab');
      const shown = await api(page, 'shownEstimate');
      assert(shown.lang === 'es', shown.lang);
      assert(same(shown.estimate, cliEstimate(shown)), 'Spanish estimate differs from the CLI');
      assert(/^\d{1,2} [a-z]+\.? \d{4}$/.test(shown.shown.start), `Spanish date ${shown.shown.start}`);
      const names = (await items(page)).map((i) => i.name);
      assert(names.includes('1 semana después') && names.includes('Sin paquete'), 'Spanish labels missing');
      await tap('Comparar##tab');
      const compare = await api(page, 'shownCompare');
      assert(same(compare.compare, cliCompare(compare.profile, 'es')), 'Spanish comparison differs from the CLI');
      assert((await items(page)).some((i) => i.name === 'Estimar este'), 'Spanish "Estimate this" missing');
    });

    await check('a euro clinic in Spanish: money in its locale ("1.234 €")', async () => {
      const demo = JSON.parse(readFileSync(join(root, 'assets/clinic/demo.json'), 'utf8'));
      const clinic = { ...demo, currency: 'EUR', locale: 'es-ES', default_language: 'es' };
      delete clinic.$schema;
      const clinicFile = join(scratch, 'clinic-eur.json');
      writeFileSync(clinicFile, JSON.stringify(clinic));
      const ctx = await browser.newContext({ ...DEVICES.phoneFast });
      extraContexts.push(ctx);
      await ctx.route('**/test-clinic.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(clinic) }));
      const p = await ctx.newPage();
      const errors = [];
      p.on('console', (m) => { if (m.type() === 'error' && !isAbsentClinicConfig(m)) errors.push(m.text()); });
      await p.goto(server.url + '?config=test-clinic.json&lang=es');
      await waitReady(p);
      await p.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang === 'es', null, { timeout: 20000 });
      await press(p, 'Estimar##tab', { touch: true });
      const shown = await api(p, 'shownEstimate');
      assert(shown.estimate.costs.currency === 'EUR', shown.estimate.costs.currency);
      assert(/^[\d.]+–[\d.]+ €$/.test(shown.shown.per_session) && /\d\.\d{3}/.test(shown.shown.total), `${shown.shown.per_session} / ${shown.shown.total}`);
      assert(same(shown.estimate, cliEstimate(shown, ['--config', clinicFile])), 'euro estimate differs from the CLI');
      // The share link keeps the clinic (?config=) but not ?lang= or ?mode=: the plan carries its language.
      const link = new URL((await api(p, 'planLink')).url);
      assert(link.searchParams.get('config') === 'test-clinic.json' && !link.searchParams.has('lang'), link.href);
      assert(errors.length === 0, errors.join(' | '));
    });

    await check('no console errors and nothing requested from another origin', async () => {
      assert(log.errors.length === 0, log.errors.join(' | '));
      assert(log.requests.every((u) => u.startsWith(origin)), 'foreign request');
    });
    await context.close();
  } finally {
    for (const c of extraContexts) await c.close().catch(() => {});
    await browser.close();
    await server.close();
  }
});

// "Am I a candidate?" in the browser: the questionnaire filled by tapping on a phone, back and next keeping answers,
// results that explain themselves, and the browser engine agreeing with `navigator assess` on every test profile.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBrowser, openApp, press, reveal, state, api, answerBasics, pastReview, navigatorCli, ROOT, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const profilesDir = join(ROOT, 'tests/data/profiles');
const cli = navigatorCli('mn-candidacy-');

function cliAssess(profile, lang) {
  try {
    return cli(['assess', '@input', '--lang', lang], profile);
  } catch (e) {
    if (e.status === 2) return { cliExit: 2 };
    throw e;
  }
}

await run('candidacy questionnaire and results', (check) => withBrowser(dist, async ({ server, browser }) => {
  const { context, page, log } = await openApp(browser, 'phoneFast', server.url);
  const tap = (name) => press(page, name, { touch: true });

  await check('phone: the questionnaire can be completed by tapping, one question per card', async () => {
    await answerBasics(tap);
    assert((await state(page)).screen === 'candidacy', 'not on the candidacy screen');
    await tap('Next');
    await tap('Cold sores in the past##cond.cold_sores_history');
    // The demo clinic offers injectables, so their labels' questions are asked too (issue 15).
    await reveal(page, 'A nerve-muscle disease, such as myasthenia gravis, Lambert-Eaton syndrome or ALS##cond.neuromuscular_disorder', { touch: true });
    await tap('Next');
    await tap('Isotretinoin (such as Accutane)##med.isotretinoin');
    await tap('Less than 3 months ago##med.iso.1');
    await tap('Next');
    await tap('None of these##proc.none');
    await tap('Next');
    await tap('As usual, no recent tan##q.sun.0');
    await tap('Next');
    await tap('Up to 5 days##q.prefs.downtime.2');
    await tap("I'd rather not say##q.prefs.budget.unsure");
    const profile = await api(page, 'answersProfile');
    assert(profile.age === 37 && profile.fitzpatrick === 4 && profile.pregnant_or_breastfeeding === false, JSON.stringify(profile));
    assert(profile.concerns.length === 1 && profile.concerns[0].id === 'acne_scars', JSON.stringify(profile.concerns));
    // "Less than 3 months ago" is a range, counted as its least favourable end (issue 15).
    const iso = profile.medications[0];
    assert(iso.months_since_last_dose.min === 0 && iso.months_since_last_dose.max === 3, JSON.stringify(profile.medications));
    assert(Array.isArray(profile.recent_procedures) && profile.recent_procedures.length === 0, 'procedures should be "none"');
    await tap('See my results');
  });

  await check('phone: the results show a verdict and reasons for every treatment, microneedling first', async () => {
    const shown = await api(page, 'shownResults');
    assert(shown && shown.results, 'no results shown');
    const ids = Object.keys(shown.results);
    assert(ids.length === 11 && ids[0] === 'microneedling', `treatments: ${ids.join(', ')}`);
    const mn = shown.results.microneedling;
    assert(mn.verdict === 'defer', `microneedling verdict ${mn.verdict} (isotretinoin 2 months ago should defer)`);
    assert(mn.wait && mn.wait.months > 0, `no wait given: ${JSON.stringify(mn.wait)}`);
    assert(mn.reasons.some((r) => /isotretinoin/i.test(r.message)), 'the isotretinoin reason is missing');
    assert(mn.reasons.every((r) => r.message && r.sources.length > 0), 'a reason without text or sources');
    const laser = shown.results.laser_ablative;
    assert(laser.verdict === 'not_recommended', `ablative laser on skin type IV: ${laser.verdict}`);
  });

  await check('no health answer is written to storage, cookies, IndexedDB or the URL', async () => {
    const where = await page.evaluate(async () => ({
      url: location.href,
      cookies: document.cookie,
      local: Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)),
      session: sessionStorage.length,
      idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    }));
    const text = JSON.stringify(where);
    for (const answer of ['acne', 'isotretinoin', 'cold_sore', 'pregnan', 'age', 'fitzpatrick', 'concern']) {
      assert(!text.toLowerCase().includes(answer), `"${answer}" found in ${text}`);
    }
    assert(where.local.every((kv) => kv.startsWith('mn-lang=')), `stored: ${where.local.join(', ')}`);
    assert(where.session === 0 && where.cookies === '' && where.idb.length === 0, text);
  });

  await check('the results on screen are what navigator assess prints for the same answers', async () => {
    const profile = await api(page, 'answersProfile');
    const shown = await api(page, 'shownResults');
    assert(JSON.stringify(cliAssess(profile, 'en')) === JSON.stringify(shown), 'CLI and screen differ');
  });

  await check('phone: going back keeps every answer', async () => {
    await tap('Change my answers');
    for (let i = 0; i < 8; i++) await tap('Back');
    const profile = await api(page, 'answersProfile');
    assert(profile.age === 37 && profile.fitzpatrick === 4 && profile.concerns.length === 1, JSON.stringify(profile));
    assert((await state(page)).screen === 'candidacy', 'left the screen');
  });

  await check('phone: "I take isotretinoin now", tapped, explains that the wait starts at the last dose', async () => {
    for (let i = 0; i < 5; i++) await tap('Next');  // age, pregnancy, skin, concerns, health: to the medicines
    await tap('I take it now##med.iso.0');
    for (let i = 0; i < 3; i++) await tap('Next');
    await tap('See my results');
    await pastReview(page, { touch: true });
    const profile = await api(page, 'answersProfile');
    assert(profile.medications[0].taking_now === true && !('months_since_last_dose' in profile.medications[0]),
      JSON.stringify(profile.medications));
    const shown = await api(page, 'shownResults');
    const mn = shown.results.microneedling;
    assert(mn.verdict === 'defer' && !('wait' in mn), `microneedling while taking isotretinoin: ${JSON.stringify(mn).slice(0, 300)}`);
    const iso = mn.reasons.find((r) => r.rule === 'medication.isotretinoin');
    assert(iso && /counts from your last dose/.test(iso.message) && /6 months/.test(iso.message), JSON.stringify(iso));
    const peel = shown.results.chemical_peel_superficial.reasons.find((r) => r.rule === 'medication.isotretinoin');
    assert(peel && /while you take it/.test(peel.message), JSON.stringify(peel));
    assert(JSON.stringify(cliAssess(profile, 'en')) === JSON.stringify(shown), 'CLI and screen differ');
    assert(await api(page, 'loadLanguage', 'es') === 'es', 'loadLanguage(es) did not resolve');
    const es = await api(page, 'assess', profile, 'es');
    assert(JSON.stringify(es) === JSON.stringify(cliAssess(profile, 'es')), 'CLI and browser differ in Spanish');
    const esIso = es.results.microneedling.reasons.find((r) => r.rule === 'medication.isotretinoin');
    assert(/se cuenta desde su última dosis/.test(esIso.message), esIso.message);
  });

  await check('the browser engine agrees with navigator assess on every test profile, in both languages', async () => {
    const files = readdirSync(profilesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
    assert(files.length >= 30, `only ${files.length} profiles`);
    const early = await api(page, 'assess', readFileSync(join(profilesDir, files[0]), 'utf8'), 'es');
    assert(/still loading/.test(JSON.stringify(early)) || !early.errors, `before loadLanguage: ${JSON.stringify(early).slice(0, 200)}`);
    assert(await api(page, 'loadLanguage', 'es') === 'es', 'loadLanguage(es) did not resolve');
    for (const f of files) {
      const text = readFileSync(join(profilesDir, f), 'utf8');
      for (const lang of ['en', 'es']) {
        const browserResult = await api(page, 'assess', text, lang);
        const cli = cliAssess(text, lang);
        assert(JSON.stringify(browserResult) === JSON.stringify(cli), `${f} (${lang}) differs`);
      }
    }
  });

  await check('a malformed profile gives pointer errors from the JavaScript API', async () => {
    const r = await api(page, 'assess', { concerns: [{ id: 'acne_scars', severity: 7 }] }, 'en');
    assert(Array.isArray(r.errors) && r.errors.some((e) => e.pointer === '/concerns/0/severity'), JSON.stringify(r));
  });

  await check('no console errors and nothing requested from another origin', async () => {
    assert(log.errors.length === 0, log.errors.join(' | '));
    const origin = new URL(server.url).origin;
    assert(log.requests.every((u) => u.startsWith(origin)), 'foreign request');
  });
  await context.close();
}));

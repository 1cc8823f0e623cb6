// The route most patients take: "Am I a candidate?" → "Help me work it out" → the 8 self-test questions → results.
// It once aborted the app on every size (a note of the results read as the wrong type). Walked here by real taps and
// clicks at phone, tablet and desktop sizes, in English and Spanish; then the crash guard itself: a frame made to
// stop half-way (abort() and a trap) shows a calm message, keeps every answer, and "Try again" returns.
import { withBrowser, openApp, press, settle, state, items, api, pastReview, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// Presses the widget whose label ends with `suffix` ("##q.quiz.3.2"): the visible words differ by language.
async function pressId(page, suffix, touch) {
  for (let waited = 0; waited < 3000; waited += 100) {
    const hit = (await items(page)).find((i) => i.label.endsWith(suffix));
    if (hit) return press(page, hit.label, { touch });
    await page.waitForTimeout(100);
  }
  throw new Error(`no widget ${suffix}`);
}

async function selfTestRoute(page, touch, lang) {
  const t = lang === 'es'
    ? { candidate: '¿Soy candidato?', next: 'Siguiente', results: 'Ver mis resultados' }
    : { candidate: 'Am I a candidate?', next: 'Next', results: 'See my results' };
  await press(page, t.candidate, { touch });
  // Phones ask one question a step; wider screens group several: "Next" only when the answer is not on this step.
  const answer = async (suffix) => {
    for (let step = 0; step < 4; step++) {
      if ((await items(page)).some((i) => i.label.endsWith(suffix))) return pressId(page, suffix, touch);
      await press(page, t.next, { touch });
    }
    return pressId(page, suffix, touch);
  };
  await answer('##q.age.2');
  await answer('##q.pregnant.0');
  await answer('##q.skin.mode.1');
  const answers = [3, 3, 2, 3, 2, 3, 2, 3];  // a score of 21 of 32: type IV
  for (let q = 1; q <= 8; q++) await answer(`##q.quiz.${q}.${answers[q - 1]}`);
  for (let step = 0; step < 20; step++) {
    const labels = (await items(page)).map((i) => i.name);
    if (labels.includes(t.results)) break;
    await press(page, t.next, { touch });
  }
  await press(page, t.results, { touch });
  await pastReview(page, { touch });
  await settle(page);
}

await run('the skin-type self-test route and the crash guard', (check) => withBrowser(dist, async ({ server, browser }) => {
  for (const [device, lang] of [['phoneFast', 'en'], ['tablet', 'es'], ['desktop', 'en']]) {
    await check(`${device} (${lang}): the self-test leads to the results, with the type it worked out`, async () => {
      const { context, page, log } = await openApp(browser, device, `${server.url}?lang=${lang}`);
      await selfTestRoute(page, device !== 'desktop', lang);
      const s = await state(page);
      assert(s.place === 'candidacy/results', `at ${s.place}`);
      assert(s.crashes === 0, `${s.crashes} crash(es)`);
      const shown = await api(page, 'shownResults');
      assert(shown && shown.fitzpatrick === 4 && shown.fitzpatrick_source && shown.notes.length === 1, JSON.stringify(shown).slice(0, 300));
      assert(/21/.test(shown.notes[0].message), `the note does not give the score: ${shown.notes[0].message}`);
      const said = await page.locator('#mn-mirror').textContent();
      assert(said.includes(shown.notes[0].message), 'the self-test note is not on the screen (mirror)');
      assert(log.errors.length === 0, log.errors.join('\n'));
      await context.close();
    });
  }

  for (const [kind, what] of [[1, 'abort()'], [2, 'a trap']]) {
    await check(`a frame stopped by ${what} shows a calm message, keeps the answers, and "Try again" returns`, async () => {
      const { context, page, log } = await openApp(browser, 'desktop', server.url);
      await press(page, 'Am I a candidate?');
      await pressId(page, '##q.age.3', false);
      const answered = await api(page, 'answersProfile');
      await page.evaluate((k) => Module._mn_test_crash(k), kind);
      await settle(page);
      const s = await state(page);
      assert(s.crashes === 1, `crashes ${s.crashes}`);
      assert(log.errors.some((e) => /^mn-crash: /.test(e)), `no mn-crash in the console: ${log.errors.join(' | ')}`);
      assert(await page.locator('#error').isHidden().catch(() => true), 'the page-level error panel is showing');
      const names = (await items(page)).map((i) => i.name);
      assert(names.includes('Try again') && names.includes('Carry on'), `no crash message: ${names.join(' | ')}`);
      assert(JSON.stringify(await api(page, 'answersProfile')) === JSON.stringify(answered), 'answers lost');
      await press(page, 'Try again##crash');
      const after = await state(page);
      assert(after.place === 'candidacy/0' && after.frames > s.frames, `after Try again: ${JSON.stringify(after)}`);
      assert(!(await items(page)).some((i) => i.label === 'Try again##crash'), 'the message stayed');
      await context.close();
    });
  }
}));

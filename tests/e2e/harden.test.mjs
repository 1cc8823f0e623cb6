// Hostile and careless use (issue 20): the JavaScript API never stops the app whatever it is given; a lost WebGL
// context comes back with the person's answers and screen (or says plainly that it cannot); nothing of the
// previous person survives "New patient" or a kiosk reset; the accessibility mirror's presses count as activity.
import { withBrowser, openApp, press, settle, state, api, waitForScreen, canvasStats, frames, navigatorCli, run, assert, openKiosk } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const only = process.env.MN_ONLY ? new RegExp(process.env.MN_ONLY) : null;

const alive = async (page) => {
  const reply = await api(page, 'assess', { concerns: [] });
  assert(reply && reply.results, `the app stopped answering: ${JSON.stringify(reply)}`);
};

await run('hardening', (all) => withBrowser(dist, async ({ server, browser }) => {
  const check = (label, body) => (only && !only.test(label) ? Promise.resolve() : all(label, body));
  await check('the JavaScript API answers bad input with errors and never aborts', async () => {
    const { context, page, log } = await openApp(browser, 'desktop', server.url);
    // Before: the parse error quoted half of 'é', writing the reply threw (type_error 316) and the app aborted.
    for (const [fn, args] of [['compare', ['{"concerns":[] é}', 'en', '']], ['estimate', ['é', 'microneedling', '2027-03-01', 'en']],
      ['assess', ['{"x": 1 €', 'en']]]) {
      const reply = await api(page, fn, ...args);
      assert(reply.errors && /not valid JSON/.test(reply.errors[0].message), `${fn}: ${JSON.stringify(reply)}`);
      await alive(page);
    }
    // Numbers past 32 bits are checked whole (2^40 + 1 is no severity, though its low bits read 1).
    let reply = await api(page, 'estimate', '{"concerns": []}', 'microneedling', '2027-03-01', 'en', { severity: { acne_scars: 1099511627777 } });
    assert(reply.errors && reply.errors[0].pointer === '/what_if/severity/acne_scars' && /1099511627777/.test(reply.errors[0].message),
      JSON.stringify(reply));
    reply = await api(page, 'estimate', '{"concerns": []}', 'microneedling', '2027-03-01', 'en', { maintenance_years: 4294967299 });
    assert(reply.errors && reply.errors[0].pointer === '/what_if/maintenance_years', JSON.stringify(reply));
    // Repeated keys: an error, never "the last one wins".
    reply = await api(page, 'assess', '{"concerns": [], "conditions": ["active_infection"], "conditions": []}');
    assert(reply.errors && reply.errors[0].pointer === '/conditions', JSON.stringify(reply));
    // A NUL would cut the text short silently: refused.
    reply = await api(page, 'assess', '{"concerns": []}\u0000{"conditions": ["active_infection"]}');
    assert(reply.errors && reply.errors[0].pointer === '/profile' && /NUL/.test(reply.errors[0].message), JSON.stringify(reply));
    reply = await api(page, 'estimate', '{"concerns": []}', 'microneedling\u0000x', '2027-03-01', 'en');
    assert(reply.errors && reply.errors[0].pointer === '/treatment', JSON.stringify(reply));
    // 60k keys: refused at once (more than 10000 members), not parsed for seconds on the main thread.
    const many = '{' + Array.from({ length: 60000 }, (_, i) => `"k${i}":0`).join(',') + '}';
    const ms = await page.evaluate((text) => { const t0 = performance.now(); window.MicroneedlingNavigator.assess(text); return performance.now() - t0; }, many);
    assert(ms < 250, `assess() of 60k keys took ${ms.toFixed(0)} ms`);
    await alive(page);
    assert(log.errors.length === 0, log.errors.join('\n'));
    await context.close();
  });

  await check('a link for a treatment the clinic switched off: not offered, no price, no booking; the CLI agrees', async () => {
    const { context, page } = await openApp(browser, 'desktop', server.url);
    const cli = navigatorCli('mn-harden-');
    const fragment = cli(['plan', 'encode', '@input'], { treatment: 'laser_ablative', concerns: [{ id: 'acne_scars', severity: 2 }],
      start: '2027-03-01', lang: 'en' }).trim();
    await page.evaluate((f) => { location.hash = 'plan=' + f; }, fragment);
    await waitForScreen(page, 'plan');
    await settle(page);
    const shown = await api(page, 'shownPlan');
    assert(shown.link.status === 'restored', JSON.stringify(shown.link));
    assert(shown.plan.treatment === 'laser_ablative' && shown.booking_url === '', JSON.stringify(shown).slice(0, 300));
    assert(/Not offered at this clinic/.test(shown.text) && !/\$/.test(shown.text), shown.text);
    assert(shown.text === cli(['plan', 'text', fragment]), 'the app and navigator plan text differ');
    const buttons = await page.evaluate(() => Array.from(document.querySelectorAll('#mn-mirror button')).map((b) => b.textContent));
    assert(!buttons.some((b) => /^Book at/.test(b)), `a Book button is offered: ${buttons.join(' | ')}`);
    assert((await page.locator('#mn-mirror').textContent()).includes('Not offered at this clinic'), 'no "not offered" on screen');
    // A damaged link after it: the earlier link's plan goes, and the plan starts at the earliest date (a consultation
    // first: the demo clinic's 7 days from today), as the message says.
    await page.evaluate(() => { location.hash = 'plan=p1.bad.00000000'; });
    await page.waitForFunction(() => window.MicroneedlingNavigator.shownPlan().link.status === 'refused', null, { timeout: 5000 });
    const after = await api(page, 'shownPlan');
    assert(after.link.status === 'refused' && after.plan.treatment !== 'laser_ablative', JSON.stringify(after.plan));
    assert(after.plan.start === await page.evaluate(() => { const d = new Date(); d.setDate(d.getDate() + 7); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }),
      `the plan does not start 7 days from today: ${after.plan.start}`);
    await context.close();
  });

  await check('a lost WebGL context comes back with the answers and the screen intact', async () => {
    const { context, page } = await openApp(browser, 'desktop', server.url);
    await press(page, 'Am I a candidate?');
    await press(page, '30–44##q.age.2');
    const before = { s: await state(page), profile: await api(page, 'answersProfile') };
    const lost = await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      window.mnLose = gl.getExtension('WEBGL_lose_context');
      window.mnLose.loseContext();
      return new Promise((r) => setTimeout(() => r({ lost: gl.isContextLost(), mark: document.documentElement.getAttribute('data-gl') }), 300));
    });
    assert(lost.lost && lost.mark === 'lost', `not lost: ${JSON.stringify(lost)}`);
    await page.evaluate(() => window.mnLose.restoreContext());
    await page.waitForFunction(() => document.documentElement.getAttribute('data-gl') === 'ok', null, { timeout: 10000 });
    const drawn = await frames(page);
    await page.mouse.move(10, 10);
    await page.waitForFunction((n) => Module._mn_frame_count() > n, drawn, { timeout: 10000 });
    await settle(page);
    const after = { s: await state(page), profile: await api(page, 'answersProfile') };
    assert(after.s.screen === before.s.screen, `screen changed: ${before.s.screen} -> ${after.s.screen}`);
    assert(JSON.stringify(after.profile) === JSON.stringify(before.profile), 'answers changed');
    const stats = await canvasStats(page);
    assert(stats.differing > 0.02 && stats.colours > 4, `blank canvas after restore: ${JSON.stringify(stats)}`);
    await press(page, 'Next');  // still usable: text and widgets work
    assert((await state(page)).screen === before.s.screen, 'questionnaire left');
    await context.close();
  });

  await check('a context that does not come back: a readable message with a reload button', async () => {
    const { context, page } = await openApp(browser, 'desktop', server.url);
    await page.evaluate(() => {
      window.mnGlLostWaitMs = 300;
      document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext();
    });
    const box = page.locator('#mn-gl-lost');
    await box.waitFor({ state: 'visible', timeout: 5000 });
    const said = await box.textContent();
    assert(/answers given so far will be lost/.test(said), said);
    assert(await box.locator('button', { hasText: 'Reload the page' }).isVisible(), 'no reload button');
    await context.close();
  });

  await check('consult: "New patient" empties the print section and the plan text copied to the clipboard', async () => {
    const { context, page } = await openApp(browser, 'tablet', server.url + '?mode=consult',
      { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => { window.print = () => {}; });
    const link = await api(page, 'planLink');
    await page.evaluate((f) => { location.hash = 'plan=' + f; }, link.fragment);
    await waitForScreen(page, 'plan');
    await press(page, 'Print this plan', { touch: true });
    const printed = await page.evaluate(() => document.getElementById('mn-print').textContent);
    assert(/Microneedling/.test(printed), 'nothing was put in the print section');
    await press(page, 'Copy plan as text', { touch: true });
    await page.waitForFunction(() => window.MicroneedlingNavigator.shownPlan().copy !== 'pending', null, { timeout: 5000 });
    assert(/Microneedling/.test(await page.evaluate(() => navigator.clipboard.readText())), 'the plan was not copied');
    await press(page, 'New patient', { touch: true });
    await press(page, 'Clear and start again', { touch: true });
    // The reset may take a frame or two after the press on a busy machine: wait for it, then look at everything.
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).screen === 'home', null,
      { timeout: 10000 }).catch(() => {});
    await settle(page);
    const left = await page.evaluate(async () => ({
      print: document.getElementById('mn-print').textContent, clipboard: await navigator.clipboard.readText(),
      mirror: document.getElementById('mn-mirror').textContent, session: sessionStorage.length, hash: location.hash }));
    assert(left.print === '' && left.clipboard === '' && !/Print this plan|Copy plan as text/.test(left.mirror) &&
      left.session === 0 && /^(#home|#attract)?$/.test(left.hash), `left behind: ${JSON.stringify({ ...left, print: left.print.slice(0, 40), mirror: left.mirror.slice(0, 200) })} ${JSON.stringify(await state(page))}`);
    await context.close();
  });

  await check('kiosk: a press through the accessibility mirror counts as activity; the idle reset empties the print section', async () => {
    const { context, page } = await openKiosk(browser, server);
    assert((await state(page)).attract, 'no attract screen');
    await page.waitForTimeout(31000);  // idle for longer than the clinic's timeout, on the attract screen
    // A screen reader presses "Touch to start" in the mirror (a click on its real button).
    await page.evaluate(() => {
      const b = Array.from(document.querySelectorAll('#mn-mirror [data-mn-id]')).find((el) => /Touch to start/.test(el.textContent));
      b.click();
    });
    await settle(page);
    assert(!(await state(page)).attract, 'the mirror press did not start');
    await page.waitForTimeout(2500);  // two kiosk ticks
    assert(!(await state(page)).attract, 'the idle reset undid the mirror press at once');
    // Something printed, then the idle reset: the print section is empty for the next visitor.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'mn-print';
      box.textContent = 'previous visitor';
      document.body.appendChild(box);
    });
    await page.waitForTimeout(31000);
    await settle(page);
    assert((await state(page)).attract, 'no idle reset');
    assert(await page.evaluate(() => document.getElementById('mn-print').textContent) === '', 'print section kept');
    await context.close();
  });
}));

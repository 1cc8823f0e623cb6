// The three modes: patient (default), consult (a tablet between clinician and patient, "New patient" wipes
// everything), kiosk (attract screen, idle reset, no context menu or text selection).
import { withBrowser, openApp, press, settle, state, items, api, waitForScreen, run, assert, openKiosk } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

// What the privacy page must say, whatever the mode (the README's privacy section says the same).
const PRIVACY = [/exist only in this browser tab/, /not written to cookies, to the browser's storage or into the page address/,
  /the language you pick/, /mode the clinic chose/, /Nothing you enter is sent to the clinic or to anyone else/,
  /read from the clinic's own website/, /never your health answers/, /education, not medical advice/];

// Opens the privacy page from the home screen and returns what the accessibility mirror says there.
async function privacyPage(page, touch) {
  await press(page, 'What is and is not stored', { touch });
  const s = await waitForScreen(page, 'privacy');
  assert(s.screen === 'privacy', `screen ${s.screen}`);
  const said = (await page.locator('#mn-mirror').textContent()).replace(/\s+/g, ' ');
  for (const statement of PRIVACY) assert(statement.test(said), `the privacy page does not say ${statement}`);
  return said;
}

await run('patient, consult and kiosk modes', (check) => withBrowser(dist, async ({ server, browser }) => {
  await check('patient is the default mode', async () => {
    const { context, page } = await openApp(browser, 'desktop', server.url);
    const s = await state(page);
    assert(s.mode === 'patient' && !s.attract, JSON.stringify(s));
    await context.close();
  });

  await check('the privacy page opens in patient and consult modes, in English and Spanish, and "Back" returns', async () => {
    const { context, page } = await openApp(browser, 'desktop', server.url);
    await privacyPage(page, false);
    await press(page, 'ES##lang');
    const es = (await page.locator('#mn-mirror').textContent()).replace(/\s+/g, ' ');
    assert(/Su privacidad/.test(es) && /nunca sus respuestas de salud/.test(es) && /no consejo médico/.test(es), 'no Spanish privacy page');
    await press(page, 'EN##lang');
    await press(page, 'Back');
    assert((await waitForScreen(page, 'home')).screen === 'home', 'Back did not return home');
    await context.close();
    const consult = await openApp(browser, 'tablet', server.url + '?mode=consult');
    const said = await privacyPage(consult.page, true);
    assert(/“New patient”/.test(said), 'consult: the page does not mention "New patient"');
    await consult.context.close();
  });

  await check('consult: "New patient" asks first, then wipes answers, URL fragment and storage', async () => {
    const { context, page } = await openApp(browser, 'tablet', server.url + '?mode=consult');
    assert((await state(page)).mode === 'consult', 'not in consult mode');
    const tap = (n) => press(page, n, { touch: true });
    await tap('ES##lang');
    await tap('¿Soy candidato?##nav');
    await tap('30–44##q.age.2');
    await page.evaluate(() => { location.hash = 'plan=p1.test'; sessionStorage.setItem('x', '1'); });
    assert((await api(page, 'answersProfile')).age === 37, 'answer not recorded');
    await tap('Nuevo paciente');
    assert((await api(page, 'answersProfile')).age === 37, 'wiped before confirming');
    await tap('Borrar y empezar de nuevo');
    await settle(page);
    const profile = await api(page, 'answersProfile');
    assert(profile.age === undefined && profile.concerns.length === 0, `answers left: ${JSON.stringify(profile)}`);
    const left = await page.evaluate(() => ({ hash: location.hash, local: localStorage.length, session: sessionStorage.length }));
    assert(/^(#home)?$/.test(left.hash) && left.local === 0 && left.session === 0, `left behind: ${JSON.stringify(left)}`);
    const s = await state(page);
    assert(s.screen === 'home' && s.lang === 'en', `not a fresh start: ${JSON.stringify(s)}`);
    await context.close();
  });

  await check('kiosk: attract screen, then an idle reset that forgets the visitor', async () => {
    const { context, page } = await openKiosk(browser, server);
    assert((await state(page)).attract, 'no attract screen');
    await press(page, 'Touch to start', { touch: true });
    assert(!(await state(page)).attract, 'attract screen did not give way');
    await press(page, 'Am I a candidate?', { touch: true });
    await press(page, '45–59##q.age.3', { touch: true });
    assert((await api(page, 'answersProfile')).age === 52, 'answer not recorded');
    await page.waitForTimeout(33000);  // the shortest idle timeout a clinic may set is 30 s
    await settle(page);
    const s = await state(page);
    assert(s.attract && s.screen === 'home', `no idle reset: ${JSON.stringify(s)}`);
    assert((await api(page, 'answersProfile')).age === undefined, 'the visitor\'s answer survived the reset');
    const blocked = await page.evaluate(() => {
      const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.getElementById('canvas').dispatchEvent(e);
      return { menu: e.defaultPrevented, select: getComputedStyle(document.documentElement).userSelect };
    });
    assert(blocked.menu && blocked.select === 'none', JSON.stringify(blocked));

    // The privacy page is there in a kiosk too, and leads nowhere outside the app.
    await press(page, 'Touch to start', { touch: true });
    const said = await privacyPage(page, true);
    assert(/clears them by itself/.test(said) && !/https?:|www\./.test(said), 'kiosk privacy page');
    const popups = [];
    context.on('page', (p) => popups.push(p.url()));
    const controls = (await items(page)).filter((i) => i.window === 'content').map((i) => i.label);
    assert(controls.join('|') === 'Back', `controls on the kiosk's privacy page: ${controls.join(', ')}`);
    await press(page, 'Back', { touch: true });
    assert((await waitForScreen(page, 'home')).screen === 'home' && popups.length === 0, `left the app: ${popups.join(', ')}`);
    await context.close();
  });
}));

// The three modes: patient (default), consult (a tablet between clinician and patient, "New patient" wipes
// everything), kiosk (attract screen, idle reset, no context menu or text selection).
import { readFile } from 'node:fs/promises';
import { serve, launch, openApp, press, settle, state, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const api = (page, fn, ...args) => page.evaluate(([f, a]) => window.MicroneedlingNavigator[f](...a), [fn, args]);

await run('patient, consult and kiosk modes', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    await check('patient is the default mode', async () => {
      const { context, page } = await openApp(browser, 'desktop', server.url);
      const s = await state(page);
      assert(s.mode === 'patient' && !s.attract, JSON.stringify(s));
      await context.close();
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
      assert(left.hash === '' && left.local === 0 && left.session === 0, `left behind: ${JSON.stringify(left)}`);
      const s = await state(page);
      assert(s.screen === 'home' && s.lang === 'en', `not a fresh start: ${JSON.stringify(s)}`);
      await context.close();
    });

    await check('kiosk: attract screen, then an idle reset that forgets the visitor', async () => {
      const demo = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
      const page = await context.newPage();
      await page.route((u) => u.pathname.endsWith('/clinic.json'), (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...demo, default_mode: 'kiosk', kiosk_idle_seconds: 30 }) }));
      await page.goto(server.url);
      await page.waitForFunction(() => { try { return Module._mn_frame_count() > 0; } catch { return false; } });
      await page.waitForTimeout(500);
      await settle(page);
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
      await context.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

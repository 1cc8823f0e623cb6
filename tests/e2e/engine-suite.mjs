// What tests/e2e/webkit.test.mjs and firefox.test.mjs check, the same in both engines, in a real window on Xvfb
// (tests/e2e/engines.mjs), at a tablet size (1024×768) and a phone size (390×844):
// the app loads with no error panel and no console error and draws; no frames while idle; the accessibility mirror
// follows the screens and presses widgets; the whole patient journey by real pointer input (questionnaire → results →
// compare → estimate → plan), each step equal to the `navigator` CLI; the plan's share link opened in a fresh session
// (new cookies, storage, caches) gives the same plan and estimate; the language switch; the JavaScript API agrees with
// `navigator assess` on the candidacy table's profiles; after one visit a reload works with the server gone (service
// worker). On the phone size the questionnaire is answered by touch where the engine takes touch over WebDriver.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, waitReady, waitForScreen, settle, press, state, items, frames, api, navigatorCli, ROOT, run, assert } from './lib.mjs';
import { SIZES, startXvfb, recordingWebRoot, launchWebKit, launchFirefox, pixelStats } from './engines.mjs';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The questionnaire's answers: age 30–44, not pregnant, skin type IV picked directly (not the self-test), acne scars;
// every other question is passed with "Next" (its "not sure" default). On a phone one question per card, on a tablet
// several per card: each answer is pressed when its widget is on screen, "Next" until "See my results".
const ANSWERS = ['30–44##q.age.2', 'No##q.pregnant.0', "I'll pick my type##q.skin.mode.0", 'Type IV##q.skin.type.4',
  'Acne scars##concern.acne_scars'];
async function answerQuestionnaire(page, tap) {
  await tap('Am I a candidate?');
  const todo = [...ANSWERS];
  for (let card = 0; card < 20; card++) {
    let shown = await items(page);
    const has = (label) => shown.some((i) => i.label === label || i.name === label);
    for (let i = 0; i < todo.length;) {
      if (has(todo[i])) {
        await tap(todo[i]);
        todo.splice(i, 1);
        shown = await items(page);
      } else i++;
    }
    if (has('See my results')) {
      assert(todo.length === 0, `questions never shown: ${todo.join(', ')}`);
      await tap('See my results');
      // The questions passed without an answer are listed first: on to the results anyway.
      if ((await items(page)).some((i) => i.label === 'See results anyway')) await tap('See results anyway');
      await page.waitForFunction(() => !!window.MicroneedlingNavigator.shownResults().results, null, { timeout: 5000 }).catch(() => {});
      return;
    }
    assert(has('Next'), `no "Next" on card ${card}: ${shown.map((i) => i.label).join(' | ')}`);
    await tap('Next');
  }
  throw new Error('no "See my results" after 20 cards');
}

// A screen's button in the navigation: the phone's tab bar ("Compare##tab") or the wider screens' bar
// ("Compare##nav"); `names` are its names in those layouts ("Candidate?" on a phone, "Am I a candidate?" wider).
async function go(page, names, options = {}) {
  const all = await items(page);
  for (const n of [].concat(names)) {
    for (const label of [`${n}##tab`, `${n}##nav`, n]) {
      if (all.some((i) => i.label === label)) return press(page, label, options);
    }
  }
  throw new Error(`no navigation button ${names}; have: ${all.map((i) => i.label).join(' | ')}`);
}

// The accessibility mirror's headings and controls, as text.
const mirror = (page) => page.evaluate(() => {
  const root = document.getElementById('mn-mirror');
  if (!root) return null;
  return {
    h1: [...root.querySelectorAll('h1')].map((h) => h.textContent),
    controls: [...root.querySelectorAll('[data-mn-id]')].map((b) => b.textContent),
  };
});

export async function engineSuite(engineName, dist) {
  const cli = navigatorCli(`mn-${engineName}-`);
  await run(`${engineName} (${engineName === 'webkit' ? 'WebKitGTK MiniBrowser, WebDriver' : 'Firefox ESR, WebDriver BiDi'}) on Xvfb`, async (check) => {
    const xvfb = await startXvfb();
    const web = await recordingWebRoot(dist);
    let server = await serve(web.root);
    const engine = await (engineName === 'webkit' ? launchWebKit : launchFirefox)(xvfb.display);
    const report = [];
    try {
      for (const size of ['tablet', 'phone']) {
        const { width, height } = SIZES[size];
        const page = await engine.newPage();
        let touch = false;
        let plan1 = null, estimate1 = null;
        await check(`${size}: loads with no error panel and no console error, and draws`, async () => {
          const v = await page.setViewport(width, height);
          assert(v.width === width && v.height === height, `viewport ${v.width}×${v.height}, wanted ${width}×${height}`);
          await page.goto(server.url);
          await waitReady(page);
          const shell = await page.evaluate(() => ({
            error: !document.getElementById('error').hidden ? document.getElementById('error').textContent : null,
            ready: document.documentElement.classList.contains('mn-ready'),
            gl: (() => { const c = document.createElement('canvas').getContext('webgl2'); return c ? c.getParameter(c.VERSION) : null; })(),
          }));
          assert(shell.ready && shell.error === null, `error panel: ${shell.error}`);
          const box = await page.locator('#canvas').boundingBox();
          const px = pixelStats(await page.screenshot(), box);
          assert(px.differing > 0.02 && px.colours >= 8, `canvas looks empty: ${JSON.stringify(px)}`);
          const errors = await page.errors();
          assert(errors.length === 0, errors.join(' | '));
          report.push(`${size}: ${shell.gl}; ${Math.round(px.differing * 100)}% of the canvas drawn, ${px.colours} colours`);
        });

        await check(`${size}: no frames are drawn while idle`, async () => {
          await settle(page);
          const before = await frames(page);
          await page.waitForTimeout(1500);
          const after = await frames(page);
          assert(after === before, `${after - before} frames drawn in 1.5 s of idling`);
        });

        await check(`${size}: the accessibility mirror is present, follows the screen and presses the widget`, async () => {
          const home = await mirror(page);
          assert(home && home.h1.length === 1 && home.controls.includes('Am I a candidate?'), JSON.stringify(home));
          // Activating the mirror's button (what a screen reader does) presses the app's widget.
          await page.evaluate(() => [...document.querySelectorAll('#mn-mirror [data-mn-id]')]
            .find((b) => b.textContent === 'Learn' || b.textContent === 'Learn about microneedling').click());
          await settle(page);
          const s = await state(page);
          assert(s.screen === 'learn', `mirror button led to ${s.screen}`);
          const learn = await mirror(page);
          assert(learn.h1.length === 1 && learn.h1[0] !== home.h1[0], `mirror heading stayed ${JSON.stringify(learn.h1)}`);
          await go(page, 'Home');
          assert((await state(page)).screen === 'home', 'not back home');
        });

        await check(`${size}: the questionnaire answered by ${size === 'phone' ? 'touch (where the engine takes it)' : 'mouse'}, results equal navigator assess`, async () => {
          if (size === 'phone') {
            // Does a WebDriver touch tap reach the app as a press? Probe on a harmless widget: Learn, then back.
            // It counts only if the page saw touch events (WebKitGTK turns WebDriver touch into mouse events).
            try {
              await page.evaluate(() => { window.__touches = 0; window.addEventListener('touchstart', () => { window.__touches++; }, true); });
              await go(page, 'Learn', { touch: true });
              touch = (await state(page)).screen === 'learn' && (await page.evaluate(() => window.__touches)) > 0;
              await go(page, 'Home', { touch });
            } catch (e) { touch = false; report.push(`phone: touch over WebDriver failed: ${e.message.split('\n')[0]}`); }
            report.push(`phone: questionnaire by ${touch ? 'touch' : 'mouse (touch did not reach the page)'}`);
          }
          const tap = (name) => press(page, name, { touch });
          await answerQuestionnaire(page, tap);
          // The results are shown on the candidacy screen, under "Change my answers".
          assert((await items(page)).some((i) => i.label === 'Change my answers'), `no results: ${(await items(page)).map((i) => i.label).slice(0, 30).join(' | ')}`);
          const profile = await api(page, 'answersProfile');
          assert(profile.fitzpatrick === 4 && profile.age === 37 && profile.concerns.length === 1, JSON.stringify(profile));
          const shown = await api(page, 'shownResults');
          assert(Object.keys(shown.results).length === 11, 'not 11 treatments');
          assert(same(shown, cli(['assess', '@input', '--lang', 'en'], profile)), 'results on screen differ from navigator assess');
        });

        await check(`${size}: compare → estimate → plan, each equal to the CLI`, async () => {
          const tap = (name) => press(page, name, { touch });
          await go(page, 'Compare', { touch });
          const compare = await api(page, 'shownCompare');
          assert(same(compare.compare, cli(['compare', '@input', '--lang', 'en'], compare.profile)), 'Compare differs from navigator compare');
          await tap('Estimate this##est.microneedling');
          assert((await state(page)).screen === 'estimate', 'not on Estimate');
          // The estimate is worked out when the screen is first drawn: wait for it.
          await page.waitForFunction(() => { const e = window.MicroneedlingNavigator.shownEstimate(); return !!(e && e.what_if); }, null,
            { timeout: 10000 }).catch(() => {});
          estimate1 = await api(page, 'shownEstimate');
          assert(estimate1 && estimate1.what_if, `no estimate shown: ${JSON.stringify(estimate1)}`);
          const w = estimate1.what_if;
          const args = ['estimate', '@input', '--treatment', estimate1.treatment, '--start', estimate1.start, '--lang', 'en',
            '--package', w.package, '--maintenance-years', String(w.maintenance_years)];
          assert(same(estimate1.estimate, cli(args, estimate1.profile)), 'Estimate differs from navigator estimate');
          await go(page, 'My plan', { touch });
          plan1 = await api(page, 'shownPlan');
          assert(plan1.plan.treatment === 'microneedling' && plan1.url.includes('#plan=' + plan1.fragment), JSON.stringify(plan1.plan));
          assert(same(cli(['plan', 'decode', plan1.fragment]), plan1.plan), 'the link does not decode to the plan');
        });

        await check(`${size}: copy link and the share sheet (navigator.share where present, else a copy), by real input`, async () => {
          const tap = (name) => press(page, name, { touch });
          const sheet = await page.evaluate(() => typeof navigator.share === 'function');
          report.push(`${size}: navigator.share ${sheet ? 'present' : 'absent'}`);
          // The engine's own clipboard, written during the press: the app draws the frame that handles a release inside
          // the release's own event (browser.js), which WebKit requires (it refuses a copy made in a later animation
          // frame). The wrapper records what was written and whether the engine allowed it.
          await page.evaluate(() => {
            window.__copied = [];
            const clip = navigator.clipboard;
            const write = clip && clip.writeText.bind(clip);
            if (write) {
              clip.writeText = (t) => write(t).then((v) => { window.__copied.push([t, true]); return v; },
                (e) => { window.__copied.push([t, false, String(e)]); throw e; });
            }
          });
          const copies = async (n) => {
            await page.waitForFunction((k) => window.__copied.length >= k, n, { timeout: 5000 }).catch(() => {});
            return page.evaluate(() => window.__copied);
          };
          if (!sheet) {
            await tap('Copy link');
            const copied = await copies(1);
            assert(copied.length === 1 && copied[0][0] === plan1.url, `writeText got ${JSON.stringify(copied)}`);
            assert(copied[0][1] === true && (await api(page, 'shownPlan')).copy !== 'failed', `the engine refused the copy: ${copied[0][2]}`);
            report.push(`${size}: "Copy link" wrote the link to the clipboard`);
          }
          // A share sheet (as on iPhone and iPad): the button becomes "Share link…" and hands the link to it; a sheet
          // that refuses (NotAllowedError) falls back to the copy; a cancelled sheet (AbortError) says nothing.
          await page.evaluate(() => {
            window.__shared = [];
            window.__shareOutcome = 'ok';
            Object.defineProperty(navigator, 'share', { configurable: true, value: (data) => {
              window.__shared.push(data);
              if (window.__shareOutcome === 'ok') return Promise.resolve();
              return Promise.reject(new DOMException('no', window.__shareOutcome));
            } });
            Module._mn_wake();
          });
          await settle(page);
          await tap('Share link…');
          let shared = await page.evaluate(() => window.__shared);
          assert(shared.length === 1 && shared[0].url === plan1.url && shared[0].title === 'My plan', JSON.stringify(shared));
          assert((await api(page, 'shownPlan')).copy === 'none', 'a confirmation after sharing');
          await page.evaluate(() => { window.__shareOutcome = 'AbortError'; });
          await tap('Share link…');
          await settle(page);
          assert((await api(page, 'shownPlan')).copy === 'none', 'a cancelled share said something');
          await page.evaluate(() => { window.__shareOutcome = 'NotAllowedError'; });
          const before = (await page.evaluate(() => window.__copied)).length;
          await tap('Share link…');
          const after = await copies(before + 1);
          assert(after.length === before + 1 && after[before][0] === plan1.url, `no copy after a refused share: ${JSON.stringify(after)}`);
          if (!sheet && engineName !== 'webkit') assert(after[before][1] === true, `the fallback copy failed: ${after[before][2]}`);
          await page.evaluate(() => { delete navigator.share; Module._mn_wake(); });
          await settle(page);
        });

        await check(`${size}: Safari's differences handled: safe areas, viewport, touch-action, text size, colour scheme, heap`, async () => {
          const css = await page.evaluate(() => {
            const canvas = document.getElementById('canvas'), r = canvas.getBoundingClientRect(), root = getComputedStyle(document.documentElement);
            const vv = window.visualViewport;
            return {
              canvas: [r.x, r.y, r.width, r.height], view: [innerWidth, innerHeight], visual: vv ? [vv.width, vv.height, vv.scale] : null,
              touch: getComputedStyle(canvas).touchAction, rootTouch: root.touchAction, scheme: root.colorScheme,
              sizeAdjust: root.webkitTextSizeAdjust || root.textSizeAdjust || root.getPropertyValue('-webkit-text-size-adjust') || null,
              heap: Module.HEAPU8.length,
            };
          });
          // No safe-area insets on these screens: the canvas is the whole visible viewport (not 100vh beyond it).
          const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 0.5);
          assert(near(css.canvas, [0, 0, width, height]), `canvas ${css.canvas} in a ${css.view} viewport`);
          if (css.visual) assert(Math.abs(css.visual[1] - height) < 0.5 && css.visual[2] === 1, `visual viewport ${css.visual}`);
          const bottom = Math.max(...(await items(page)).filter((i) => i.visible && i.window !== 'content').map((i) => i.y + i.h));
          assert(bottom <= height, `a fixed bar reaches ${bottom}, below the ${height} px viewport`);
          assert(css.touch === 'none' && css.rootTouch === 'manipulation', `touch-action canvas ${css.touch}, page ${css.rootTouch}`);
          assert(css.scheme === 'light', `color-scheme ${css.scheme}`);
          // -webkit-text-size-adjust exists only in WebKit's iOS builds (WebKitGTK reports nothing): not checkable here.
          // iOS gives a tab's WebAssembly far less memory than a desktop: the whole journey fits in a small heap.
          assert(css.heap <= 64 * 1024 * 1024, `wasm heap ${css.heap / 1048576} MB after the journey`);
          report.push(`${size}: wasm heap ${css.heap / 1048576} MB after the journey`);
        });

        await check(`${size}: the language switch (EN | ES) changes the labels and the engine's language`, async () => {
          await press(page, 'ES##lang', { touch });
          await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready, null, { timeout: 20000 });
          const s = await state(page);
          assert(s.lang === 'es', `lang ${s.lang}`);
          const names = (await items(page)).map((i) => i.name);
          assert(names.includes('Comparar') || names.includes('Mi plan'), `no Spanish tab: ${names.slice(0, 20).join(' | ')}`);
          const m = await mirror(page);
          assert(m.controls.includes('Comparar') || m.controls.includes('Mi plan'), 'the mirror is not in Spanish');
          await press(page, 'EN##lang', { touch });
          assert((await state(page)).lang === 'en', 'back to English failed');
        });

        if (size === 'tablet') await check(`${size}: a lost WebGL context comes back with the screen and the answers intact`, async () => {
          // Tabs sent to the background lose their context on phones and tablets (iPadOS above all): the app cancels
          // webglcontextlost, rebuilds on webglcontextrestored and carries on where the person was.
          const before = { s: await state(page), profile: await api(page, 'answersProfile') };
          const lost = await page.evaluate(() => {
            const gl = document.getElementById('canvas').getContext('webgl2');
            window.mnLose = gl.getExtension('WEBGL_lose_context');
            if (!window.mnLose) return { extension: false };
            window.mnLose.loseContext();
            return new Promise((r) => setTimeout(() => r({ extension: true, lost: gl.isContextLost(), mark: document.documentElement.getAttribute('data-gl') }), 300));
          });
          assert(lost.extension && lost.lost && lost.mark === 'lost', `not lost: ${JSON.stringify(lost)}`);
          await page.evaluate(() => { window.mnLose.restoreContext(); });
          await page.waitForFunction(() => document.documentElement.getAttribute('data-gl') === 'ok', null, { timeout: 10000 });
          const drawn = await frames(page);
          await page.evaluate(() => { Module._mn_wake(); });
          await page.waitForFunction((n) => Module._mn_frame_count() > n, drawn, { timeout: 10000 });
          await settle(page);
          const after = { s: await state(page), profile: await api(page, 'answersProfile') };
          assert(after.s.screen === before.s.screen, `screen changed: ${before.s.screen} -> ${after.s.screen}`);
          assert(same(after.profile, before.profile), 'answers changed');
          const box = await page.locator('#canvas').boundingBox();
          const px = pixelStats(await page.screenshot(), box);
          assert(px.differing > 0.02 && px.colours >= 8, `blank canvas after the context came back: ${JSON.stringify(px)}`);
          report.push(`${size}: WebGL context lost and restored; ${Math.round(px.differing * 100)}% of the canvas drawn again`);
        });

        await check(`${size}: no console errors in the whole session`, async () => {
          const errors = await page.errors();
          assert(errors.length === 0, errors.join(' | '));
        });
        await check(`${size}: the share link opened in a fresh session gives the same plan`, async () => {
          assert(plan1, 'no plan from the journey');
          if (engineName === 'webkit') await page.close();  // WebKitWebDriver runs one session at a time
          const other = await engine.newPage();
          try {
            await other.setViewport(width, height);
            await other.goto(plan1.url);
            await waitReady(other);
            assert((await state(other)).screen === 'plan', `the link opened ${(await state(other)).screen}`);
            const plan2 = await api(other, 'shownPlan');
            assert(plan2.link.status === 'restored', JSON.stringify(plan2.link));
            assert(same(plan2.plan, plan1.plan) && plan2.fragment === plan1.fragment && plan2.text === plan1.text, 'another plan');
            const answers = await api(other, 'answersProfile');
            assert(answers.concerns.length === 0 && answers.fitzpatrick === undefined, 'answers travelled with the link');
            await go(other, 'Estimate', { touch });
            const estimate2 = await api(other, 'shownEstimate');
            assert(same(estimate2.estimate, estimate1.estimate), 'the estimate differs in the fresh session');
            const errors = await other.errors();
            assert(errors.length === 0, errors.join(' | '));
          } finally {
            await other.close();
          }
        });

        await page.close();
      }

      if (engineName === 'webkit') {
        await check('a dark system colour scheme (MiniBrowser --dark-mode): the page stays light and the app draws its light theme', async () => {
          const dark = await engine.newPage({ dark: true });
          try {
            await dark.setViewport(SIZES.phone.width, SIZES.phone.height);
            await dark.goto(server.url);
            const before = await dark.evaluate(() => ({
              dark: matchMedia('(prefers-color-scheme: dark)').matches, scheme: getComputedStyle(document.documentElement).colorScheme,
              body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('.intro p')).color,
            }));
            assert(before.dark, 'MiniBrowser did not ask for dark');
            assert(before.scheme === 'light' && before.body === 'rgb(246, 244, 240)' && before.text === 'rgb(79, 93, 99)', JSON.stringify(before));
            await waitReady(dark);
            const box = await dark.locator('#canvas').boundingBox();
            const px = pixelStats(await dark.screenshot(), box);
            assert(same(px.background, [246, 244, 240]) && px.differing > 0.02, `dark mode canvas: ${JSON.stringify(px)}`);
          } finally {
            await dark.close();
          }
        });
      }

      const page = await engine.newPage();
      await check('the JavaScript API agrees with navigator assess on every profile of the candidacy table', async () => {
        await page.setViewport(SIZES.tablet.width, SIZES.tablet.height);
        await page.goto(server.url);
        await waitReady(page);
        const dir = join(ROOT, 'tests/data/profiles');
        const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
        assert(files.length >= 30, `only ${files.length} profiles`);
        const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
        const inPage = await page.evaluate((all) => all.map((t) => JSON.stringify(window.MicroneedlingNavigator.assess(t, 'en'))), texts);
        files.forEach((f, i) => {
          let expected;
          try { expected = cli(['assess', '@input', '--lang', 'en'], texts[i]); } catch (e) { if (e.status === 2) expected = null; else throw e; }
          if (expected === null) assert(JSON.parse(inPage[i]).errors, `${f}: the CLI refuses it, the page does not`);
          else assert(inPage[i] === JSON.stringify(expected), `${f} differs`);
        });
        report.push(`JS API = navigator assess on ${files.length} profiles`);
      });

      await check('offline: after one visit a reload with the server gone renders the app (service worker)', async () => {
        await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true), null, { timeout: 30000 });
        await page.waitForFunction(async () => {
          const names = await caches.keys();
          if (!names.some((n) => n.includes('precache'))) return false;
          return true;
        }, null, { timeout: 30000 });
        const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
        if (!controlled) { await page.reload(); await waitReady(page); }
        await server.close();
        server = null;
        await page.reload();
        await waitReady(page, 30000);
        const s = await state(page);
        assert(s.frames > 0 && s.screen === 'home', JSON.stringify(s));
        const box = await page.locator('#canvas').boundingBox();
        const px = pixelStats(await page.screenshot(), box);
        assert(px.differing > 0.02, `offline canvas looks empty: ${JSON.stringify(px)}`);
      });
      await page.close();
    } finally {
      for (const line of report) console.log(`  note ${line}`);
      await engine.close().catch(() => {});
      if (server) await server.close();
      await web.close();
      await xvfb.close();
    }
  });
}

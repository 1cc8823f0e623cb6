// The accessibility mirror: the questionnaire completed through role-based locators only (as a screen reader
// would, with real HTML buttons and radios), a live region announcing screens, and axe-core finding no serious
// or critical violation.
import { readFile } from 'node:fs/promises';
import { serve, launch, waitReady, settle, state, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

// Activates a mirror control the way assistive technology does: focus it, press Enter.
async function activate(page, role, name) {
  const control = page.locator('#mn-mirror').getByRole(role, { name, exact: true }).first();
  await control.waitFor({ state: 'attached', timeout: 10000 });
  await control.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  await settle(page);
}

await run('accessibility mirror', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    // bypassCSP only so axe-core can be injected; the app itself runs under its normal policy in other tests.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);

    await check('the mirror shows the home screen as headings, text and buttons', async () => {
      const mirror = page.locator('#mn-mirror');
      assert(await mirror.getByRole('heading', { level: 1, name: 'Thinking about microneedling?' }).count() === 1, 'no h1');
      assert(await mirror.getByRole('button', { name: 'Am I a candidate?' }).count() >= 1, 'no candidacy button');
      assert(await mirror.getByRole('radio', { name: 'EN' }).getAttribute('aria-checked') === 'true', 'language state missing');
    });

    await check('the questionnaire can be completed with role-based locators only', async () => {
      await activate(page, 'button', 'Am I a candidate?');
      assert((await state(page)).screen === 'candidacy', 'did not open the questionnaire');
      await activate(page, 'radio', '45–59');
      await activate(page, 'radio', 'No');
      const checked = await page.locator('#mn-mirror').getByRole('radio', { name: '45–59' }).getAttribute('aria-checked');
      assert(checked === 'true', 'the answer is not reported as checked');
      for (let i = 0; i < 5; i++) await activate(page, 'button', 'Next');
      await activate(page, 'button', 'See my results');
      const mirror = page.locator('#mn-mirror');
      assert(await mirror.getByRole('heading', { name: 'Your results' }).count() === 1, 'no results heading');
      assert(await mirror.getByRole('heading', { name: 'Microneedling', exact: true }).count() === 1, 'no microneedling result');
      const live = await page.locator('#mn-live').textContent();
      assert(live === 'Your results', `live region says "${live}"`);
    });

    await check('axe-core finds no serious or critical violation', async () => {
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert(bad.length === 0, JSON.stringify(bad));
    });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

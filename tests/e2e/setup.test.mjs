// The clinic setup page (setup.html, issue 19): the editor beside the patient app as a preview. Typing in a field
// changes the preview at once (its Estimate prices); a wrong value shows the validator's message and cannot be
// saved; undo; Save downloads a clinic.json that `navigator validate` accepts; the page has no serious axe-core
// violation.
import { readFile } from 'node:fs/promises';
import { serve, launch, waitReady, settle, navigatorCli, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const cli = navigatorCli('mn-setup-');
const axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

const itemsIn = (frame) => frame.evaluate(() => JSON.parse(Module.UTF8ToString(Module._mn_items_json())));
const stateOf = (frame) => frame.evaluate(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())));

await run('clinic setup', async (check) => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + 'setup.html');
    const editorBox = async () => page.locator('#editor').boundingBox();
    let editor = null, preview = null;

    // The widget named `label` in the editor, scrolled into view with the mouse wheel, then clicked.
    async function clickField(label, nth = 0) {
      for (let i = 0; i < 60; i++) {
        const box = await editorBox();
        const hits = (await itemsIn(editor)).filter((it) => it.name === label || it.label === label);
        const it = hits[nth];
        if (it && it.visible && it.y > 10 && it.y + it.h < box.height - 10) {
          await page.mouse.click(box.x + it.x + Math.min(it.w - 8, it.w / 2 + 150), box.y + it.y + it.h / 2);
          await settle(editor);
          return it;
        }
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, it && it.y < 10 ? -200 : 200);
        await settle(editor);
      }
      throw new Error(`no field "${label}" in the editor`);
    }
    const previewEstimate = () => preview.evaluate(() =>
      window.MicroneedlingNavigator.estimate({ concerns: [{ id: 'dullness', severity: 2 }] }, 'chemical_peel_superficial', '2027-03-01', 'en'));

    await check('the editor and the preview start with the site\'s clinic', async () => {
      editor = page.frames().find((f) => /[?&]setup=1/.test(f.url()));
      preview = page.frames().find((f) => /[?&]preview=1/.test(f.url()));
      assert(editor && preview, 'the page has no editor or no preview frame');
      await waitReady(editor);
      await waitReady(preview);
      const names = (await itemsIn(editor)).map((i) => i.name);
      assert(names.includes('Clinic name') && names.includes('Save clinic.json'), names.join(' | '));
      const e = await previewEstimate();
      assert(e.costs.base_price.high === 225, JSON.stringify(e.costs.base_price));
    });

    await check('typing a price changes the preview\'s estimate at once', async () => {
      await clickField('Highest', 3);  // the light chemical peel's (microneedling, with PRP, RF, then it)
      await page.keyboard.press('End');
      await page.keyboard.type('0');
      await settle(editor);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 2250; i++) await page.waitForTimeout(100);
      const e = await previewEstimate();
      assert(e.costs.base_price.high === 2250, `the preview shows ${JSON.stringify(e.costs.base_price)}`);
    });

    await check('a wrong value shows the validator\'s message and cannot be saved; undo puts it right', async () => {
      await clickField('Currency (e.g. USD, CAD, EUR)');
      await page.keyboard.press('End');
      await page.keyboard.type('X');
      await settle(editor);
      const mirror = await editor.evaluate(() => document.getElementById('mn-mirror')?.innerText || '');
      assert(/1 problem\(s\) to fix before saving/.test(mirror), `no problem count shown: ${mirror.slice(0, 400)}`);
      // The message under the field is the one navigator validate gives for the same value.
      let cliMessage = '';
      try { cli(['validate', '@input'], { currency: 'CADX' }); } catch (e) { cliMessage = String(e.stdout || '') + String(e.stderr || ''); }
      const line = cliMessage.split('\n').find((l) => l.includes('/currency: '));
      assert(line && mirror.includes(line.slice(line.indexOf('/currency: ') + 11).trim()),
        `validate says "${line}", the editor: ${mirror.slice(0, 600)}`);
      let downloaded = false;
      page.once('download', () => { downloaded = true; });
      await clickField('Save clinic.json');
      await page.waitForTimeout(800);
      assert(!downloaded, 'an invalid configuration was saved');
      await clickField('Undo');
      const mirrorAfter = await editor.evaluate(() => document.getElementById('mn-mirror')?.innerText || '');
      assert(/ready to save/.test(mirrorAfter), mirrorAfter.replace(/\n/g, ' / ').slice(0, 1200));
    });

    await check('Save downloads clinic.json, which navigator validate accepts, with the new price', async () => {
      const download = page.waitForEvent('download');
      await clickField('Save clinic.json');
      const file = await download;
      assert(file.suggestedFilename() === 'clinic.json', file.suggestedFilename());
      const path = cli.scratch + '/saved-clinic.json';
      await file.saveAs(path);
      const text = await readFile(path, 'utf8');
      const saved = JSON.parse(text);
      const price = saved.treatments.chemical_peel_superficial.price;
      assert(price.high === 2250 && price.low === 150, JSON.stringify(price));
      cli(['validate', path]);  // throws unless it exits 0
    });

    await check('the page passes axe-core with no serious or critical violation', async () => {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
      });
      assert(violations.length === 0, violations.join(' | '));
      assert(errors.length === 0, errors.join(' | '));
    });
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
});

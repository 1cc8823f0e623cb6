// The clinic setup page (setup.html, issue 19): the editor beside the patient app as a preview. Typing in a field
// changes the preview at once (its Estimate prices, its colour); a wrong value shows the validator's message and
// cannot be saved; undo; Save downloads a clinic.json that `navigator validate` accepts; a file picked or dropped
// opens (a broken one is refused, nothing lost); unsaved work survives a reload and can be discarded; the page has no
// serious axe-core violation.
import { readFile, writeFile } from 'node:fs/promises';
import { serve, launch, waitReady, settle, navigatorCli, canvasStats, run, assert } from './lib.mjs';

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
      await clickField('Light (superficial) chemical peel: Highest');
      await page.keyboard.press('End');
      await page.keyboard.type('0');
      await settle(editor);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 2250; i++) await page.waitForTimeout(100);
      const e = await previewEstimate();
      assert(e.costs.base_price.high === 2250, `the preview shows ${JSON.stringify(e.costs.base_price)}`);
    });

    await check('a wrong value shows the validator\'s message and cannot be saved; undo puts it right', async () => {
      await clickField('Currency, as a three-letter code (e.g. USD, CAD, EUR)');
      await page.keyboard.press('End');
      await page.keyboard.type('X');
      await settle(editor);
      const mirror = await editor.evaluate(() => document.getElementById('mn-mirror')?.innerText || '');
      assert(/Problems to fix before saving: 1\./.test(mirror), `no problem count shown: ${mirror.slice(0, 400)}`);
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

    const mirrorText = () => editor.evaluate(() => document.getElementById('mn-mirror')?.innerText || '');
    const waitMirror = async (re) => {
      for (let i = 0; i < 50 && !re.test(await mirrorText()); i++) await page.waitForTimeout(100);
      const text = await mirrorText();
      assert(re.test(text), `the editor does not say ${re}: ${text.replace(/\n/g, ' / ').slice(0, 800)}`);
    };

    await check('a colour typed in the editor is drawn in the preview', async () => {
      const box = await page.locator('#preview').boundingBox();
      const plum = { min: [0x6a, 0x10, 0x5b], max: [0x8a, 0x2f, 0x7b] };  // #7A1F6B, give or take
      const before = await canvasStats(page, { clip: box, match: plum });
      await clickField('Main colour, as a hex code (e.g. #1F5F6B)');
      await page.keyboard.press('End');
      for (let i = 0; i < 7; i++) await page.keyboard.press('Backspace');
      await page.keyboard.type('#7A1F6B');
      await settle(editor);
      let after = before;
      for (let i = 0; i < 50 && after.matching < 200; i++) {
        await page.waitForTimeout(100);
        after = await canvasStats(page, { clip: box, match: plum });
      }
      assert(before.matching < 20 && after.matching >= 200, `plum pixels in the preview: ${before.matching} before, ${after.matching} after`);
    });

    await check('a clinic.json picked with Open replaces unsaved changes only after a yes; a broken one is refused', async () => {
      const good = cli.scratch + '/lakeside.json', broken = cli.scratch + '/broken.json';
      const lakeside = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
      lakeside.clinic.name = 'Lakeside Skin';
      lakeside.treatments.chemical_peel_superficial.price = { low: 111, typical: 122, high: 133 };
      await writeFile(good, JSON.stringify(lakeside));
      await writeFile(broken, '{"clinic": {"name": "Half');
      await page.setInputFiles('#open-file', good);
      await waitMirror(/Open lakeside\.json\? It replaces the changes you have not saved/);
      await clickField('Replace my changes');
      await waitMirror(/Opened lakeside\.json\./);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 133; i++) await page.waitForTimeout(100);
      assert((await previewEstimate()).costs.base_price.high === 133, 'the preview does not show the opened file');
      await page.setInputFiles('#open-file', broken);
      await waitMirror(/broken\.json could not be opened: .+ Nothing here was changed/);
      assert((await previewEstimate()).costs.base_price.high === 133, 'a refused file changed the preview');
    });

    await check('a clinic.json dropped on the page opens', async () => {
      const dropped = JSON.parse(await readFile(new URL('../../assets/clinic/demo.json', import.meta.url), 'utf8'));
      dropped.treatments.chemical_peel_superficial.price = { low: 140, typical: 150, high: 160 };
      const transfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        return dt;
      }, JSON.stringify(dropped));
      await page.dispatchEvent('.preview', 'drop', { dataTransfer: transfer });
      await waitMirror(/Opened dropped\.json\./);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 160; i++) await page.waitForTimeout(100);
      assert((await previewEstimate()).costs.base_price.high === 160, 'the preview does not show the dropped file');
    });

    await check('unsaved changes survive a reload, say so, and Discard goes back to the site\'s clinic.json', async () => {
      await clickField('Clinic name');
      await page.keyboard.press('End');
      await page.keyboard.type(' East');
      await waitMirror(/kept in this browser, on this computer only/);
      await page.reload();
      editor = page.frames().find((f) => /[?&]setup=1/.test(f.url()));
      preview = page.frames().find((f) => /[?&]preview=1/.test(f.url()));
      await waitReady(editor);
      await waitReady(preview);
      await waitMirror(/your unsaved changes from last time/);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 160; i++) await page.waitForTimeout(100);
      assert((await previewEstimate()).costs.base_price.high === 160, 'the kept work is not in the preview after the reload');
      await clickField('Discard changes');
      await clickField('Replace my changes');
      await waitMirror(/Your changes were discarded/);
      for (let i = 0; i < 50 && (await previewEstimate()).costs.base_price.high !== 225; i++) await page.waitForTimeout(100);
      assert((await previewEstimate()).costs.base_price.high === 225, 'Discard did not go back to the site\'s prices');
      const kept = await editor.evaluate(() => window.localStorage.getItem('mn-setup-draft'));
      assert(kept === null, 'the browser still keeps the discarded work');
    });

    await check('an input method (accents, Korean), an on-screen keyboard, a paste, Tab and a screen reader\'s edit end up in the saved file', async () => {
      await clickField('Address');
      const agentFocused = () => editor.evaluate(() => document.activeElement && document.activeElement.id === 'mn-text-agent');
      assert(await agentFocused(), 'editing a field does not give the text agent the focus');
      await page.keyboard.press('Control+A');  // ImGui's select all: what follows replaces the address
      // Korean through the input method: composing ㅅ → 서 → 서우 → 서울, then committed.
      const cdp = await context.newCDPSession(page);
      for (const text of ['ㅅ', '서', '서우', '서울']) {
        await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      }
      await cdp.send('Input.insertText', { text: '서울' });
      // Letters as an on-screen keyboard gives them (input events, no keypress), then an accented letter composed
      // (a dead key: e, then é).
      await page.keyboard.insertText(' Caf');
      await cdp.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.insertText', { text: 'é' });
      // A paste (as the browser delivers Ctrl+V or the touch menu's Paste to the focused text agent).
      await editor.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', ', Quận 1');
        document.getElementById('mn-text-agent').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await settle(editor);
      // Tab goes on to the next field (the booking page) and edits it at once, its text selected.
      await page.keyboard.press('Tab');
      await settle(editor);
      await page.keyboard.type('https://example.org/book');
      await settle(editor);
      // A screen reader edits the phone in the mirror's text box, committed on change.
      await editor.evaluate(() => {
        const input = document.querySelector('#mn-mirror input[aria-label="Phone"]');
        input.value = '+1 604 555 0199';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle(editor);
      await waitMirror(/ready to save/);
      const download = page.waitForEvent('download');
      await clickField('Save clinic.json');
      const path = cli.scratch + '/typed-clinic.json';
      await (await download).saveAs(path);
      const saved = JSON.parse(await readFile(path, 'utf8'));
      assert(saved.clinic.address === '서울 Café, Quận 1', `address: ${JSON.stringify(saved.clinic.address)}`);
      assert(saved.clinic.booking_url === 'https://example.org/book', `booking page: ${saved.clinic.booking_url}`);
      assert(saved.clinic.phone === '+1 604 555 0199', `phone: ${saved.clinic.phone}`);
      cli(['validate', path]);
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

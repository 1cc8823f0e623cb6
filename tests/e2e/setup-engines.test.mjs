// The setup editor's text fields in Firefox ESR (Gecko) and WebKitGTK (Safari's engine), in real windows on Xvfb
// (tests/e2e/engines.mjs): a click on a field gives the page's text agent the focus, and keys typed there (End,
// letters, an accented letter, Backspace) edit the field, as the accessibility mirror's text box then shows.
import { serve, waitReady, settle, press, run, assert } from './lib.mjs';
import { startXvfb, launchWebKit, launchFirefox } from './engines.mjs';

const dist = process.argv[2] || 'build/web/dist';

await run('setup editor text fields in Firefox and WebKit', async (check) => {
  const server = await serve(dist);
  const xvfb = await startXvfb();
  try {
    for (const launch of [launchFirefox, launchWebKit]) {
      const engine = await launch(xvfb.display);
      try {
        await check(`${engine.name}: typing into a field edits it`, async () => {
          const page = await engine.newPage();
          await page.setViewport(1024, 768);
          await page.goto(server.url + '?setup=1');
          await waitReady(page);
          await press(page, 'Clinic name');
          await settle(page);
          const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
          assert(focused === 'mn-text-agent', `the focus is on "${focused}", not the text agent`);
          if (engine.name === 'firefox') {
            await page.page.keyboard.press('End');
            await page.page.keyboard.type(' Nord é');
            await page.page.keyboard.press('Backspace');
          } else {  // WebDriver key actions: End, the text, Backspace
            const keys = ['\uE010', ...' Nord é', '\uE003'];
            await page.actions([{ type: 'key', id: 'kb', actions: keys.flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]) }]);
          }
          await settle(page);
          let value = '';
          for (let i = 0; i < 30 && value !== 'Harbour Skin Clinic Nord '; i++) {
            value = await page.evaluate(() => document.querySelector('#mn-mirror input[aria-label="Clinic name"]')?.value);
            await page.waitForTimeout(100);
          }
          assert(value === 'Harbour Skin Clinic Nord ', `the field holds ${JSON.stringify(value)}`);
          const errors = await page.errors();
          assert(errors.length === 0, errors.join(' | '));
          await page.close();
        });
      } finally {
        await engine.close();
      }
    }
  } finally {
    await xvfb.close();
    server.close();
  }
});

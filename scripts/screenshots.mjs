// Screenshots of the built app at phone, tablet and desktop sizes: node scripts/screenshots.mjs [dist] [out] [screen...]
// Each screen is reached by pressing its navigation entry, as a person would.
import { serve, launch, openApp, press, settle } from '../tests/e2e/lib.mjs';
import { mkdir } from 'node:fs/promises';

const dist = process.argv[2] || 'build/web/dist';
const out = process.argv[3] || 'build/screenshots';
const query = process.env.QUERY || '';
const screens = process.argv.slice(4);
await mkdir(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
try {
  for (const device of ['phone', 'tablet', 'desktop']) {
    const { context, page, log } = await openApp(browser, device, server.url + query);
    await page.screenshot({ path: `${out}/${device}-home.png` });
    for (const name of screens) {
      await press(page, name, { touch: device !== 'desktop' });
      await settle(page);
      await page.screenshot({ path: `${out}/${device}-${name.replace(/[^a-z0-9]+/gi, '_')}.png` });
    }
    if (log.errors.length) console.log(device, 'console errors:', log.errors);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('screenshots in', out);

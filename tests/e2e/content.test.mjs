// The content that is not compiled into the app (core/content.hpp, language_available): English's comes as a pack
// fetched once the first frame is drawn, so the first frame never waits for it. Until it is there, the screens that
// read it say so; when it cannot be fetched (offline, never cached; a damaged pack) they offer to try again, and
// nothing else breaks: Home works, and the JavaScript API answers that the content is still loading.
import { withBrowser, waitReady, press, findItem, items, state, settle, run, assert, DEVICES } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';
const PACK = /\/content-en\.txt$/;

// A page whose English pack is answered by `handle(route)` (Playwright's routing), opened up to its first frame.
async function openWithPack(browser, handle) {
  const context = await browser.newContext(DEVICES.desktop);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await context.route(PACK, handle);
  await page.addInitScript(() => window.addEventListener('mn-ready', () => { window.mnTestReadyAt = performance.now(); }));
  return { context, page, errors };
}
const assess = (page) => page.evaluate(() => window.MicroneedlingNavigator.assess({ age: 30, concerns: [{ id: 'acne_scars', severity: 2 }] }, 'en'));
const names = async (page) => (await items(page)).map((i) => i.name);

await run('content fetched after the first frame', (check) => withBrowser(dist, async ({ server, browser }) => {
  await check('the English pack is asked for after the first frame, and no other language is fetched', async () => {
    const { context, page } = await openWithPack(browser, (route) => route.continue());
    await page.goto(server.url);
    await waitReady(page);
    const timing = await page.evaluate(() => ({
      ready: window.mnTestReadyAt,
      packs: performance.getEntriesByType('resource').filter((e) => /content-\w+\.txt$/.test(e.name))
        .map((e) => ({ name: e.name.replace(/.*\//, ''), start: e.startTime })),
    }));
    assert(timing.packs.length === 1 && timing.packs[0].name === 'content-en.txt',
      `packs fetched: ${JSON.stringify(timing.packs)}`);
    assert(timing.packs[0].start >= timing.ready, `content-en.txt asked for at ${timing.packs[0].start.toFixed(0)} ms, ` +
      `before the first frame (${timing.ready.toFixed(0)} ms)`);
    await press(page, 'Learn');
    assert((await names(page)).includes('What microneedling is'), 'Learn shows no sections once the content is there');
    await context.close();
  });

  await check('while the pack is on its way: Home works, Learn says it is loading, the API says to wait', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const { context, page, errors } = await openWithPack(browser, async (route) => { await held; await route.continue(); });
    await page.goto(server.url);
    await waitReady(page, 60000, { content: false });
    assert(!(await state(page)).lang_ready, 'lang_ready although the pack is held back');
    const home = await names(page);
    for (const card of ['Learn', 'Am I a candidate?', 'Compare treatments']) assert(home.includes(card), `Home lacks "${card}"`);
    const reply = await assess(page);
    assert(reply.errors && /still loading/.test(reply.errors[0]), `assess() replied ${JSON.stringify(reply)}`);

    await press(page, 'Learn');
    const pending = await names(page);
    assert((await state(page)).screen === 'learn', 'Learn did not open');
    assert(pending.includes('Back to Home') && !pending.includes('Try again'), `pending screen shows ${pending.join(' | ')}`);
    assert(!pending.includes('What microneedling is'), 'Learn sections drawn without their content');

    release();
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready, null,
      { timeout: 10000, polling: 100 });
    await settle(page);
    assert((await names(page)).includes('What microneedling is'), 'Learn did not fill in when the content arrived');
    const after = await assess(page);
    assert(!after.errors, `assess() after arrival: ${JSON.stringify(after.errors)}`);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await context.close();
  });

  for (const [how, handle] of [
    ['cannot be downloaded', (route) => route.abort('internetdisconnected')],
    ['arrives damaged', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'mn-asset-pack 1\ncontent/x.json\n99\n{}' })],
  ]) {
    await check(`when the pack ${how}: Learn offers "Try again", which fetches it again and shows Learn`, async () => {
      let fail = true;
      const { context, page, errors } = await openWithPack(browser, (route) => (fail ? handle(route) : route.continue()));
      await page.goto(server.url);
      await waitReady(page, 60000, { content: false });
      await press(page, 'Learn');
      await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_items_json())).some((i) => i.name === 'Try again'),
        null, { timeout: 10000, polling: 100 });
      fail = false;
      await press(page, 'Try again');
      await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._mn_state_json())).lang_ready, null,
        { timeout: 10000, polling: 100 });
      await settle(page);
      assert((await state(page)).screen === 'learn', 'left Learn');
      await findItem(page, 'What microneedling is');
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await context.close();
    });
  }
}));

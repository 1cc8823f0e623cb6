// Navigation people already know: every change of screen is a browser history entry, so the browser's back and
// forward move between screens (and questionnaire steps) and never out of the app by surprise; the address's fragment
// names the place and never an answer; an in-app back ("‹ Home") on every screen below Home; a kiosk keeps one entry.
import { withBrowser, openApp, press, settle, state, run, assert } from './lib.mjs';

const dist = process.argv[2] || 'build/web/dist';

const place = async (page) => (await state(page)).place;
const hash = (page) => page.evaluate(() => location.hash);
async function back(page) {
  await page.evaluate(() => history.back());
  await page.waitForTimeout(150);
  await settle(page);
}
async function forward(page) {
  await page.evaluate(() => history.forward());
  await page.waitForTimeout(150);
  await settle(page);
}

await run('history and back', (check) => withBrowser(dist, async ({ server, browser }) => {
  const { context, page, log } = await openApp(browser, 'phone', server.url);
  const tap = (name) => press(page, name, { touch: true });
  const startLength = await page.evaluate(() => history.length);

  await check('the first place takes the page\'s own entry; each screen change adds one', async () => {
    assert(await hash(page) === '#home', `start ${await hash(page)}`);
    assert(await page.evaluate(() => history.length) === startLength, 'the start added an entry');
    await tap('Learn##tab');
    await tap('Compare##tab');
    assert(await hash(page) === '#compare' && await place(page) === 'compare', await hash(page));
    assert(await page.evaluate(() => history.length) === startLength + 2, 'two screens, two entries');
  });

  await check('back and forward move between screens', async () => {
    await back(page);
    assert(await place(page) === 'learn' && await hash(page) === '#learn', `${await place(page)} ${await hash(page)}`);
    await back(page);
    assert(await place(page) === 'home', await place(page));
    await forward(page);
    assert(await place(page) === 'learn', await place(page));
  });

  await check('questionnaire steps are entries too, and the fragment never holds an answer', async () => {
    await tap('Candidate?##tab');
    await tap('30–44##q.age.2');
    await tap('Next');
    await tap('Yes##q.pregnant.1');
    const stepHash = await hash(page);
    assert(/^#candidacy\/\d+$/.test(stepHash), stepHash);
    await back(page);
    assert(await place(page) === 'candidacy/0', await place(page));
    const url = await page.evaluate(() => location.href);
    assert(!/age|pregnan|30|44|acne|fitz/i.test(url.split('#')[1]), `answers in the address: ${url}`);
    const answers = await page.evaluate(() => window.MicroneedlingNavigator.answersProfile());
    assert(answers.age === 37 && answers.pregnant_or_breastfeeding === true, 'going back lost an answer');
  });

  await check('the in-app back leads one level up on every screen below Home', async () => {
    await tap('Estimate##tab');
    await tap('Back to Compare##back');
    assert(await place(page) === 'compare', await place(page));
    await tap('Back to Home##back');
    assert(await place(page) === 'home', await place(page));
    await tap('My plan##tab');
    await tap('Back to Estimate##back');
    assert(await place(page) === 'estimate', await place(page));
    assert(await hash(page) === '#estimate', await hash(page));
  });

  await check('a fragment that names a place opens it; one that names nothing is ignored', async () => {
    await page.evaluate(() => { location.hash = 'learn'; });
    await page.waitForTimeout(150);
    await settle(page);
    assert(await place(page) === 'learn', await place(page));
    await page.evaluate(() => { location.hash = 'nowhere/at/all'; });
    await page.waitForTimeout(150);
    await settle(page);
    assert(await place(page) === 'learn', `moved to ${await place(page)}`);
    assert(log.errors.length === 0, log.errors.join(' | '));
  });
  await context.close();

  await check('a kiosk keeps a single history entry', async () => {
    const kiosk = await openApp(browser, 'tablet', server.url + '?mode=kiosk');
    const length = await kiosk.page.evaluate(() => history.length);
    await press(kiosk.page, 'Touch to start', { touch: true });
    await press(kiosk.page, 'Learn##nav', { touch: true }).catch(() => press(kiosk.page, 'Learn##tab', { touch: true }));
    assert(await kiosk.page.evaluate(() => history.length) === length, 'the kiosk added history entries');
    await kiosk.context.close();
  });
}));

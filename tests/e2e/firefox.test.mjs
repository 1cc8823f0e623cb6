// The app in Firefox ESR (Gecko) over WebDriver BiDi (puppeteer-core), in a real window on Xvfb: see
// tests/e2e/engine-suite.mjs for what is checked.
import { engineSuite } from './engine-suite.mjs';

await engineSuite('firefox', process.argv[2] || 'build/web/dist');

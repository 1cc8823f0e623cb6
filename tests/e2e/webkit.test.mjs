// The app in WebKit (Safari's engine: every browser on iPhone and iPad) through WebKitGTK's MiniBrowser and
// WebKitWebDriver, in a real window on Xvfb: see tests/e2e/engine-suite.mjs for what is checked.
import { engineSuite } from './engine-suite.mjs';

await engineSuite('webkit', process.argv[2] || 'build/web/dist');

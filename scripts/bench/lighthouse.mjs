// Lighthouse (npm `lighthouse`, the CLI) against a served page with Debian's Chromium: headless, no sandbox, and the
// SwiftShader/networking flags of tests/e2e/lib.mjs. Mobile is Lighthouse's default; desktop is --preset=desktop.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
export const lighthouseVersion = () => JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;

// Runs Lighthouse once; resolves to the parsed report (the JSON is also kept at `out`). Rejects when Lighthouse
// itself fails (no report): that is a failure to measure. A page that gets no score (e.g. NO_LCP) is not.
export async function lighthouse(url, preset, out) {
  mkdirSync(dirname(out), { recursive: true });
  const args = [CLI, url, '--output=json', `--output-path=${out}`, '--quiet', `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`, '--max-wait-for-load=60000'];
  if (preset === 'desktop') args.push('--preset=desktop');
  const stderr = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    throw new Error(`lighthouse (${preset}) on ${url} exited with ${code} and wrote no report:\n${Buffer.concat(stderr).toString().slice(-2000)}`);
  }
  return summarise(report);
}

// Scores, the main metrics, and what Lighthouse says to fix (for the page we own).
function summarise(r) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, r.categories[c]?.score ?? null]));
  const audit = (id) => r.audits[id];
  const metric = (id) => audit(id)?.numericValue ?? null;
  const metrics = {
    fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'), speedIndexMs: metric('speed-index'), ttiMs: metric('interactive'),
  };
  const perfIds = new Set((r.categories.performance?.auditRefs || []).map((a) => a.id));
  const savingsMs = (a) => a.details?.overallSavingsMs ?? a.metricSavings?.LCP ?? a.metricSavings?.FCP ?? 0;
  const opportunities = Object.values(r.audits)
    .filter((a) => perfIds.has(a.id) && a.score !== null && a.score < 1 && (a.details?.type === 'opportunity' || savingsMs(a) > 0))
    .map((a) => ({ id: a.id, title: a.title, savingsMs: Math.round(savingsMs(a)), savingsBytes: a.details?.overallSavingsBytes ?? null, display: a.displayValue || '' }))
    .sort((a, b) => b.savingsMs - a.savingsMs || (b.savingsBytes || 0) - (a.savingsBytes || 0));
  const diagnostics = Object.values(r.audits)
    .filter((a) => perfIds.has(a.id) && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'manual'
      && a.details?.type !== 'opportunity' && !opportunities.some((o) => o.id === a.id) && !/^(first|largest)-contentful-paint$|^speed-index$|^total-blocking-time$|^cumulative-layout-shift$|^interactive$/.test(a.id))
    .map((a) => ({ id: a.id, title: a.title, display: a.displayValue || '' }));
  const failed = {};
  for (const c of CATEGORIES.slice(1)) {
    failed[c] = (r.categories[c]?.auditRefs || []).map((ref) => audit(ref.id))
      .filter((a) => a && a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => ({ id: a.id, title: a.title }));
  }
  // Why a category has no score (a canvas-only page: NO_LCP, nothing contentful was painted).
  const scoreError = r.runtimeError?.code || (scores.performance === null
    ? ['largest-contentful-paint', 'first-contentful-paint', 'speed-index'].map((id) => audit(id)?.errorMessage).find(Boolean) || 'no score'
    : null);
  return { scores, metrics, opportunities, diagnostics, failed, runtimeError: scoreError,
    warnings: r.runWarnings || [], lighthouseVersion: r.lighthouseVersion, userAgent: r.environment?.hostUserAgent || '' };
}

#!/usr/bin/env node
// The widget benchmark: what the embed script costs a host page, measured in headless Chromium (Debian's
// /usr/bin/chromium through the widget package's playwright-core). Not a test, and not run by CI.
//
// 1. Script on load: a plain host page on its own origin is loaded LOADS times without and LOADS times with the
//    widget's script tag (alternating, each in a fresh browser context, so nothing is cached), and Chromium's
//    main-thread ScriptDuration (CDP Performance.getMetrics) is read SETTLE_MS after the load event. The
//    widget's cost is the difference of the medians. Goal: at most 10 ms.
// 2. Launcher to interactive: on a page with the widget loaded, a real mouse click on the launcher; the time from
//    the click's pointerdown to the first frame painted with the panel open and its input enabled, once the
//    main thread is free again. Median of LOADS fresh pages.
//
// Usage: node bench/widget/run.mjs [path to concierge.jar]   (default: target/concierge.jar, else bootstrap/target/concierge.jar)
//        LOADS=21 SETTLE_MS=1500 CPU_THROTTLE=4 node bench/widget/run.mjs
// Needs: npm ci in widget/ (for playwright-core), Java 17+, Chromium at /usr/bin/chromium (or CONCIERGE_CHROMIUM).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, launchChromium } from '../../widget/e2e/support/browser.mjs';
import { serveHostPages } from '../../widget/e2e/support/host-pages.mjs';
import { freePort, startConcierge } from '../../widget/e2e/support/server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const LOADS = Number(process.env.LOADS ?? 15);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1500);
const CPU_THROTTLE = Number(process.env.CPU_THROTTLE ?? 1);

const jar = process.argv[2] ?? [`${repo}target/concierge.jar`, `${repo}bootstrap/target/concierge.jar`].find((p) => existsSync(p));
if (jar === undefined || !existsSync(jar)) {
  console.error('No concierge.jar: build it with the README\'s run command, or pass its path.');
  process.exit(1);
}
process.env.CONCIERGE_JAR = jar;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const log = (line) => process.stderr.write(`${line}\n`);

const hostPort = await freePort();
const hostOrigin = `http://127.0.0.1:${hostPort}`;
log(`starting ${jar}`);
const concierge = await startConcierge({ extraOrigins: [hostOrigin] });
const hosts = await serveHostPages(concierge.origin, [hostPort]);
const browser = await launchChromium();

/** Loads `path` in a fresh context and returns Chromium's main-thread metrics, in ms, SETTLE_MS after load. */
async function measureLoad(path, withWidget) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (CPU_THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await page.goto(`${hostOrigin}${path}`, { waitUntil: 'load' });
    // Nothing of the harness runs in the page until the metrics are read, so both variants carry the same overhead.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const rendered = await page.evaluate(() => document.getElementById('concierge-widget')?.shadowRoot?.querySelector('[data-part="launcher"]') != null);
    if (rendered !== withWidget) throw new Error(`${path}: the widget was ${rendered ? '' : 'not '}rendered`);
    return {
      script: metric('ScriptDuration'),
      task: metric('TaskDuration'),
      layout: metric('LayoutDuration') + metric('RecalcStyleDuration'),
    };
  } finally {
    await context.close();
  }
}

/** From the launcher's pointerdown to the first painted frame with the panel open and usable, in ms. */
async function measureOpen() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (CPU_THROTTLE > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    }
    await page.goto(`${hostOrigin}/plain`, { waitUntil: 'load' });
    const launcher = page.locator('[data-part="launcher"]');
    await launcher.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const root = document.getElementById('concierge-widget')?.shadowRoot;
      if (!root) throw new Error('no widget root');
      const w = /** @type {any} */ (window);
      w.__benchOpen = new Promise((resolve) => {
        let clickedAt = -1;
        root.addEventListener('pointerdown', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
        const check = () => {
          const panel = root.querySelector('[data-part="panel"]');
          const input = root.querySelector('[data-part="input"]');
          const open = clickedAt >= 0 && panel instanceof HTMLElement && !panel.hidden && panel.getBoundingClientRect().height > 0
            && input instanceof HTMLTextAreaElement && !input.disabled && input.getBoundingClientRect().height > 0;
          if (!open) {
            requestAnimationFrame(check);
            return;
          }
          // This frame shows the panel; a message posted now runs after it is painted, once the thread is free.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - clickedAt);
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(check);
      });
    });
    await launcher.click();
    return await page.evaluate(() => /** @type {any} */ (window).__benchOpen);
  } finally {
    await context.close();
  }
}

/**
 * One traced load of the page with the widget: how long the renderer's main thread spent evaluating widget.js
 * (its top-level code, up to the configuration request) and in calls into widget.js afterwards (the answer's
 * handling, rendering, timers), in ms, from Chromium's trace events.
 */
async function traceLoad() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8'] });
    await page.goto(`${hostOrigin}/plain`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
    const fromWidget = (e) => String(e.args?.data?.url ?? '').endsWith('/widget.js');
    const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && fromWidget(e));
    if (evaluation === undefined) throw new Error('no evaluation of widget.js in the trace');
    const sameThread = (e) => e.pid === evaluation.pid && e.tid === evaluation.tid && e.ph === 'X';
    const calls = events.filter((e) => sameThread(e) && e.name === 'FunctionCall' && fromWidget(e));
    return { evaluate: evaluation.dur / 1000, calls: calls.reduce((sum, e) => sum + e.dur, 0) / 1000 };
  } finally {
    await context.close();
  }
}

try {
  log('warming up (not counted)');
  await measureLoad('/no-widget', false);
  await measureLoad('/plain', true);
  await measureOpen();

  const without = [];
  const withWidget = [];
  const opens = [];
  for (let i = 1; i <= LOADS; i++) {
    without.push(await measureLoad('/no-widget', false));
    withWidget.push(await measureLoad('/plain', true));
    opens.push(await measureOpen());
    const last = (list) => list[list.length - 1];
    log(`load ${i}/${LOADS}: script ${ms(last(without).script)} without, ${ms(last(withWidget).script)} with; open ${ms(last(opens))}`);
  }

  const traces = [];
  for (let i = 0; i < 5; i++) traces.push(await traceLoad());

  const m = (list, key) => median(list.map((x) => x[key]));
  const scriptCost = m(withWidget, 'script') - m(without, 'script');
  const bundle = `${repo}widget/target/classes/static/widget.js`;
  const bundleSize = existsSync(bundle) ? `${readFileSync(bundle).length} bytes, ${gzipSync(readFileSync(bundle), { level: 9 }).length} gzipped (widget/target)` : 'not built here';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

  console.log(`#### Widget benchmark ${new Date().toISOString().slice(0, 10)}`);
  console.log('');
  console.log(`Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0].toFixed(1)} at the end; ${chromiumVersion}, headless; ` +
    `CPU throttling ${CPU_THROTTLE}×; commit ${commit}; widget.js ${bundleSize}. Medians of ${LOADS} loads each, ` +
    `fresh browser context per load, metrics read ${SETTLE_MS} ms after the load event.`);
  console.log('');
  console.log('| Figure | Without widget | With widget | Widget costs | Goal |');
  console.log('|---|---:|---:|---:|---:|');
  const fewest = (list, key) => Math.min(...list.map((x) => x[key]));
  console.log(`| Main-thread script on load (ScriptDuration) | ${ms(m(without, 'script'))} | ${ms(m(withWidget, 'script'))} (min ${ms(fewest(withWidget, 'script'))}) | ${ms(scriptCost)} ${scriptCost <= 10 ? '✓' : '✗'} | ≤ 10 ms |`);
  console.log(`| … of which evaluating widget.js (trace, 5 loads) | | ${ms(m(traces, 'evaluate'))} | | |`);
  console.log(`| … of which calls into widget.js after that (trace, 5 loads) | | ${ms(m(traces, 'calls'))} | | |`);
  console.log(`| Main-thread tasks on load (TaskDuration) | ${ms(m(without, 'task'))} | ${ms(m(withWidget, 'task'))} | ${ms(m(withWidget, 'task') - m(without, 'task'))} | |`);
  console.log(`| Style and layout on load | ${ms(m(without, 'layout'))} | ${ms(m(withWidget, 'layout'))} | ${ms(m(withWidget, 'layout') - m(without, 'layout'))} | |`);
  console.log(`| Launcher click to panel interactive | | ${ms(median(opens))} (min ${ms(Math.min(...opens))}, max ${ms(Math.max(...opens))}) | | |`);
} finally {
  await browser.close();
  await hosts.close();
  await concierge.stop();
}

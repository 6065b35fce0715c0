/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/core/host/headless-host';
import { startConsoleRuntime, type ConsoleRuntime } from '../../src/main/core/runtime';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'bench-operator-token-0123456789';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface UiBench {
  runtime: ConsoleRuntime;
  host: HeadlessHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * The real console (store on a fresh file, embedded Engine, scheduler) behind the headless
 * host serving the built window, and Debian's Chromium showing it at 1366x768, as the e2e
 * tests run it.
 */
export async function startUiBench(options: { embeddedCapacity?: number } = {}): Promise<UiBench> {
  // UI_BENCH_RENDERER names another build of the window (another commit's out/renderer) to measure it against this one.
  const staticDir = process.env['UI_BENCH_RENDERER'] ?? join(ROOT, 'out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'deduction-ui-bench-'));
  const runtime = await startConsoleRuntime({
    dbFile: join(dir, 'bench.sqlite'),
    migrationsDir: join(ROOT, 'migrations'),
    appName: 'Deduction Console',
    version: 'bench',
    ...(options.embeddedCapacity === undefined ? {} : { embeddedCapacity: options.embeddedCapacity }),
  });
  const host = await startHeadlessHost({ apiFor: (session) => runtime.apiFor(session.operator, session.role), events: runtime.events, tokens: { operator: TOKEN }, staticDir });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${host.url}/#token=${TOKEN}`);
  return {
    runtime,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts recording the time between animation frames in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { deltas: [] as number[], running: true };
    (window as unknown as { __frames: typeof state }).__frames = state;
    let last = performance.now();
    const tick = (now: number) => {
      state.deltas.push(now - last);
      last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

/** Stops recording and returns the frame times, ms. */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { __frames: { deltas: number[]; running: boolean } }).__frames;
    state.running = false;
    return state.deltas;
  });
}

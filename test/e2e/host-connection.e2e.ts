import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { io as connect } from 'socket.io-client';
import type { CallResult } from '../../src/shared/api/errors';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';

const OPERATOR_TOKEN = 'connection-e2e-operator-0123456789';
const ENGINE_TOKEN = 'connection-e2e-engine-0123456789';

/** Real `deduction serve` and `deduction engine` processes, killed and started again on their ports. */
const children = new Set<ChildProcessWithoutNullStreams>();
let dir: string;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deduction-connection-e2e-'));
});
test.afterEach(async () => {
  await Promise.all([...children].map((child) => kill(child)));
  rmSync(dir, { recursive: true, force: true });
});

async function start(args: string[], pattern: RegExp): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawnCli(args);
  children.add(child);
  const [, url] = await waitForOutput(child, pattern);
  return { child, url: url! };
}

const startHost = (port: number) => start(['serve', '--port', String(port), '--db', join(dir, 'console.sqlite'), '--token', OPERATOR_TOKEN], /served at (http:\/\/\S+)/);
const startEngine = (port: number) => start(['engine', '--port', String(port), '--token', ENGINE_TOKEN, '--id', 'engine-a'], /listening on (http:\/\/\S+)/);

/** SIGKILL: the process gets no chance to say goodbye, as when a machine or a process dies. */
async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitOf(child);
  child.kill('SIGKILL');
  await exited;
}

async function callHost(url: string, method: string, args: unknown[]): Promise<unknown> {
  const socket = connect(url, { auth: { token: OPERATOR_TOKEN }, transports: ['websocket'] });
  try {
    const outcome = await new Promise<CallResult>((resolve) => socket.emit(HOST_SOCKET.call, method, args, resolve));
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result;
  } finally {
    socket.close();
  }
}

/** Milliseconds until `check` passes, polled; recorded beside the test, never asserted. */
async function timed(check: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await check();
  return Date.now() - started;
}

const status = (page: Page) => page.getByTestId('connection-status');

test('the window says when its host or an Engine goes away, greys what it shows, fails calls at once, and comes back by itself', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const engine = await startEngine(0);
  const enginePort = Number(new URL(engine.url).port);
  const host = await startHost(0);
  const hostPort = Number(new URL(host.url).port);
  // The console drives the standalone Engine from its next start on.
  await callHost(host.url, 'updateSettings', [{ engines: { mode: 'remote', endpoints: [{ name: 'engine-a', url: engine.url, token: ENGINE_TOKEN }] } }]);

  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${host.url}/#token=${OPERATOR_TOKEN}`);
  await page.getByTestId('nav-tasks').click();
  await expect(status(page)).toHaveAttribute('data-phase', 'connected');
  await expect(status(page)).toContainText(/Host connected · \d+ ms/);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  // The host dies: the window says so, greys the live figures and refuses calls at once.
  await kill(host.child);
  const hostLoss = await timed(() => expect(page.getByTestId('connection-banner')).toBeVisible({ timeout: 15_000 }));
  await expect(status(page)).toHaveAttribute('data-phase', 'lost');
  await expect(page.getByTestId('connection-banner')).toContainText('Connection to the console host lost.');
  await expect(page.getByTestId('connection-banner')).toContainText(/frozen as of \d\d:\d\d:\d\d and greyed out/);
  expect(await page.getByTestId('dashboard').evaluate((element) => getComputedStyle(element).filter)).toContain('grayscale');
  await page.screenshot({ path: testInfo.outputPath('host-lost-dashboard-en.png') });

  await page.getByTestId('nav-editor').click();
  await page.getByTestId('toolbar-open').click();
  const openFailure = await timed(() => expect(page.getByTestId('open-dialog').getByRole('alert')).toContainText('the console host cannot be reached', { timeout: 15_000 }));
  await page.screenshot({ path: testInfo.outputPath('host-lost-open-en.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('connection-banner')).toContainText('与控制台主机的连接已断开。');
  await expect(status(page)).toContainText('主机连接于');
  await page.screenshot({ path: testInfo.outputPath('host-lost-dashboard-zh-CN.png') });
  await page.getByTestId('language-select').selectOption('en');

  // The host comes back on its port: the window reconnects by itself and reads afresh.
  await startHost(hostPort);
  const hostBack = await timed(() => expect(status(page)).toHaveAttribute('data-phase', 'connected', { timeout: 30_000 }));
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
  expect(await page.getByTestId('dashboard').evaluate((element) => getComputedStyle(element).filter)).toBe('none');
  await expect(page.getByTestId('engine-links')).toHaveAttribute('data-connected', '1', { timeout: 15_000 });
  await expect(page.getByTestId('engine-card')).toHaveAttribute('data-status', 'connected');
  // What failed while the host was away is read again; no stale failure stays on screen.
  await expect(page.getByTestId('dashboard').getByRole('alert')).toHaveCount(0);

  // The Engine dies: the status bar names it, wherever the operator is looking.
  await kill(engine.child);
  const engineLoss = await timed(() => expect(page.getByTestId('engine-links')).toHaveAttribute('data-connected', '0', { timeout: 15_000 }));
  await expect(page.getByTestId('engine-links')).toContainText(/engine-a: (Reconnecting|Down)/);
  await page.screenshot({ path: testInfo.outputPath('engine-lost-en.png') });

  // And comes back on its port.
  await startEngine(enginePort);
  await expect(page.getByTestId('engine-links')).toHaveAttribute('data-connected', '1', { timeout: 30_000 });
  await expect(page.getByTestId('engine-links')).not.toContainText('engine-a:');

  testInfo.annotations.push({ type: 'times (ms)', description: `host loss shown after ${hostLoss}, Open… failed after ${openFailure}, reconnected after ${hostBack}, Engine loss shown after ${engineLoss}` });
});

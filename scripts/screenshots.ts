/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import type { ConsoleApi, ConsoleMethodName } from '../src/shared/api/contract';
import type { CallResult } from '../src/shared/api/errors';
import { HOST_SOCKET } from '../src/shared/api/host-protocol';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../src/shared/workflow/definition';
import launch from '../test/e2e/chromium.json' with { type: 'json' };

/**
 * `npm run screenshots`: every screen of the window, in both languages at both sizes, into one
 * folder to be looked at. It starts `deduction serve` on a fresh database, seeds it through the
 * ConsoleApi (a template, a finished task with failures, a running one, a large one, an
 * environment, a trigger, an operator, a backup), and drives Debian's Chromium with the e2e
 * suite's flags (test/e2e/chromium.json). Options: --out <dir> (test-results/screenshots),
 * --languages en,zh-CN, --sizes 1366x768,1920x1080.
 */
/** This file runs bundled, from out/screenshots/. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OPERATOR_TOKEN = 'screenshots-operator-token-0123456789';
const VIEWER_TOKEN = 'screenshots-viewer-token-0123456789';
const ENDED = ['completed', 'failed', 'stopped'];

function option(args: readonly string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? (args[index + 1] as string) : fallback;
}

const sim = (nodeId: string, parentId: string, durationMs: number, extra: Partial<WorkflowNodeDefinition> = {}, failTimes = 0): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'agent', parentId, agentLoad: 'sim', agentConfig: { steps: 4, outcome: 'completed', failTimes, durationMs }, ...extra }) as WorkflowNodeDefinition;
const box = (nodeId: string, parentId: string | null, children: string[], name?: string): WorkflowNodeDefinition =>
  ({ nodeId, nodeType: 'container', ...(parentId === null ? { isRoot: true } : { parentId }), ...(name ? { containerName: name } : {}), children }) as WorkflowNodeDefinition;

/** Reconnaissance, a strike that depends on it (one agent fails, its follower is skipped), an assessment. */
function drill(name: string, durationMs: number): WorkflowDefinition {
  const after = (...sources: string[]) => ({ dependencies: sources.map((sourceNodeId) => ({ sourceNodeId, type: 'success' as const })) });
  const nodes = [
    box('drill', null, ['recon', 'strike', 'assess'], '推演 · Drill'),
    box('recon', 'drill', ['radar', 'satellite', 'patrol'], 'Reconnaissance'),
    sim('radar', 'recon', durationMs, { name: '雷达侦察 Radar sweep' }),
    sim('satellite', 'recon', durationMs * 1.5, { name: 'Satellite pass' }),
    sim('patrol', 'recon', durationMs, { name: 'Coastal patrol' }),
    box('strike', 'drill', ['plan', 'wave-1', 'wave-2', 'wave-3'], 'Strike'),
    sim('plan', 'strike', durationMs, { name: 'Plan the strike', ...after('radar', 'satellite') }),
    sim('wave-1', 'strike', durationMs, { name: 'Wave 1', ...after('plan') }),
    sim('wave-2', 'strike', durationMs, { name: 'Wave 2', ...after('plan') }, 1),
    sim('wave-3', 'strike', durationMs, { name: 'Wave 3', ...after('wave-2') }),
    box('assess', 'drill', ['score', 'brief'], 'Assessment'),
    sim('score', 'assess', durationMs, { name: 'Score the round', ...after('wave-1', 'patrol') }),
    sim('brief', 'assess', durationMs, { name: 'Briefing', ...after('score') }),
  ];
  return { name, version: '1.0.0', description: 'A drill of three phases for screenshots.', nodes };
}

/** Six sectors of forty agents: more than a wall screen can show one by one. */
function sectors(name: string, durationMs: number): WorkflowDefinition {
  const groups = Array.from({ length: 6 }, (_, g) => `sector-${g + 1}`);
  const nodes: WorkflowNodeDefinition[] = [box('theatre', null, groups, 'Theatre')];
  groups.forEach((groupId, g) => {
    const ids = Array.from({ length: 40 }, (_, i) => `s${g + 1}-unit-${i + 1}`);
    nodes.push(box(groupId, 'theatre', ids, `Sector ${g + 1}`));
    ids.forEach((id, i) => nodes.push(sim(id, groupId, durationMs * (1 + (i % 5)), {}, g === 2 && i < 3 ? 1 : 0)));
  });
  return { name, version: '1.0.0', nodes };
}

class Host {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly socket: Socket,
  ) {}

  /** `deduction serve` on a free port, its own database in `dir`. */
  static async start(dir: string): Promise<Host> {
    const child = spawn(process.execPath, [join(ROOT, 'bin/deduction.mjs'), 'serve', '--port', '0', '--db', join(dir, 'screens.sqlite'), '--engine-wait', '0'], {
      env: { ...process.env, DEDUCTION_TOKEN: OPERATOR_TOKEN, DEDUCTION_VIEWER_TOKEN: VIEWER_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`deduction serve did not start in 30 s:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /served at (http:\/\/\S+)/.exec(output);
        if (found) {
          clearTimeout(timer);
          done(found[1] as string);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => fail(new Error(`deduction serve exited (${code}):\n${output}`)));
    });
    const socket = connect(url, { auth: { token: OPERATOR_TOKEN }, transports: ['websocket'] });
    return new Host(url, child, socket);
  }

  async call<M extends ConsoleMethodName>(method: M, ...args: Parameters<ConsoleApi[M]>): Promise<Awaited<ReturnType<ConsoleApi[M]>>> {
    const outcome = await new Promise<CallResult>((done) => this.socket.emit(HOST_SOCKET.call, method, args, done));
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
    return outcome.result as Awaited<ReturnType<ConsoleApi[M]>>;
  }

  async close(): Promise<void> {
    this.socket.close();
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGINT');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

interface Seed {
  template: string;
  finished: string;
  running: string;
  large: string;
}

async function seed(host: Host): Promise<Seed> {
  const template = drill('Strait crossing drill', 800);
  const saved = await host.call('saveTemplate', { definition: template });
  if (!saved.ok) throw new Error('the store refused the screenshots template');
  const { task_id: finished } = await host.call('createTask', drill('Drill, finished', 300));
  await host.call('startTask', finished);
  const { task_id: running } = await host.call('createTask', drill('Drill, running', 600_000));
  await host.call('startTask', running);
  const { task_id: large } = await host.call('createTask', sectors('Theatre, six sectors', 2_000));
  await host.call('startTask', large);
  await host.call('createEnvironment', { name: 'Lab cluster', description: 'Two Engines in the lab', engines: [{ url: 'ws://127.0.0.1:1', token: 'screenshots-engine-token' }] });
  await host.call('createTrigger', { templateName: template.name, spec: { type: 'schedule', cron: '0 3 * * *' } });
  await host.call('saveOperator', { name: 'Li Si', skills: ['planning'], supervisor: true });
  await host.call('backupNow');
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 500))) {
    if (ENDED.includes((await host.call('getTask', finished)).status)) return { template: template.name, finished, running, large };
  }
  throw new Error('the finished task did not end within 60 s');
}

type Shot = (page: Page, name: string) => Promise<void>;

async function go(page: Page, hash: string, testId: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = target), hash);
  await page.getByTestId(testId).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Lets animations and late layouts settle before a picture. */
const settle = (page: Page, ms = 600) => page.waitForTimeout(ms);

async function operatorScreens(page: Page, seeded: Seed, shot: Shot): Promise<void> {
  await go(page, '#/tasks', 'operators');
  await shot(page, '01-dashboard');
  await page.getByTestId('operators').scrollIntoViewIfNeeded();
  await shot(page, '02-dashboard-operators-maintenance');

  await go(page, '#/editor', 'toolbar-open');
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${seeded.template}`).click();
  await page.getByTestId('agent-node-radar').waitFor();
  await shot(page, '03-editor-workflow');

  for (const [task, state] of [
    [seeded.finished, 'finished'],
    [seeded.running, 'running'],
  ] as const) {
    for (const tab of ['tree', 'graph', 'timeline', 'logs', 'charts', 'alerts']) {
      await go(page, `#/tasks/${task}/${tab}`, 'task-monitor');
      // The graph is laid out (ELK) after the tab opens.
      if (tab === 'graph') await page.getByTestId('live-graph').locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
      if (tab === 'charts') await page.getByTestId('resource-charts').locator('.chart-title').first().waitFor({ timeout: 20_000 });
      await shot(page, `04-monitor-${state}-${tab}`);
    }
  }
  await go(page, `#/tasks/${seeded.finished}/tree?node=wave-2`, 'node-detail');
  await shot(page, '05-node-detail');

  await go(page, `#/tasks/${seeded.finished}/tree`, 'task-monitor');
  await page.locator('.report-menu__button').click();
  await shot(page, '06-report-menu');
  await page.keyboard.press('Escape');
  await page.getByTestId('replay-toggle').click();
  await page.getByTestId('replay-bar').waitFor();
  await shot(page, '07-replay');
  await page.getByTestId('replay-toggle').click();

  await page.getByTestId('alert-bell').click();
  await page.getByTestId('alert-dropdown').waitFor();
  await shot(page, '08-alerts-bell');
  await page.getByTestId('alert-settings-open').click();
  await shot(page, '09-alert-settings');
  await page.keyboard.press('Escape');
  await page.reload();

  await go(page, '#/triggers', 'triggers-screen');
  await shot(page, '10-triggers');
  await go(page, '#/environments', 'environments-screen');
  await shot(page, '11-environments');
  await page.getByTestId('backups-section').scrollIntoViewIfNeeded();
  await shot(page, '12-backups');

  for (const [task, state] of [
    [seeded.running, 'running'],
    [seeded.finished, 'finished'],
    [seeded.large, 'large'],
  ] as const) {
    await go(page, `#/tasks/${task}/graph?present=1`, 'wall-graph');
    await page.locator('.wall-card').first().waitFor();
    await shot(page, `13-present-${state}`);
  }
  await page.getByTestId('present-exit').click();
}

async function viewerScreens(page: Page, seeded: Seed, shot: Shot): Promise<void> {
  await go(page, '#/editor', 'read-only-badge');
  await shot(page, '20-viewer-editor');
  await go(page, '#/tasks', 'operators');
  await shot(page, '21-viewer-dashboard');
  await go(page, `#/tasks/${seeded.running}/graph`, 'task-monitor');
  await shot(page, '22-viewer-task');
}

async function session(browser: Browser, host: Host, token: string, language: string, size: { width: number; height: number }, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: size });
  await context.addInitScript((lang) => {
    localStorage.setItem('deduction-console-language', lang);
    localStorage.setItem('deduction-console-theme', 'light');
  }, language);
  const page = await context.newPage();
  try {
    await page.goto(`${host.url}/#token=${token}`);
    await run(page);
  } finally {
    await context.close();
  }
}

export async function main(args: string[]): Promise<number> {
  const out = resolve(option(args, '--out', join(ROOT, 'test-results/screenshots')));
  const languages = option(args, '--languages', 'en,zh-CN').split(',');
  const sizes = option(args, '--sizes', '1366x768,1920x1080')
    .split(',')
    .map((size) => {
      const [width, height] = size.split('x').map(Number);
      if (!width || !height) throw new Error(`--sizes: "${size}" is not WIDTHxHEIGHT`);
      return { width, height };
    });
  if (!existsSync(join(ROOT, 'out/renderer/index.html')) || !existsSync(join(ROOT, 'out/node/cli.js'))) {
    console.error('out/renderer or out/node is missing: run `npm run build` first');
    return 1;
  }
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'deduction-screenshots-'));
  const host = await Host.start(dir);
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? launch.executablePath, args: launch.args });
  // Interrupted, it still stops the host it started (Chromium ends with its pipe).
  const interrupted = () => void host.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let count = 0;
  try {
    const seeded = await seed(host);
    for (const language of languages) {
      for (const size of sizes) {
        const folder = join(out, `${language}-${size.width}x${size.height}`);
        mkdirSync(folder, { recursive: true });
        const shot: Shot = async (page, name) => {
          await settle(page);
          await page.screenshot({ path: join(folder, `${name}.png`) });
          count++;
        };
        await session(browser, host, OPERATOR_TOKEN, language, size, (page) => operatorScreens(page, seeded, shot));
        await session(browser, host, VIEWER_TOKEN, language, size, (page) => viewerScreens(page, seeded, shot));
        console.log(`${language} ${size.width}x${size.height}: done`);
      }
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${count} screenshots in ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return 0;
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { randomSessionId } from '../../src/main/core/engine/console-session';
import { EngineClient } from '../../src/main/core/engine/engine-client';
import type { StartNodeCommand } from '../../src/shared/engine/protocol';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';
import { recordingIo } from '../helpers/cli-io';
import { EventLog, recordingLogger, ref } from '../helpers/engine';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
const children: ReturnType<typeof spawnCli>[] = [];
const clients: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

const TOKEN = 'policy-engine-token-0123';
const start = (nodeId: string, config: Record<string, unknown>): StartNodeCommand => ({ ...ref(nodeId), agentLoad: 'script', config: config as StartNodeCommand['config'], parentId: null });
const writesMarker = (marker: string): string => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;

async function engine(args: string[]): Promise<{ client: EngineClient; log: EventLog; commands: string }> {
  const child = spawnCli(['engine', '--port', '0', '--token', TOKEN, ...args]);
  children.push(child);
  const [, url, commands] = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)[^]*commands: ([^\n]*)\n/);
  const client = new EngineClient({ url: url!, token: TOKEN, consoleSession: randomSessionId(), logger: recordingLogger() });
  clients.push(client);
  const log = new EventLog(client);
  await client.connect();
  return { client, log, commands: commands! };
}

describe('deduction engine --allow-command / --command-policy', () => {
  it('runs the commands its operator allows and refuses the rest, with COMMAND_REFUSED, before anything runs', async () => {
    const dir = tempDir();
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ allow: ['/usr/bin/printf'] }));
    const { client, log, commands } = await engine(['--allow-command', 'sh', '--command-policy', policy]);
    expect(commands).toBe('sh, /usr/bin/printf');
    const marker = join(dir, 'pwned');
    await client.startNode(start('allowed', { command: 'sh', args: ['-c', 'echo hi > out.txt'], cwd: dir }));
    await client.startNode(start('refused', { command: 'touch', args: [marker] }));
    await client.startNode(start('eval-node', { script: `--eval=${writesMarker(marker)}`, interpreter: 'node' }));
    await client.startNode(start('eval-sh', { script: `--eval=${writesMarker(marker)}` }));
    await client.startNode(start('node-options', { command: 'sh', args: ['-c', 'true'], env: { NODE_OPTIONS: `--eval=${writesMarker(marker)}` } }));
    expect(await log.ended('allowed')).toMatchObject({ status: 'completed', exitCode: 0 });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('hi\n');
    expect(await log.ended('refused')).toMatchObject({
      status: 'failed',
      errorCode: 'COMMAND_REFUSED',
      errorMessage: expect.stringMatching(new RegExp(`^touch \\(.*touch\\) is not allowed by this Engine's command policy \\(--allow-command and the policy file ${policy}\\): it allows sh, /usr/bin/printf$`)),
    });
    expect(await log.ended('eval-node')).toMatchObject({ status: 'failed', errorCode: 'COMMAND_REFUSED', errorMessage: expect.stringMatching(/^node \(inline script\)/) });
    expect(await log.ended('eval-sh')).toMatchObject({ status: 'failed', errorCode: 'EXIT_CODE' });
    expect(await log.ended('node-options')).toMatchObject({ status: 'failed', errorCode: 'ENV_REFUSED' });
    expect(existsSync(marker)).toBe(false);
  });

  it('runs no command at all without either option, and refuses an unusable policy with exit 2', async () => {
    const { client, log, commands } = await engine([]);
    expect(commands).toBe('none allowed (--allow-command, --command-policy)');
    await client.startNode(start('sh', { command: 'sh', args: ['-c', 'true'] }));
    expect(await log.ended('sh')).toMatchObject({ status: 'failed', errorCode: 'COMMAND_REFUSED', errorMessage: expect.stringMatching(/so this Engine runs no commands/) });

    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, '{"allow": "df"}');
    const refused = spawnCli(['engine', '--port', '0', '--token', TOKEN, '--command-policy', bad]);
    children.push(refused);
    let stderr = '';
    refused.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(refused)).toBe(2);
    expect(stderr).toMatch(/deduction engine: --command-policy .*bad\.json: allow: .*expected array/);
  });
});

describe('--eval and NODE_OPTIONS payloads in a workflow file', () => {
  it('do not run on the embedded Engine either: the node fails and nothing was executed', async () => {
    const dir = tempDir();
    const marker = join(dir, 'pwned');
    const evil = join(dir, 'evil.cjs');
    writeFileSync(evil, writesMarker(marker));
    const payload = `--eval=${writesMarker(marker)}`;
    const file = join(dir, 'payloads.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'payloads',
        nodes: [
          { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['as-script', 'as-node', 'box'] },
          { nodeId: 'as-script', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: payload } },
          { nodeId: 'as-node', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: payload, interpreter: 'node' } },
          { nodeId: 'box', nodeType: 'container', parentId: 'root', containerConfig: { env: { NODE_OPTIONS: `--require=${evil}` } }, children: ['inside'] },
          { nodeId: 'inside', nodeType: 'agent', parentId: 'box', agentLoad: 'script', agentConfig: { interpreter: 'node', script: "console.log('hello')" } },
        ],
      }),
    );
    const db = join(dir, 'db.sqlite');
    const io = recordingIo();
    expect(await main(['run', file, '--db', db, '--json'], io)).toBe(1);
    const store = new BetterSqlite3(db, { readonly: true });
    const rows = store.prepare('SELECT node_id, status, error_code FROM node_execution ORDER BY node_id').all() as Array<{ node_id: string; status: string; error_code: string | null }>;
    store.close();
    const byNode = Object.fromEntries(rows.map((row) => [row.node_id, [row.status, row.error_code]]));
    expect(byNode).toMatchObject({ 'as-script': ['failed', 'EXIT_CODE'], 'as-node': ['failed', 'EXIT_CODE'], box: ['failed', 'ENV_REFUSED'] });
    expect(byNode['inside']?.[0]).not.toBe('completed');
    expect(existsSync(marker)).toBe(false);
  }, 60_000);
});

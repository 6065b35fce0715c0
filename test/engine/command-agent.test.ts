import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findOnPath } from '../../src/engine/agents/program-path';
import { LOCAL_USER_POLICY, type CommandPolicy } from '../../src/engine/command-policy';
import type { NodeLogEvent, NodeProgressEvent, StartNodeCommand } from '../../src/shared/engine/protocol';
import { EventLog, ref, TASK, TEST_CATALOG, useEngines } from '../helpers/engine';
import { useTempDirs } from '../helpers/temp';

const engines = useEngines();
const tempDir = useTempDirs();
const HANG = join(TEST_CATALOG, 'hang.mjs');

async function setup(commandPolicy: CommandPolicy = LOCAL_USER_POLICY) {
  const engine = await engines.engine({ commandPolicy, killGraceMs: 200 });
  const client = engines.client(engine.url);
  const log = new EventLog(client);
  await client.connect();
  return { client, log };
}

const start = (nodeId: string, config: Record<string, unknown>, extra: Partial<StartNodeCommand> = {}): StartNodeCommand => ({
  ...ref(nodeId),
  agentLoad: 'script',
  config: config as StartNodeCommand['config'],
  parentId: null,
  ...extra,
});

const logLines = (log: EventLog, nodeId: string): string[] =>
  log.events.filter((event): event is NodeLogEvent => event.type === 'node.log' && event.nodeId === nodeId).map((event) => event.message);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A script that, were it ever run, would leave `marker` behind. */
const writesMarker = (marker: string): string => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;

describe('the command agent runs what its config names', () => {
  it('runs command with args without a shell, in cwd: sh -c really writes out.txt there', async () => {
    const { client, log } = await setup();
    const dir = tempDir();
    await client.startNode(start('write', { command: 'sh', args: ['-c', 'echo hi > out.txt'], cwd: dir }));
    expect(await log.ended('write')).toMatchObject({ status: 'completed', exitCode: 0 });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('hi\n');
  });

  it('passes args as an argv: spaces, quotes, $ and globs arrive intact, nothing is split or expanded', async () => {
    const { client, log } = await setup();
    const args = ['a b', `it's "quoted"`, '$HOME', '*', '$(id)', '; echo injected', ''];
    await client.startNode(start('argv', { command: 'node', args: ['-e', "console.log('::result ' + JSON.stringify(process.argv.slice(1)))", ...args] }));
    expect(await log.ended('argv')).toMatchObject({ status: 'completed', result: args });
    await client.startNode(start('printf', { command: 'printf', args: ['%s|', 'a b', '$(id)', '; echo injected'] }));
    await log.ended('printf');
    expect(logLines(log, 'printf')).toEqual(['a b|$(id)|; echo injected|']);
  });

  it('gives the program its config as one JSON line on stdin and reads the line protocol from it', async () => {
    const { client, log } = await setup();
    const script = ['read -r config', 'echo "::progress 0.5 half way"', 'echo "plain line"', 'echo "::warn careful" >&2', `printf '::result %s\\n' "$config"`].join('\n');
    await client.startNode(start('proto', { script, answer: 42 }));
    const end = await log.ended('proto');
    expect(end).toMatchObject({ status: 'completed', result: { script, answer: 42 } });
    const progress = log.events.filter((event): event is NodeProgressEvent => event.type === 'node.progress' && event.nodeId === 'proto');
    expect(progress.map((event) => [event.progress, event.message])).toEqual([[0.5, 'half way']]);
    const lines = log.events.filter((event): event is NodeLogEvent => event.type === 'node.log' && event.nodeId === 'proto');
    expect(lines.map((event) => [event.level, event.stream, event.message])).toEqual([
      ['info', 'stdout', 'plain line'],
      ['warn', 'stderr', 'careful'],
    ]);
  });

  it('runs inline scripts from a private temporary file, removed afterwards: sh, bash, node, and python3 where installed', async () => {
    const { client, log } = await setup();
    const node = ["import { statSync } from 'node:fs';", "console.log('::result ' + JSON.stringify({ file: process.argv[1], mode: statSync(process.argv[1]).mode & 0o777, arg: process.argv[2] }))"].join('\n');
    await client.startNode(start('node-script', { interpreter: 'node', script: node, args: ['--not-an-option-of-node'] }));
    const ran = await log.ended('node-script');
    expect(ran).toMatchObject({ status: 'completed', result: { mode: 0o600, arg: '--not-an-option-of-node' } });
    const file = (ran.result as { file: string }).file;
    expect(file).toMatch(/deduction-script-[^/]+\/script\.mjs$/);
    expect(existsSync(dirname(file))).toBe(false);

    await client.startNode(start('sh-script', { script: 'echo "::result \\"$0\\""' }));
    const sh = await log.ended('sh-script');
    expect(sh).toMatchObject({ status: 'completed', result: expect.stringMatching(/script\.sh$/) });
    expect(existsSync(sh.result as string)).toBe(false);

    await client.startNode(start('bash-script', { interpreter: 'bash', script: 'words=(one two); echo "::result ${#words[@]}"' }));
    expect(await log.ended('bash-script')).toMatchObject({ status: 'completed', result: 2 });

    await client.startNode(start('py-script', { interpreter: 'python3', script: 'import json, sys\nconfig = json.loads(sys.stdin.readline())\nprint("::result " + json.dumps(config["n"] * 2))', n: 21 }));
    const python = await log.ended('py-script');
    if (findOnPath('python3')) expect(python).toMatchObject({ status: 'completed', result: 42 });
    else expect(python).toMatchObject({ status: 'failed', errorCode: 'INTERPRETER_UNAVAILABLE' });
  });

  it('fails before running when the interpreter is not installed, naming it', async () => {
    const { client, log } = await setup();
    vi.stubEnv('PATH', tempDir());
    try {
      await client.startNode(start('pwsh', { interpreter: 'pwsh', script: 'Write-Output hi' }));
      expect(await log.ended('pwsh')).toMatchObject({
        status: 'failed',
        errorCode: 'INTERPRETER_UNAVAILABLE',
        errorMessage: "the script's interpreter pwsh is not installed on this Engine's host (not on its PATH)",
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fails on a non-zero exit code, with the last stderr line in the message', async () => {
    const { client, log } = await setup();
    await client.startNode(start('fail', { command: 'sh', args: ['-c', 'echo first >&2; echo "disk full" >&2; exit 4'] }));
    expect(await log.ended('fail')).toMatchObject({ status: 'failed', exitCode: 4, errorCode: 'EXIT_CODE', errorMessage: 'sh exited with code 4: disk full' });
  });

  it('runs one line of shell only when shell: true, its args as $1, $2', async () => {
    const { client, log } = await setup();
    const dir = tempDir();
    await client.startNode(start('shell', { command: 'echo "$1" | tr a-z A-Z > upper.txt', shell: true, args: ['loud'], cwd: dir }));
    expect(await log.ended('shell')).toMatchObject({ status: 'completed' });
    expect(readFileSync(join(dir, 'upper.txt'), 'utf8')).toBe('LOUD\n');
    await client.startNode(start('no-shell', { command: 'echo hi > out.txt', cwd: dir }));
    expect(await log.ended('no-shell')).toMatchObject({ status: 'failed', errorCode: 'SPAWN_FAILED', errorMessage: "cannot start echo hi > out.txt: no such program on this Engine's host" });
    expect(existsSync(join(dir, 'out.txt'))).toBe(false);
  });

  it('ends the whole process tree at its timeoutMs, a grandchild that ignores SIGTERM included', async () => {
    const { client, log } = await setup();
    await client.startNode(start('hang', { command: 'node', args: [HANG], timeoutMs: 1500 }));
    const pids = await log.waitFor(
      () => {
        const lines = logLines(log, 'hang');
        const child = lines.map((line) => /^child (\d+)$/.exec(line)?.[1]).find(Boolean);
        const grandchild = lines.map((line) => /^grandchild (\d+)$/.exec(line)?.[1]).find(Boolean);
        return child && grandchild ? [Number(child), Number(grandchild)] : undefined;
      },
      15_000,
      'the pids of hang',
    );
    expect(pids.map(isAlive)).toEqual([true, true]);
    expect(await log.ended('hang')).toMatchObject({ status: 'timeout', errorCode: 'TIMEOUT', errorMessage: 'timed out after 1500 ms' });
    await vi.waitFor(() => expect(pids.map(isAlive)).toEqual([false, false]), { timeout: 5000, interval: 50 });
  });

  it('refuses a config that is not one of command or script, or a command that looks like an option', async () => {
    const { client, log } = await setup();
    await client.startNode(start('neither', { args: ['x'] }));
    await client.startNode(start('both', { command: 'sh', script: 'echo hi' }));
    await client.startNode(start('dash', { command: '--eval=1' }));
    await client.startNode(start('nowhere', { command: 'sh', cwd: '/no/such/folder' }));
    expect(await log.ended('neither')).toMatchObject({ status: 'failed', errorCode: 'INVALID_CONFIG', errorMessage: 'command config command: give either command (a program) or script (inline script text)' });
    expect(await log.ended('both')).toMatchObject({ status: 'failed', errorCode: 'INVALID_CONFIG', errorMessage: 'command config script: give command or script, not both' });
    expect(await log.ended('dash')).toMatchObject({ status: 'failed', errorCode: 'INVALID_CONFIG', errorMessage: expect.stringMatching(/starts with "-": a program name, not an option/) });
    expect(await log.ended('nowhere')).toMatchObject({ status: 'failed', errorCode: 'INVALID_CONFIG', errorMessage: "command config cwd: /no/such/folder is not a folder on this Engine's host" });
  });
});

describe('the environment of a command', () => {
  it('holds the config env and an allowlist of the Engine’s own, never its secrets', async () => {
    vi.stubEnv('DEDUCTION_ENGINE_TOKEN', 'engine-secret-token');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'cloud-secret');
    try {
      const { client, log } = await setup();
      const script = "console.log('::result ' + JSON.stringify(process.env))";
      await client.startNode(start('env', { interpreter: 'node', script, env: { GREETING: 'hello' } }));
      const env = (await log.ended('env')).result as Record<string, string>;
      expect(env).toMatchObject({ GREETING: 'hello', DEDUCTION_NODE_ID: 'env', DEDUCTION_TASK_ID: TASK, DEDUCTION_BATCH: '1', PATH: process.env['PATH'] });
      expect(env['DEDUCTION_ENGINE_TOKEN']).toBeUndefined();
      expect(env['AWS_SECRET_ACCESS_KEY']).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses NODE_OPTIONS, LD_PRELOAD and the like from a node’s config or a container, before anything runs', async () => {
    const { client, log } = await setup();
    const dir = tempDir();
    const evil = join(dir, 'evil.cjs');
    const marker = join(dir, 'pwned');
    writeFileSync(evil, writesMarker(marker));
    const node = { interpreter: 'node', script: "console.log('harmless')" };
    await client.startNode(start('node-options', { ...node, env: { NODE_OPTIONS: `--require=${evil}` } }));
    await client.startNode(start('preload', { command: 'true', env: { LD_PRELOAD: join(dir, 'evil.so') } }));
    await client.startNode(start('bash-env', { script: 'true', env: { BASH_ENV: evil } }));
    expect(await log.ended('node-options')).toMatchObject({ status: 'failed', errorCode: 'ENV_REFUSED', errorMessage: 'config.env: NODE_OPTIONS can make a program run code it was not given, so workflows may not set it' });
    expect(await log.ended('preload')).toMatchObject({ status: 'failed', errorCode: 'ENV_REFUSED' });
    expect(await log.ended('bash-env')).toMatchObject({ status: 'failed', errorCode: 'ENV_REFUSED' });

    await client.submitTask({
      requestType: 1,
      taskId: TASK,
      body: [
        { id: 'root', isBox: true, father: null, isRoot: true, containerConfig: {} },
        { id: 'box', isBox: true, father: 'root', isRoot: false, containerConfig: { env: { NODE_OPTIONS: `--require=${evil}` } } },
        { id: 'inside', isBox: false, father: 'box', isRoot: false, agentLoad: 'script', agentConfig: node },
      ],
    });
    await client.initContainer({ ...ref('box'), containerConfig: { env: { NODE_OPTIONS: `--require=${evil}` } } });
    const box = await log.waitFor(() => log.statuses('box').find((event) => event.status === 'failed'), 10_000, 'box failed');
    expect(box).toMatchObject({ errorCode: 'ENV_REFUSED', errorMessage: 'containerConfig env: NODE_OPTIONS can make a program run code it was not given, so workflows may not set it' });
    await client.startNode(start('inside', node, { parentId: 'box' }));
    expect(await log.ended('inside')).toMatchObject({ status: 'failed', errorCode: 'CONTAINER_FAILED' });
    expect(existsSync(marker)).toBe(false);
  });
});

describe("the Engine's command policy", () => {
  const policy: CommandPolicy = { allow: ['sh', '/usr/bin/print*', 'docker:alpine:*'], origin: '--allow-command' };

  it('refuses what it does not allow with COMMAND_REFUSED, naming the command and the policy, before anything runs', async () => {
    const { client, log } = await setup(policy);
    const dir = tempDir();
    const marker = join(dir, 'ran');
    await client.startNode(start('node', { interpreter: 'node', script: writesMarker(marker) }));
    await client.startNode(start('touch', { command: 'touch', args: [marker] }));
    await client.startNode(start('path', { command: '/bin/touch', args: [marker] }));
    await client.startNode(start('image', { command: 'touch', args: [marker], docker: { image: 'busybox' } }));
    expect(await log.ended('node')).toMatchObject({
      status: 'failed',
      errorCode: 'COMMAND_REFUSED',
      errorMessage: expect.stringMatching(/^node \(inline script\) \(.*\) is not allowed by this Engine's command policy \(--allow-command\): it allows sh, \/usr\/bin\/print\*, docker:alpine:\*$/),
    });
    expect(await log.ended('touch')).toMatchObject({ status: 'failed', errorCode: 'COMMAND_REFUSED', errorMessage: expect.stringMatching(/^touch \(\/.*touch\) is not allowed/) });
    expect(await log.ended('path')).toMatchObject({ status: 'failed', errorCode: 'COMMAND_REFUSED', errorMessage: expect.stringMatching(/^\/bin\/touch is not allowed/) });
    expect(await log.ended('image')).toMatchObject({ status: 'failed', errorCode: 'COMMAND_REFUSED', errorMessage: expect.stringMatching(/^docker image busybox is not allowed/) });
    expect(logLines(log, 'touch')).toEqual([expect.stringMatching(/^COMMAND_REFUSED: touch/)]);
    expect(existsSync(marker)).toBe(false);
  });

  it('runs what it allows: a name, a path glob, a script of an allowed interpreter', async () => {
    const { client, log } = await setup(policy);
    const dir = tempDir();
    await client.startNode(start('sh', { command: 'sh', args: ['-c', 'echo ok > sh.txt'], cwd: dir }));
    await client.startNode(start('printf', { command: 'printf', args: ['%s', 'by path'] }));
    await client.startNode(start('script', { script: 'echo from-script > script.txt', cwd: dir }));
    expect(await log.ended('sh')).toMatchObject({ status: 'completed' });
    expect(await log.ended('printf')).toMatchObject({ status: 'completed' });
    expect(await log.ended('script')).toMatchObject({ status: 'completed' });
    expect(readFileSync(join(dir, 'sh.txt'), 'utf8')).toBe('ok\n');
    expect(readFileSync(join(dir, 'script.txt'), 'utf8')).toBe('from-script\n');
  });

  it('refuses every command on an Engine started without a policy', async () => {
    const engine = await engines.engine({ killGraceMs: 200 });
    const client = engines.client(engine.url);
    const log = new EventLog(client);
    await client.connect();
    await client.startNode(start('sh', { command: 'sh', args: ['-c', 'true'] }));
    expect(await log.ended('sh')).toMatchObject({
      status: 'failed',
      errorCode: 'COMMAND_REFUSED',
      errorMessage: expect.stringMatching(/no --allow-command or --command-policy was given, so this Engine runs no commands/),
    });
  });
});

describe('--eval payloads in a config', () => {
  it('never run: not as an inline script, not through a manifest placeholder', async () => {
    const { client, log } = await setup();
    const fixtures = await engines.engine({ commandPolicy: LOCAL_USER_POLICY, catalogDir: TEST_CATALOG });
    const fixtureClient = engines.client(fixtures.url);
    const fixtureLog = new EventLog(fixtureClient);
    await fixtureClient.connect();
    const marker = join(tempDir(), 'pwned');
    const payload = `--eval=${writesMarker(marker)}`;
    await client.startNode(start('as-sh', { script: payload }));
    await client.startNode(start('as-node', { script: payload, interpreter: 'node' }));
    await fixtureClient.startNode({ ...ref('placeholder'), agentLoad: 'lines', config: { label: payload }, parentId: null });
    expect(await log.ended('as-sh')).toMatchObject({ status: 'failed', errorCode: 'EXIT_CODE' });
    expect(await log.ended('as-node')).toMatchObject({ status: 'failed', errorCode: 'EXIT_CODE', exitCode: 1 });
    expect(logLines(log, 'as-node')).toEqual(expect.arrayContaining([expect.stringMatching(/^SyntaxError: /)]));
    expect(await fixtureLog.ended('placeholder')).toMatchObject({
      status: 'failed',
      errorCode: 'INVALID_CONFIG',
      errorMessage: expect.stringMatching(/^config\.label is "--eval=.*": a value starting with "-" would be read as an option of \{node\}, so it is refused$/),
    });
    expect(existsSync(marker)).toBe(false);
  });
});

describe('docker runs', () => {
  it('fail with DOCKER_UNAVAILABLE where no docker program is on the PATH', async () => {
    const { client, log } = await setup();
    vi.stubEnv('PATH', tempDir());
    try {
      await client.startNode(start('docker', { command: 'echo', args: ['hi'], docker: { image: 'alpine:3' } }));
      expect(await log.ended('docker')).toMatchObject({
        status: 'failed',
        errorCode: 'DOCKER_UNAVAILABLE',
        errorMessage: "docker image alpine:3 was asked for, and there is no docker program on this Engine's PATH",
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('run as docker run --rm -i IMAGE with the env by name and the script mounted; a daemon that is not there is DOCKER_UNAVAILABLE', async () => {
    const { client, log } = await setup();
    const bin = tempDir();
    const fake = join(bin, 'docker');
    // Prints its argv, then fails as the docker client does without a daemon.
    writeFileSync(fake, '#!/bin/sh\nfor arg in "$@"; do echo "arg $arg"; done\necho "client env GREETING=$GREETING"\necho "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2\n[ "$1" = run ] && exit 125\n');
    chmodSync(fake, 0o755);
    vi.stubEnv('PATH', `${bin}:${process.env['PATH']}`);
    try {
      await client.startNode(start('in-docker', { script: 'echo hi', interpreter: 'sh', args: ['x y'], env: { GREETING: 'hello' }, docker: { image: 'alpine:3' } }));
      expect(await log.ended('in-docker')).toMatchObject({
        status: 'failed',
        exitCode: 125,
        errorCode: 'DOCKER_UNAVAILABLE',
        errorMessage: expect.stringMatching(/^docker cannot run alpine:3 on this Engine's host: Cannot connect to the Docker daemon/),
      });
      const argv = logLines(log, 'in-docker').filter((line) => line.startsWith('arg ')).map((line) => line.slice(4));
      expect(argv.slice(0, 4)).toEqual(['run', '--rm', '-i', '--init']);
      expect(argv.join(' ')).toMatch(/ -e GREETING -e DEDUCTION_TASK_ID -e DEDUCTION_NODE_ID -e DEDUCTION_BATCH -v \S+deduction-script-\S+:\/deduction-script:ro alpine:3 /);
      expect(argv.slice(-4)).toEqual(['alpine:3', 'sh', '/deduction-script/script.sh', 'x y']);
      expect(argv.join(' ')).not.toContain('hello');
      expect(logLines(log, 'in-docker')).toContain('client env GREETING=hello');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import { allows, refusal, type CommandSubject } from '../command-policy';
import type { Interpreter } from '../../shared/engine/interpreters';
import { commandConfigSchema, type CommandConfig } from './command-config';
import { checkWorkflowEnv, DOCKER_CLIENT_ENV, inheritedEnv } from './env-filter';
import { refuse, type PreparedLaunch } from './launch';
import { processIdentity } from './manifest-command';
import { nodeRuntime } from './node-runtime';
import { findOnPath, isExecutable } from './program-path';
import { describeIssue, type AgentRun } from './types';
import { errorText } from '../../shared/error-text';

const SCRIPT_FILE: Record<Interpreter, { file: string; flags: string[] }> = {
  sh: { file: 'script.sh', flags: [] },
  bash: { file: 'script.sh', flags: [] },
  // Unbuffered, so that ::progress lines arrive as they are printed.
  python3: { file: 'script.py', flags: ['-u'] },
  node: { file: 'script.mjs', flags: [] },
  pwsh: { file: 'script.ps1', flags: ['-NoProfile', '-NonInteractive', '-File'] },
};
/** Where a script's folder is mounted inside a docker container. */
const DOCKER_SCRIPT_DIR = '/deduction-script';
const DOCKER_WORK_DIR = '/work';

/** A program as the Engine found it: its executable, and what else it needs in its env. */
type Found = { file: string; env?: Record<string, string> } | null;

/**
 * The command agent: the node's config names what runs (a program and its argv, an inline
 * script and its interpreter, or either inside a docker image). Checked in this order before
 * anything starts: the config, the environment it asks for, the Engine's command policy,
 * then whether the program exists on this host.
 */
export function prepareCommandLaunch(run: AgentRun): PreparedLaunch {
  const parsed = commandConfigSchema.safeParse(run.config);
  if (!parsed.success) return refuse(NODE_ERROR_CODES.invalidConfig, `command config ${describeIssue(parsed.error.issues)}`);
  const config = parsed.data;
  const envProblem = checkWorkflowEnv(run.env, 'the container env') ?? checkWorkflowEnv(config.env, 'config.env');
  if (envProblem) return refuse(NODE_ERROR_CODES.envRefused, envProblem);
  if (config.shell && process.platform === 'win32' && config.args.length > 0) {
    return refuse(NODE_ERROR_CODES.invalidConfig, 'command config args: with shell: true on Windows, write the arguments into command');
  }
  const base = run.cwd ?? process.cwd();
  const cwd = config.cwd === undefined ? base : resolve(base, config.cwd);
  if (!isFolder(cwd)) return refuse(NODE_ERROR_CODES.invalidConfig, `command config cwd: ${cwd} is not a folder on this Engine's host`);
  return config.docker ? dockerLaunch(run, config, config.docker.image, cwd) : hostLaunch(run, config, cwd);
}

function hostLaunch(run: AgentRun, config: CommandConfig, cwd: string): PreparedLaunch {
  const { subject, found, missing } = program(config, cwd);
  if (!allows(run.commandPolicy, subject)) return refuse(NODE_ERROR_CODES.commandRefused, refusal(run.commandPolicy, subject));
  if (!found) return refuse(missing.code, missing.message);
  const env = { ...inheritedEnv(), ...run.manifest.env, ...run.env, ...config.env, ...processIdentity(run), ...found.env };
  if (config.script !== undefined) {
    const interpreter = config.interpreter ?? 'sh';
    const written = writeScript(config.script, interpreter);
    if (!written.ok) return refuse(NODE_ERROR_CODES.spawnFailed, written.message);
    return {
      ok: true,
      launch: {
        file: found.file,
        args: [...SCRIPT_FILE[interpreter].flags, written.file, ...config.args],
        cwd,
        env,
        label: `${interpreter} script`,
        cleanup: written.remove,
      },
    };
  }
  const command = config.command!;
  if (config.shell) {
    if (process.platform === 'win32') {
      return { ok: true, launch: { file: found.file, args: ['/d', '/s', '/c', `"${command}"`], windowsVerbatimArguments: true, cwd, env, label: 'shell command' } };
    }
    return { ok: true, launch: { file: found.file, args: ['-c', command, 'sh', ...config.args], cwd, env, label: 'shell command' } };
  }
  return { ok: true, launch: { file: found.file, args: config.args, cwd, env, label: command } };
}

/** What the policy judges, and where the program is (or why it is not there). */
function program(config: CommandConfig, cwd: string): { subject: CommandSubject; found: Found; missing: { code: string; message: string } } {
  if (config.script !== undefined) {
    const interpreter = config.interpreter ?? 'sh';
    const node = interpreter === 'node' ? nodeRuntime() : null;
    const found = node ? (node.ok ? { file: node.file, env: node.env } : null) : onPath(interpreter);
    const why = node && !node.ok ? node.message : `the script's interpreter ${interpreter} is not installed on this Engine's host (not on its PATH)`;
    return {
      subject: withPath({ shown: `${interpreter} (inline script)`, name: interpreter }, found),
      found,
      missing: { code: NODE_ERROR_CODES.interpreterUnavailable, message: why },
    };
  }
  const command = config.command!;
  if (config.shell) {
    const shell = process.platform === 'win32' ? 'cmd' : 'sh';
    const found = onPath(shell);
    return {
      subject: withPath({ shown: `${shell} (shell: true)`, name: shell }, found),
      found,
      missing: { code: NODE_ERROR_CODES.spawnFailed, message: `shell: true needs ${shell}, which is not on this Engine's PATH` },
    };
  }
  const missing = { code: NODE_ERROR_CODES.spawnFailed, message: `cannot start ${command}: no such program on this Engine's host` };
  if (command === 'node') {
    const node = nodeRuntime();
    const found = node.ok ? { file: node.file, env: node.env } : null;
    return { subject: withPath({ shown: command, name: command }, found), found, missing: node.ok ? missing : { code: NODE_ERROR_CODES.spawnFailed, message: node.message } };
  }
  if (/[\\/]/.test(command)) {
    const path = isAbsolute(command) ? command : resolve(cwd, command);
    return { subject: { shown: command, path }, found: isExecutable(path) ? { file: path } : null, missing };
  }
  const found = onPath(command);
  return { subject: withPath({ shown: command, name: command }, found), found, missing };
}

function dockerLaunch(run: AgentRun, config: CommandConfig, image: string, cwd: string): PreparedLaunch {
  const subject: CommandSubject = { shown: `docker image ${image}`, image };
  if (!allows(run.commandPolicy, subject)) return refuse(NODE_ERROR_CODES.commandRefused, refusal(run.commandPolicy, subject));
  const docker = findOnPath('docker');
  if (!docker) return refuse(NODE_ERROR_CODES.dockerUnavailable, `docker image ${image} was asked for, and there is no docker program on this Engine's PATH`);
  const name = `deduction-${randomBytes(8).toString('hex')}`;
  const passed = { ...run.env, ...config.env, ...processIdentity(run) };
  // `-e NAME` without a value takes it from the docker client's environment: values stay off the command line.
  const options = ['run', '--rm', '-i', '--init', '--name', name, ...Object.keys(passed).flatMap((key) => ['-e', key])];
  const mountsWork = config.cwd !== undefined || run.cwd !== undefined;
  if (mountsWork) options.push('-v', `${cwd}:${DOCKER_WORK_DIR}`, '-w', DOCKER_WORK_DIR);
  let inside: string[];
  let cleanup: (() => void) | undefined;
  let label = `docker image ${image}`;
  if (config.script !== undefined) {
    const interpreter = config.interpreter ?? 'sh';
    const written = writeScript(config.script, interpreter);
    if (!written.ok) return refuse(NODE_ERROR_CODES.spawnFailed, written.message);
    cleanup = written.remove;
    options.push('-v', `${written.dir}:${DOCKER_SCRIPT_DIR}:ro`);
    inside = [interpreter, ...SCRIPT_FILE[interpreter].flags, `${DOCKER_SCRIPT_DIR}/${SCRIPT_FILE[interpreter].file}`, ...config.args];
    label = `${interpreter} script in ${label}`;
  } else if (config.shell) {
    inside = ['sh', '-c', config.command!, 'sh', ...config.args];
  } else {
    inside = [config.command!, ...config.args];
  }
  const env = { ...inheritedEnv(process.env, DOCKER_CLIENT_ENV), ...passed };
  const launch = {
    file: docker,
    args: [...options, image, ...inside],
    cwd,
    env,
    label,
    onAbort: () => {
      spawn(docker, ['rm', '-f', name], { stdio: 'ignore', env: inheritedEnv(process.env, DOCKER_CLIENT_ENV) }).on('error', () => undefined);
    },
    explainFailure: (code: number | null, lastStderr: string) =>
      code === 125 && /docker daemon|docker\.sock|docker_engine/i.test(lastStderr)
        ? { status: 'failed' as const, exitCode: code, errorCode: NODE_ERROR_CODES.dockerUnavailable, errorMessage: `docker cannot run ${image} on this Engine's host: ${lastStderr}` }
        : null,
  };
  return { ok: true, launch: cleanup ? { ...launch, cleanup } : launch };
}

function onPath(name: string): Found {
  const file = findOnPath(name);
  return file ? { file } : null;
}

function withPath(subject: CommandSubject, found: Found): CommandSubject {
  return found ? { ...subject, path: found.file } : subject;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The script in a folder only this user can read, removed once the process has ended. */
function writeScript(text: string, interpreter: Interpreter): { ok: true; dir: string; file: string; remove: () => void } | { ok: false; message: string } {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'deduction-script-'));
    const file = join(dir, SCRIPT_FILE[interpreter].file);
    writeFileSync(file, text, { mode: 0o600 });
    return { ok: true, dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    return { ok: false, message: `cannot write the script to a temporary file: ${errorText(error)}` };
  }
}

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import type { LogLevel } from '../../shared/status';
import { parseAgentLine } from './line-protocol';
import { signalProcessTree, terminateProcessTree } from './process-tree';
import { sampleProcess } from './resource-sampler';
import type { AgentOutcome, AgentRun, JsonValue, LogStream } from './types';
import { prepareCommandLaunch } from './command-agent';
import type { ProcessLaunch } from './launch';
import { prepareManifestLaunch } from './manifest-command';

/** A result larger than this would not fit an event; it is refused with an error log line. */
export const MAX_RESULT_BYTES = 512 * 1024;
const MAX_LINE_CHARS = 65_536;

/**
 * Runs a process agent: the manifest's command, or for the command agent the one its config
 * names. The merged config goes as one JSON line on stdin, stdout and stderr are read line by
 * line through the line protocol, and the exit code decides the outcome. The process gets its
 * own process group so a stop or a timeout ends its whole tree.
 */
export async function runProcess(run: AgentRun): Promise<AgentOutcome> {
  const prepared = run.manifest.commandFromConfig ? prepareCommandLaunch(run) : prepareManifestLaunch(run);
  if (!prepared.ok) {
    run.emit.log('error', 'system', `${prepared.outcome.errorCode}: ${prepared.outcome.errorMessage}`);
    return prepared.outcome;
  }
  try {
    return await spawnAgent(run, prepared.launch);
  } finally {
    prepared.launch.cleanup?.();
  }
}

function spawnAgent(run: AgentRun, launch: ProcessLaunch): Promise<AgentOutcome> {
  return new Promise((resolve) => {
    const child = spawn(launch.file, launch.args, {
      cwd: launch.cwd,
      env: launch.env,
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      windowsVerbatimArguments: launch.windowsVerbatimArguments ?? false,
    });
    let result: JsonValue | undefined;
    let lastStderr = '';
    let stopSampling = (): void => undefined;

    const onLine = (stream: LogStream, defaultLevel: LogLevel) => (line: string) => {
      const parsed = parseAgentLine(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line, defaultLevel);
      switch (parsed.kind) {
        case 'log':
          if (stream === 'stderr' && parsed.message.trim() !== '') lastStderr = parsed.message;
          run.emit.log(parsed.level, stream, parsed.message, parsed.details);
          break;
        case 'progress':
          run.emit.progress(parsed.progress, parsed.message);
          break;
        case 'result': {
          const size = Buffer.byteLength(JSON.stringify(parsed.result));
          if (size > MAX_RESULT_BYTES) run.emit.log('error', 'system', `::result of ${size} bytes ignored: the limit is ${MAX_RESULT_BYTES} bytes`);
          else result = parsed.result as JsonValue;
          break;
        }
        case 'invalid':
          run.emit.log('warn', 'system', parsed.message);
          break;
      }
    };
    readLines(child.stdout, onLine('stdout', 'info'));
    readLines(child.stderr, onLine('stderr', 'warn'));

    child.stdin.on('error', () => undefined);
    child.stdin.end(`${JSON.stringify(run.config)}\n`);

    const onAbort = (): void => {
      launch.onAbort?.();
      void terminateProcessTree(child, run.killGraceMs);
    };
    run.signal.addEventListener('abort', onAbort, { once: true });
    // A hold stops the whole tree where signals can (POSIX); Windows has no SIGSTOP, so there the agent cannot pause.
    if (process.platform !== 'win32') {
      run.pause.accept({ pause: () => signalProcessTree(child, 'SIGSTOP'), resume: () => signalProcessTree(child, 'SIGCONT') });
    }

    child.once('spawn', () => {
      if (child.pid !== undefined) stopSampling = sampleProcess(child.pid, run.sampleIntervalMs, run.emit.sample);
    });
    // The node is over when its leader exits: what it left running in its group goes too,
    // which also releases stdout/stderr held open by a grandchild.
    child.once('exit', () => {
      stopSampling();
      signalProcessTree(child, 'SIGKILL');
    });
    child.once('error', (error) => {
      stopSampling();
      run.signal.removeEventListener('abort', onAbort);
      resolve({ status: 'failed', errorCode: NODE_ERROR_CODES.spawnFailed, errorMessage: `cannot start ${launch.label}: ${error.message}` });
    });
    child.once('close', (code, signal) => {
      run.signal.removeEventListener('abort', onAbort);
      if (code === 0) {
        resolve(result === undefined ? { status: 'completed', exitCode: 0 } : { status: 'completed', result, exitCode: 0 });
        return;
      }
      const explained = launch.explainFailure?.(code, lastStderr);
      if (explained) {
        resolve(explained);
        return;
      }
      const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
      const outcome: AgentOutcome = {
        status: 'failed',
        errorCode: NODE_ERROR_CODES.exitCode,
        errorMessage: lastStderr ? `${launch.label} ${how}: ${lastStderr}` : `${launch.label} ${how}`,
      };
      if (code !== null) outcome.exitCode = code;
      if (result !== undefined) outcome.result = result;
      resolve(outcome);
    });
  });
}

function readLines(stream: Readable, onLine: (line: string) => void): void {
  stream.setEncoding('utf8');
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

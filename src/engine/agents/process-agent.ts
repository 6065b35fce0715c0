import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import type { LogLevel } from '../../shared/status';
import { parseAgentLine } from './line-protocol';
import { signalProcessTree, terminateProcessTree } from './process-tree';
import { sampleProcess } from './resource-sampler';
import type { AgentOutcome, AgentRun, JsonObject, JsonValue, LogStream } from './types';
import { nodeRuntime } from './node-runtime';

/** A result larger than this would not fit an event; it is refused with an error log line. */
export const MAX_RESULT_BYTES = 512 * 1024;
const MAX_LINE_CHARS = 65_536;

/**
 * Runs a process agent: the manifest's command, the merged config as one JSON line on stdin,
 * stdout and stderr read line by line through the line protocol, the exit code deciding the
 * outcome. The process gets its own process group so a stop or a timeout ends its whole tree.
 */
export function runProcess(run: AgentRun): Promise<AgentOutcome> {
  const command = run.manifest.command ?? [];
  const node = command.some((part) => part.includes('{node}')) ? nodeRuntime() : null;
  if (node && !node.ok) return Promise.resolve({ status: 'failed', errorCode: NODE_ERROR_CODES.spawnFailed, errorMessage: node.message });
  const argv = expandCommand(command, run.config, run.catalogDir, node?.file ?? process.execPath);
  const [file, ...args] = argv;
  if (!file) return Promise.resolve({ status: 'failed', errorCode: NODE_ERROR_CODES.spawnFailed, errorMessage: 'empty command' });

  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: run.cwd ?? run.catalogDir ?? process.cwd(),
      env: {
        ...process.env,
        ...run.manifest.env,
        ...run.env,
        DEDUCTION_TASK_ID: run.ref.taskId,
        DEDUCTION_NODE_ID: run.ref.nodeId,
        DEDUCTION_BATCH: String(run.ref.batch),
        ...node?.env,
      },
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let result: JsonValue | undefined;
    let lastStderr = '';
    let stopSampling = (): void => undefined;

    const onLine = (stream: LogStream, defaultLevel: LogLevel) => (line: string) => {
      const parsed = parseAgentLine(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line, defaultLevel);
      switch (parsed.kind) {
        case 'log':
          if (stream === 'stderr' && parsed.message.trim() !== '') lastStderr = parsed.message;
          run.emit.log(parsed.level, stream, parsed.message);
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

    const onAbort = (): void => void terminateProcessTree(child, run.killGraceMs);
    run.signal.addEventListener('abort', onAbort, { once: true });

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
      resolve({ status: 'failed', errorCode: NODE_ERROR_CODES.spawnFailed, errorMessage: `cannot start ${file}: ${error.message}` });
    });
    child.once('close', (code, signal) => {
      run.signal.removeEventListener('abort', onAbort);
      if (code === 0) {
        resolve(result === undefined ? { status: 'completed', exitCode: 0 } : { status: 'completed', result, exitCode: 0 });
        return;
      }
      const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
      const outcome: AgentOutcome = {
        status: 'failed',
        errorCode: NODE_ERROR_CODES.exitCode,
        errorMessage: lastStderr ? `${file} ${how}: ${lastStderr}` : `${file} ${how}`,
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

/**
 * Fills the command's placeholders: `{config.NAME}` with a string or number of the config,
 * then `{catalog}` and `{node}` (the executable nodeRuntime chose). A missing config value
 * leaves an empty string.
 */
export function expandCommand(command: readonly string[], config: JsonObject, catalogDir: string | null, node: string): string[] {
  return command.map((part) =>
    part
      .replace(/\{config\.([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
        const value = config[name];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      })
      .replace(/\{catalog\}/g, catalogDir ?? '.')
      .replace(/\{node\}/g, node),
  );
}

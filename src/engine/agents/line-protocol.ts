import type { LogLevel } from '../../shared/status';
import { errorText } from '../../shared/error-text';

/**
 * The line protocol of process agents (docs/agent-protocol.md). A line that starts with `::`
 * and a known directive is an instruction; any other line is a log line at the stream's level.
 *   ::progress 0.5 [message]   progress, a fraction from 0 to 1 (or a percentage like 50%)
 *   ::result {json}            the node's result (the last one wins)
 *   ::debug|info|warn|error text   a log line at that level
 */
export type AgentLine =
  | { kind: 'log'; level: LogLevel; message: string }
  | { kind: 'progress'; progress: number; message?: string }
  | { kind: 'result'; result: unknown }
  | { kind: 'invalid'; message: string };

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);
const DIRECTIVE = /^::([a-z]+)(?:\s+([\s\S]*))?$/;

export function parseAgentLine(line: string, defaultLevel: LogLevel): AgentLine {
  const match = DIRECTIVE.exec(line);
  if (!match) return { kind: 'log', level: defaultLevel, message: line };
  const directive = match[1]!;
  const rest = match[2] ?? '';
  if (LEVELS.has(directive)) return { kind: 'log', level: directive as LogLevel, message: rest };
  if (directive === 'progress') return parseProgress(rest);
  if (directive === 'result') {
    try {
      return { kind: 'result', result: JSON.parse(rest) as unknown };
    } catch (error) {
      return { kind: 'invalid', message: `::result is not JSON (${errorText(error)}): ${rest.slice(0, 200)}` };
    }
  }
  return { kind: 'log', level: defaultLevel, message: line };
}

function parseProgress(rest: string): AgentLine {
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest);
  const token = match?.[1] ?? '';
  const percent = token.endsWith('%');
  const value = Number(percent ? token.slice(0, -1) : token);
  const progress = percent ? value / 100 : value;
  if (token === '' || !Number.isFinite(progress) || progress < 0 || progress > 1) {
    return { kind: 'invalid', message: `::progress needs a fraction from 0 to 1 or a percentage, got "${rest.slice(0, 200)}"` };
  }
  const message = match?.[2];
  return message ? { kind: 'progress', progress, message } : { kind: 'progress', progress };
}

import { z } from 'zod';
import { LOG_CATEGORIES, LOG_LEVELS, type LogLevel } from '../../shared/status';
import { logExtraSchema } from '../../shared/engine/protocol';
import { errorText } from '../../shared/error-text';
import type { LogDetails } from './types';

/**
 * The line protocol of process agents (docs/agent-protocol.md). A line that starts with `::`
 * and a known directive is an instruction; any other line is a log line at the stream's level.
 *   ::progress 0.5 [message]   progress, a fraction from 0 to 1 (or a percentage like 50%)
 *   ::result {json}            the node's result (the last one wins)
 *   ::debug|info|warn|error|critical text   a log line at that level
 *   ::log {json}               a log line with a level, a category and extra data:
 *                              {"message": "…", "level": "warn", "category": "network", "extra": {…}}
 */
export type AgentLine =
  | { kind: 'log'; level: LogLevel; message: string; details?: LogDetails }
  | { kind: 'progress'; progress: number; message?: string }
  | { kind: 'result'; result: unknown }
  | { kind: 'invalid'; message: string };

const LEVELS: ReadonlySet<string> = new Set(LOG_LEVELS);

const logLineSchema = z.strictObject({
  message: z.string(),
  level: z.enum(LOG_LEVELS).optional(),
  category: z.enum(LOG_CATEGORIES).optional(),
  extra: logExtraSchema.optional(),
});
const DIRECTIVE = /^::([a-z]+)(?:\s+([\s\S]*))?$/;

export function parseAgentLine(line: string, defaultLevel: LogLevel): AgentLine {
  const match = DIRECTIVE.exec(line);
  if (!match) return { kind: 'log', level: defaultLevel, message: line };
  const directive = match[1]!;
  const rest = match[2] ?? '';
  if (LEVELS.has(directive)) return { kind: 'log', level: directive as LogLevel, message: rest };
  if (directive === 'progress') return parseProgress(rest);
  if (directive === 'log') return parseLog(rest, defaultLevel);
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

function parseLog(rest: string, defaultLevel: LogLevel): AgentLine {
  let value: unknown;
  try {
    value = JSON.parse(rest) as unknown;
  } catch (error) {
    return { kind: 'invalid', message: `::log is not JSON (${errorText(error)}): ${rest.slice(0, 200)}` };
  }
  const parsed = logLineSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the line'}: ${issue.message}`);
    return { kind: 'invalid', message: `::log needs {"message": text, "level"?, "category"?, "extra"?: object}: ${problems.join('; ')}` };
  }
  const { message, level, category, extra } = parsed.data;
  const details: LogDetails = {};
  if (category !== undefined) details.category = category;
  if (extra !== undefined) details.extra = extra as NonNullable<LogDetails['extra']>;
  return { kind: 'log', level: level ?? defaultLevel, message, details };
}

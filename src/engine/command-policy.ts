import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errorText } from '../shared/error-text';

/**
 * Which programs an Engine lets workflows run through the command agent. Plain data, so that
 * it crosses into the embedded Engine's worker thread.
 *
 * A pattern is one of
 *   `*`                  every program, docker images included (the embedded Engine's policy);
 *   a name, e.g. `df`, `python*`   a program named without a path (found on the Engine's PATH),
 *                        or a script's interpreter; `*` and `?` are wildcards;
 *   a path, e.g. `/usr/bin/df`, `/opt/tools/**`   the absolute path the program resolves to
 *                        (a bare name is looked up on the Engine's PATH first); `*` and `?`
 *                        stay within one folder, `**` crosses folders;
 *   `docker:IMAGE`, e.g. `docker:alpine:*`   a run inside that docker image; `*` matches anything.
 */
export interface CommandPolicy {
  readonly allow: readonly string[];
  /** Where the patterns came from, for refusal messages. */
  readonly origin: string;
}

/** The embedded Engine runs on the user's own machine, for that user: their commands run. */
export const LOCAL_USER_POLICY: CommandPolicy = { allow: ['*'], origin: "the embedded Engine runs the local user's commands" };

/** A standalone Engine started without --allow-command or --command-policy. */
export const NO_COMMANDS_POLICY: CommandPolicy = {
  allow: [],
  origin: 'no --allow-command or --command-policy was given, so this Engine runs no commands',
};

/** What a node asks to run, as the policy judges it. */
export interface CommandSubject {
  /** The program as the node named it, for messages. */
  shown: string;
  /** The program's bare name, when it was named without a path (or is an interpreter). */
  name?: string;
  /** The absolute path it resolves to on the Engine's host, when it does. */
  path?: string;
  /** The docker image, for a run inside docker. */
  image?: string;
}

export const policyFileSchema = z
  .object({
    allow: z.array(z.string()).max(10_000),
  })
  .strict();

/** Why a pattern is unusable, or null. */
export function patternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'an empty pattern';
  if (pattern !== pattern.trim()) return `"${pattern}" has spaces around it`;
  if (pattern === 'docker:') return '"docker:" names no image';
  if (/[\\]/.test(pattern)) return `"${pattern}": write paths with / (also on Windows)`;
  if (!pattern.startsWith('docker:') && pattern.includes('/') && !pattern.startsWith('/') && !/^[A-Za-z]:\//.test(pattern)) {
    return `"${pattern}" is a relative path: give an absolute path or a bare program name`;
  }
  return null;
}

/**
 * The policy of `deduction engine`: its --allow-command patterns and its --command-policy
 * file together. Throws with a message naming the bad pattern or file.
 */
export function buildCommandPolicy(patterns: readonly string[], policyFile: string | undefined): CommandPolicy {
  const origins: string[] = [];
  const allow: string[] = [];
  for (const pattern of patterns) {
    const problem = patternProblem(pattern);
    if (problem) throw new Error(`--allow-command: ${problem}`);
    allow.push(pattern);
  }
  if (patterns.length > 0) origins.push('--allow-command');
  if (policyFile !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(policyFile, 'utf8'));
    } catch (error) {
      throw new Error(`--command-policy ${policyFile}: cannot read it as JSON: ${errorText(error)}`, { cause: error });
    }
    const parsed = policyFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`--command-policy ${policyFile}: ${issue.path.join('.') || '(file)'}: ${issue.message} (expected {"allow": ["pattern", …]})`);
    }
    parsed.data.allow.forEach((pattern, index) => {
      const problem = patternProblem(pattern);
      if (problem) throw new Error(`--command-policy ${policyFile}: allow[${index}]: ${problem}`);
      allow.push(pattern);
    });
    origins.push(`the policy file ${policyFile}`);
  }
  if (origins.length === 0) return NO_COMMANDS_POLICY;
  return { allow, origin: origins.join(' and ') };
}

export function allows(policy: CommandPolicy, subject: CommandSubject): boolean {
  return policy.allow.some((pattern) => matches(pattern, subject));
}

function matches(pattern: string, subject: CommandSubject): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('docker:')) return subject.image !== undefined && glob(pattern.slice('docker:'.length), false).test(subject.image);
  if (subject.image !== undefined) return false;
  if (pattern.includes('/')) return subject.path !== undefined && glob(pattern, true).test(subject.path.replaceAll('\\', '/'));
  return subject.name !== undefined && glob(pattern, false).test(subject.name);
}

/** `**` any characters; `*` and `?` any characters, or within one path segment when `inPath`. */
function glob(pattern: string, inPath: boolean): RegExp {
  const one = inPath ? '[^/]' : '.';
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index++;
    } else if (char === '*') source += `${one}*`;
    else if (char === '?') source += one;
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, process.platform === 'win32' ? 'i' : '');
}

/** The refusal, naming the command and the policy. */
export function refusal(policy: CommandPolicy, subject: CommandSubject): string {
  const what = subject.path && subject.path !== subject.shown ? `${subject.shown} (${subject.path})` : subject.shown;
  const refused = `${what} is not allowed by this Engine's command policy (${policy.origin})`;
  return policy.allow.length === 0 ? refused : `${refused}: it allows ${policy.allow.join(', ')}`;
}

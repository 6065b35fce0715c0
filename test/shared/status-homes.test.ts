import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as status from '../../src/shared/status';

/*
 * One home per fact: status sets live in src/shared/status.ts and the execution key in
 * src/shared/engine/execution-key.ts. These checks read src/ as text and fail on a copy
 * written out anywhere else.
 */
const ROOT = join(__dirname, '../..');
const STATUS_HOME = 'src/shared/status.ts';
const KEY_HOME = 'src/shared/engine/execution-key.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const NAMED_SETS = Object.entries(status as Record<string, unknown>)
  .filter((entry): entry is [string, readonly string[]] => entry[0].endsWith('_STATUSES') && Array.isArray(entry[1]))
  .map(([name, values]) => ({ name, key: [...new Set(values)].sort().join(',') }));

const ALL_STATUSES = new Set<string>([...status.TASK_STATUSES, ...status.NODE_STATUSES, ...status.EXECUTION_STATUSES]);

/** Groups of status words a source writes out: array literals and `x === 'a' || x === 'b'` chains. */
function statusGroups(text: string): string[][] {
  const groups: string[][] = [];
  for (const match of text.matchAll(/\[\s*((?:'[a-z]+'\s*,\s*)+'[a-z]+')\s*,?\s*\]/g)) {
    groups.push([...match[1]!.matchAll(/'([a-z]+)'/g)].map((word) => word[1]!));
  }
  for (const match of text.matchAll(/([\w.?]+) === '[a-z]+'(?:\s*\|\|\s*\1 === '[a-z]+')+/g)) {
    groups.push([...match[0].matchAll(/=== '([a-z]+)'/g)].map((word) => word[1]!));
  }
  return groups.filter((words) => words.length >= 2 && words.every((word) => ALL_STATUSES.has(word)));
}

function namedSetCopies(text: string): string[] {
  return statusGroups(text).flatMap((words) => {
    const key = [...new Set(words)].sort().join(',');
    const names = NAMED_SETS.filter((set) => set.key === key).map((set) => set.name);
    return names.length === 0 ? [] : [`${names.join(' / ')} written out as ${words.map((word) => `'${word}'`).join(', ')}`];
  });
}

const KEY_BUILDING = /\}(?:\\u0000|\\0|\\x00)\$\{|split\((?:'|")(?:\\u0000|\\0|\\x00)/g;

function keyCopies(text: string): string[] {
  return [...text.matchAll(KEY_BUILDING)].map((match) => `NUL-joined key: …${match[0]}…`);
}

function offenders(check: (text: string) => string[], home: string): string[] {
  return sourceFiles(join(ROOT, 'src')).flatMap((file) => {
    const path = relative(ROOT, file).split('\\').join('/');
    if (path === home) return [];
    return check(readFileSync(file, 'utf8')).map((finding) => `${path}: ${finding}`);
  });
}

describe('one home per status set and per key', () => {
  it('finds a named status set, a status chain and a NUL-joined key when one is written out', () => {
    expect(namedSetCopies(`const ENDED = ['completed', 'failed', 'stopped', 'timeout'];`)).toEqual(["ENDED_EXECUTION_STATUSES written out as 'completed', 'failed', 'stopped', 'timeout'"]);
    expect(namedSetCopies(`if (node.status === 'running' || node.status === 'initializing') go();`)).toEqual(["ACTIVE_NODE_STATUSES / ACTIVE_TASK_STATUSES written out as 'running', 'initializing'"]);
    expect(namedSetCopies(`if (node.status === 'failed' || node.status === 'stopped') show();`)).toEqual([]);
    expect(keyCopies('const key = `${ref.taskId}\\u0000${ref.nodeId}`;')).toHaveLength(1);
    expect(keyCopies("const [a, b] = key.split('\\u0000');")).toHaveLength(1);
  });

  it('has every named status set written out only in src/shared/status.ts', () => {
    expect(NAMED_SETS.map((set) => set.name)).toEqual(expect.arrayContaining(['ENDED_EXECUTION_STATUSES', 'ENDED_NODE_STATUSES', 'TERMINAL_NODE_STATUSES', 'ACTIVE_NODE_STATUSES']));
    expect(offenders(namedSetCopies, STATUS_HOME)).toEqual([]);
  });

  it('builds and parses node and execution keys only in src/shared/engine/execution-key.ts', () => {
    expect(offenders(keyCopies, KEY_HOME)).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A problem's sentence is written once, in src/shared/workflow/problem-wordings.ts: the places
 * that find a problem pass its code and params to a helper that words it. This guard reads the
 * source for the two ways a sentence could creep back in: a Problem built by hand with a
 * `message`, and an English sentence passed to a problem-making call.
 */

const SRC = join(__dirname, '../../../src');
const CATALOG = 'shared/workflow/problem-wordings.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** An object literal with a problem's severity, a code and a message, in either order. */
const HAND_BUILT = /severity:\s*['"](?:error|warning)['"][^{}]*\bmessage\s*[:,}]|\bmessage\s*[:,][^{}]*severity:\s*['"](?:error|warning)['"]/;
/** The calls that make problems: the shared helper, the file and BPMN wrappers, and ImportProblems. */
const MAKER = /\b(?:problem|bpmnError|bpmnWarning|fileError)\(|\bproblems\.(?:warn|error)\(/g;
/** Three words in a row: a sentence, not a code, context or id. */
const PROSE = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/;

/** The quoted and template texts of a piece of code, in order. */
function literals(code: string): string[] {
  const found: string[] = [];
  for (let at = 0; at < code.length; at++) {
    const quote = code[at]!;
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    let end = at + 1;
    while (end < code.length && code[end] !== quote) end += code[end] === '\\' ? 2 : 1;
    found.push(code.slice(at + 1, end));
    at = end;
  }
  return found;
}

/** The text of a call's arguments, from just after its opening parenthesis to the matching one. */
function argumentsAt(text: string, open: number): string {
  let depth = 1;
  let at = open;
  while (at < text.length && depth > 0) {
    const char = text[at]!;
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    at += 1;
  }
  return text.slice(open, at - 1);
}

/** Where a text makes a problem with a sentence of its own, as `line: code`. */
function sentenceSites(text: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const hand = HAND_BUILT.exec(text);
  if (hand) found.push(`${lineOf(hand.index)}: ${hand[0].slice(0, 80)}`);
  for (const match of text.matchAll(MAKER)) {
    const args = argumentsAt(text, match.index + match[0].length);
    const prose = literals(args).find((literal) => PROSE.test(literal));
    if (prose !== undefined) found.push(`${lineOf(match.index)}: ${prose.slice(0, 80)}`);
  }
  return found;
}

describe('problem creation sites', () => {
  it('pass codes and params, never an English sentence', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const name = relative(SRC, file).replaceAll('\\', '/');
      if (name === CATALOG) continue;
      for (const site of sentenceSites(readFileSync(file, 'utf8'))) offenders.push(`${name}:${site}`);
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a sentence written at a site', () => {
    expect(sentenceSites("problems.warn(BPMN_PROBLEM.idReplaced, { id }, where);\nproblems.push(problem('error', CODE, path, { node }));")).toEqual([]);
    expect(sentenceSites("problems.warn(BPMN_PROBLEM.idReplaced, `The id ${id} cannot be a node id here`, where);")).toHaveLength(1);
    expect(sentenceSites("const made = problem('error', CODE, [], { detail: 'the file is broken' });")).toHaveLength(1);
    expect(sentenceSites("return { severity: 'error', code: 'X', path: [], message: `a name must be short` };")).toHaveLength(1);
    expect(sentenceSites("problems.push({ severity: 'error', code, path: [], message, params });")).toHaveLength(1);
  });
});

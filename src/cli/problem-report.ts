import { FILE_PROBLEM } from '../main/core/workflow/file-problems';
import type { WorkflowReadResult } from '../shared/workflow/read-result';
import type { NormalizedWorkflowDefinition } from '../shared/workflow/normalized';
import { formatPlace, type Problem } from '../shared/workflow/problems';
import type { CliIo } from './io';

/** How the workflow commands print what validation found. */

const FILE_CODES: ReadonlySet<string> = new Set(Object.values(FILE_PROBLEM));

/** True when the input could not be read as a workflow at all (missing, too large, not JSON …). */
export function isUnreadable(result: WorkflowReadResult): boolean {
  return result.problems.some((problem) => FILE_CODES.has(problem.code));
}

/** One line per problem: severity, where (by node id; `--json` has the paths), what, and the code to look up. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.severity.padEnd(7)}  ${formatPlace(problem)}: ${problem.message} [${problem.code}]`);
}

export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : plural}`;
}

export function describeDefinition(definition: NormalizedWorkflowDefinition): string {
  const containers = definition.nodes.filter((node) => node.nodeType === 'container').length;
  const edges = definition.nodes.reduce((total, node) => total + node.dependencies.length, 0);
  return `${JSON.stringify(definition.name)}: ${counted(definition.nodes.length, 'node')} (${counted(containers, 'container')}, ${counted(definition.nodes.length - containers, 'agent')}), ${counted(edges, 'dependency', 'dependencies')}`;
}

/** Prints an unreadable input's reasons to stderr, one `deduction: …` line each. */
export function reportUnreadable(io: CliIo, result: WorkflowReadResult): void {
  for (const problem of result.problems) io.err(`deduction: ${problem.message}`);
}

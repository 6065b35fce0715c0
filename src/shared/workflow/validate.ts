import type { AgentCatalogEntry } from '../engine/protocol';
import { append } from './append';
import { checkAgentConfigs } from './config-check';
import { checkDependencies } from './dependency-check';
import { checkInputs } from './inputs-check';
import { scanJsonValue } from './json-scan';
import { checkConfigSizes, checkIdCharacters, checkNestingDepth, checkNodeCount, checkSubmissionSize } from './limits-check';
import { checkNodeSettings } from './node-check';
import { checkOnErrorRules } from './on-error-check';
import { normalizeDefinition } from './normalize';
import type { NormalizedWorkflowDefinition } from './normalized';
import { nameProblemNodes, problem, type Problem } from './problems';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { parseInput } from './schema-check';
import { checkTree } from './structure-check';
import { checkTriggers } from './trigger-check';
import { checkInjects } from './inject-check';
import { literal } from './zod-problems';
import { errorText } from '../error-text';

export interface ValidationOptions {
  /**
   * The Engines' agent catalog: agent configs are checked against their manifest's
   * configSchema (required fields). Without it (no Engine known yet) they are not.
   */
  agents?: readonly AgentCatalogEntry[];
}

export interface ValidationResult {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** Present when ok: parentId and children both filled, defaults applied. */
  definition?: NormalizedWorkflowDefinition;
  /** Every error and warning found, each with the path of what it is about. */
  problems: Problem[];
}

/**
 * Validates a workflow definition from any source (a file, the editor, an API caller) and
 * reports every problem at once. Runs in the browser as well as in Node, never throws, and
 * takes time linear in the input, within WORKFLOW_LIMITS (limits.ts).
 */
export function validateWorkflow(input: unknown, options: ValidationOptions = {}): ValidationResult {
  try {
    return validate(input, options);
  } catch (error) {
    return fail([problem('error', WORKFLOW_PROBLEM.internal, [], { detail: errorText(error) })]);
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

function validate(input: unknown, options: ValidationOptions): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([problem('error', WORKFLOW_PROBLEM.notAnObject, [], { received: literal(input) })]);
  }
  // Read without calling a getter: the scan below is what vets the input's properties.
  const tooMany = checkNodeCount(Object.getOwnPropertyDescriptor(input, 'nodes')?.value);
  if (tooMany) return fail([tooMany]);
  const scan = scanJsonValue(input);
  const problems: Problem[] = scan.problems.map(({ fatal: _fatal, ...problem }) => problem);
  if (scan.aborted || scan.problems.some((problem) => problem.fatal && problem.path.length === 0)) return fail(problems);

  const parsed = parseInput(input as Record<string, unknown>, scan.problems);
  append(problems, parsed.problems);
  append(problems, checkIdCharacters(parsed.nodes));
  append(problems, checkConfigSizes(parsed.nodes));
  const named = (found: Problem[]) => {
    nameProblemNodes(found, parsed.nodes);
    return found;
  };
  const shape = checkTree(parsed.nodes, parsed.brokenIds, parsed.incomplete);
  append(problems, shape.problems);
  append(problems, checkNestingDepth(shape));
  const dependencies = checkDependencies(shape, parsed.brokenIds);
  append(problems, dependencies.problems);
  append(problems, checkNodeSettings(shape));
  append(problems, checkOnErrorRules(shape, parsed.header?.onError));
  if (options.agents) append(problems, checkAgentConfigs(shape, options.agents));
  append(problems, checkInputs(parsed.header?.inputs));
  append(problems, checkTriggers(parsed.header?.triggers));
  append(problems, checkInjects(parsed.header?.injects, shape));

  if (hasErrors(problems) || parsed.header === undefined) return fail(named(problems));
  const definition = normalizeDefinition(parsed.header, shape, dependencies.kept);
  const tooLarge = checkSubmissionSize(definition);
  if (tooLarge) return fail(named([...problems, tooLarge]));
  return { ok: true, definition, problems: named(problems) };
}

function fail(problems: Problem[]): ValidationResult {
  return { ok: false, problems };
}

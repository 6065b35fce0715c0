import { engineTaskRequestSchema, type EngineTaskRequest } from '../engine/protocol';
import type { Id } from '../ids';
import type { WorkflowDefinitionInput } from './definition';
import type { NormalizedWorkflowDefinition } from './normalized';
import { scanJsonValue } from './json-scan';
import { engineBody } from './engine-body';
import { validateWorkflow, type ValidationResult } from './validate';
import { zodIssueToProblem } from './zod-problems';

/**
 * Conversion between a workflow definition and the Engine's task submission (`requestType: 1`,
 * the Deduction design's section 5.1). The wire format carries the tree, what the Engine
 * needs to run it (load and config) and the design's other node fields; dependencies, names,
 * policies and variables stay with the console, so only definitions without them convert
 * back unchanged.
 */

/** The body lists the tree in pre-order, so every container comes before what it holds. */
export function toEngineRequest(taskId: Id, definition: NormalizedWorkflowDefinition): EngineTaskRequest {
  const body = engineBody(definition);
  const parsed = engineTaskRequestSchema.safeParse({ requestType: 1, taskId, body });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`cannot build the Engine request for task ${taskId}: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Reads an Engine task submission (checked as data and against the wire schema first, since
 * it may come straight off a socket) back into a definition, validated like any other: the tree must
 * still have one root container and agents must name their load. The workflow is named
 * after the task; node order follows the body.
 */
export function fromEngineRequest(input: unknown): ValidationResult {
  const scan = scanJsonValue(input);
  if (scan.problems.length > 0) return { ok: false, problems: scan.problems.map(({ fatal: _fatal, ...problem }) => problem) };
  const parsed = engineTaskRequestSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => zodIssueToProblem(issue, [])) };
  const request = parsed.data;
  const definition: WorkflowDefinitionInput = {
    name: `task ${request.taskId}`,
    nodes: request.body.map((wire) => ({
      nodeId: wire.id,
      nodeType: wire.isBox ? 'container' : 'agent',
      isRoot: wire.isRoot,
      parentId: wire.father,
      ...(wire.agentLoad !== undefined && { agentLoad: wire.agentLoad }),
      ...(wire.agentConfig !== undefined && { agentConfig: wire.agentConfig }),
      ...(wire.containerConfig !== undefined && { containerConfig: wire.containerConfig }),
      ...(wire.agentMetaId !== undefined && { agentMetaId: wire.agentMetaId }),
      ...(wire.agentUrl !== undefined && { agentUrl: wire.agentUrl }),
      ...(wire.containerType !== undefined && { containerType: wire.containerType }),
      ...(wire.envConfig !== undefined && { envConfig: wire.envConfig }),
      ...(wire.bizValue !== undefined && { bizValue: wire.bizValue }),
    })),
  };
  return validateWorkflow(definition);
}

import { problem, type Problem } from '../../../../shared/workflow/problems';
import type { ProblemArgs } from '../../../../shared/workflow/problem-wordings';
import { append } from '../../../../shared/workflow/append';

/** Stable codes of the problems a BPMN import reports. */
export const BPMN_PROBLEM = {
  /** The input is larger than the import accepts. */
  tooLarge: 'BPMN_TOO_LARGE',
  /** Not well-formed XML: the import stops. */
  malformedXml: 'BPMN_MALFORMED_XML',
  /** Well-formed XML, but not a BPMN 2.0 <definitions> document. */
  notBpmn: 'BPMN_NOT_BPMN',
  /** No process or pool to import. */
  noProcess: 'BPMN_NO_PROCESS',
  /** Something bpmn-moddle read past: an unknown element, an unresolved reference, … */
  parseWarning: 'BPMN_PARSE_WARNING',
  /** A DOCTYPE or entity declaration: ignored, entities are never expanded. */
  doctypeIgnored: 'BPMN_DOCTYPE_IGNORED',
  /** An element with no equivalent in a workflow: not imported. */
  unsupportedElement: 'BPMN_UNSUPPORTED_ELEMENT',
  /** A plain (abstract) task: imported as a manual task, as the IT-ops design reads it. */
  plainTask: 'BPMN_PLAIN_TASK',
  /** An element imported with part of its BPMN meaning lost. */
  semanticsApproximated: 'BPMN_SEMANTICS_APPROXIMATED',
  /** Diagram-only content (annotations, associations, groups, lanes): not imported. */
  artifactIgnored: 'BPMN_ARTIFACT_IGNORED',
  /** Vendor extension elements or attributes the import does not read. */
  extensionIgnored: 'BPMN_EXTENSION_IGNORED',
  /** A conditionExpression that has no JSON Logic equivalent: the edge is unconditional. */
  conditionNotExpressible: 'BPMN_CONDITION_NOT_EXPRESSIBLE',
  /** A gateway branch without a condition: it is always taken. */
  conditionMissing: 'BPMN_CONDITION_MISSING',
  /** Gateway joins whose mix of all/one cannot be expressed by one join mode. */
  joinApproximated: 'BPMN_JOIN_APPROXIMATED',
  /** A dependency left out: it would close a cycle, or a path makes it moot. */
  dependencyDropped: 'BPMN_DEPENDENCY_DROPPED',
  /** A script task whose script cannot run as imported: unknown scriptFormat, no script, an unreachable resource. */
  scriptUnsupported: 'BPMN_SCRIPT_UNSUPPORTED',
  /** A timer that cannot become a pin. */
  timerUnsupported: 'BPMN_TIMER_UNSUPPORTED',
  /** A message flow whose ends do not both lead to nodes. */
  messageFlowDropped: 'BPMN_MESSAGE_FLOW_DROPPED',
  /** An id or name that had to be replaced or shortened. */
  idReplaced: 'BPMN_ID_REPLACED',
  /** The import itself failed; never expected, reported rather than thrown. */
  internal: 'BPMN_INTERNAL_ERROR',
} as const;

export type BpmnProblemCode = (typeof BPMN_PROBLEM)[keyof typeof BPMN_PROBLEM];

/** Where in the BPMN source a problem is: the element's id, when it has one. */
function bpmnPath(elementId: string | undefined): (string | number)[] {
  return elementId === undefined ? ['bpmn'] : ['bpmn', elementId];
}

export function bpmnError<C extends BpmnProblemCode>(code: C, params: ProblemArgs<C>, elementId?: string): Problem {
  return problem('error', code, bpmnPath(elementId), params);
}

/** A warning about one element, made where the element is mapped and reported by the import. */
export function bpmnWarning<C extends BpmnProblemCode>(code: C, params: ProblemArgs<C>, elementId?: string): Problem {
  return problem('warning', code, bpmnPath(elementId), params);
}

/** Collects the problems of one import, in the order they were found. */
export class ImportProblems {
  readonly list: Problem[] = [];

  warn<C extends BpmnProblemCode>(code: C, params: ProblemArgs<C>, where: { elementId?: string | undefined; nodeId?: string } = {}): void {
    this.list.push(problem('warning', code, bpmnPath(where.elementId), params, where.nodeId));
  }

  error<C extends BpmnProblemCode>(code: C, params: ProblemArgs<C>, elementId?: string): void {
    this.list.push(bpmnError(code, params, elementId));
  }

  add(problems: readonly Problem[]): void {
    append(this.list, problems);
  }

  get hasErrors(): boolean {
    return this.list.some((problem) => problem.severity === 'error');
  }
}

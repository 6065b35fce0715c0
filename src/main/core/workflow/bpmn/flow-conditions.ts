import type { ModdleElement } from 'moddle';
import { describeElement, elementId } from './describe';
import { readDeductionFields } from './deduction-fields';
import { quote, readExpression } from './expression';
import type { Flow } from './flow-graph';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import { type JsonLogic, not, or } from '../../../../shared/workflow/expression/logic';

const SPLITTING_GATEWAYS = new Set(['exclusive', 'inclusive', 'complex']);

/** What a flow's own markup says about its condition, before defaults are worked out. */
type OwnCondition = { kind: 'none' } | { kind: 'logic'; logic: JsonLogic } | { kind: 'unexpressible'; text: string };

/**
 * The JSON Logic condition each sequence flow puts on the dependencies routed through it:
 * its conditionExpression where expressible, a default flow's negation of its siblings, or
 * none (with a warning saying what was lost).
 */
export class FlowConditions {
  private readonly own = new Map<Flow, OwnCondition>();
  private readonly final = new Map<Flow, JsonLogic | undefined>();

  constructor(private readonly problems: ImportProblems) {}

  of(flow: Flow): JsonLogic | undefined {
    if (!this.final.has(flow)) this.final.set(flow, this.compute(flow));
    return this.final.get(flow);
  }

  private ownCondition(flow: Flow): OwnCondition {
    let condition = this.own.get(flow);
    if (!condition) {
      condition = readOwnCondition(flow, this.problems);
      this.own.set(flow, condition);
    }
    return condition;
  }

  private compute(flow: Flow): JsonLogic | undefined {
    const source = flow.from;
    const own = this.ownCondition(flow);
    const where = { elementId: flow.element ? elementId(flow.element) : undefined };
    const flowName = flow.element ? describeElement(flow.element) : `bpmn:SequenceFlow (${flow.id})`;
    if (source.gateway === 'parallel' || source.gateway === 'eventBased') {
      if (own.kind !== 'none') {
        this.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'conditionIgnored', flow: flowName, gateway: describeElement(source.element) }, where);
      }
      return undefined;
    }
    if (isDefaultFlow(flow)) return this.defaultCondition(flow, flowName, where);
    if (own.kind === 'logic') return own.logic;
    if (own.kind === 'unexpressible') {
      this.problems.warn(BPMN_PROBLEM.conditionNotExpressible, { condition: quote(own.text), flow: flowName }, where);
      return undefined;
    }
    if (source.gateway !== undefined && SPLITTING_GATEWAYS.has(source.gateway) && source.outgoing.length > 1) {
      this.problems.warn(BPMN_PROBLEM.conditionMissing, { flow: flowName, gateway: describeElement(source.element) }, where);
    }
    return undefined;
  }

  /** A default flow is taken when no sibling's condition holds. */
  private defaultCondition(flow: Flow, flowName: string, where: { elementId?: string }): JsonLogic | undefined {
    const siblings = flow.from.outgoing.filter((other) => other !== flow).map((other) => this.ownCondition(other));
    if (siblings.length === 0) return undefined;
    const logics = siblings.flatMap((sibling) => (sibling.kind === 'logic' ? [sibling.logic] : []));
    if (logics.length < siblings.length) {
      this.problems.warn(BPMN_PROBLEM.conditionNotExpressible, { context: 'defaultFlow', flow: flowName, gateway: describeElement(flow.from.element) }, where);
      return undefined;
    }
    const any = or(logics);
    return any === undefined ? undefined : not(any);
  }
}

function isDefaultFlow(flow: Flow): boolean {
  const defaultFlow: unknown = flow.from.element.default;
  return flow.element !== undefined && defaultFlow === flow.element;
}

function readOwnCondition(flow: Flow, problems: ImportProblems): OwnCondition {
  if (!flow.element) return { kind: 'none' };
  const exact = readDeductionFields(flow.element, problems).get('condition');
  if (exact !== undefined) return { kind: 'logic', logic: exact };
  return readExpression(flow.element.conditionExpression as ModdleElement | undefined);
}


import type { OnErrorRule } from './definition';

/**
 * Choosing a recovery rule for a failed attempt, as pure functions the validator, the
 * scheduler and the window share: the first rule whose code pattern matches the attempt's
 * error code decides; none matching leaves the node to its retry policy.
 */

/** Where a node's effective rules come from: its own onError, or the workflow's default list. */
export type RuleScope = 'node' | 'workflow';

export interface ChosenRule {
  /** Position in its list, from 0. */
  index: number;
  rule: OnErrorRule;
  scope: RuleScope;
}

export interface EffectiveRules {
  rules: readonly OnErrorRule[];
  scope: RuleScope;
}

/** A node's own rules replace the workflow's default list; they are never merged. */
export function effectiveRules(nodeRules: readonly OnErrorRule[] | undefined, workflowRules: readonly OnErrorRule[] | undefined): EffectiveRules | undefined {
  if (nodeRules !== undefined) return { rules: nodeRules, scope: 'node' };
  if (workflowRules !== undefined && workflowRules.length > 0) return { rules: workflowRules, scope: 'workflow' };
  return undefined;
}

const patterns = new Map<string, RegExp | null>();

/**
 * `*` stands for any characters (none included); everything else is literal, compared without
 * regard to case. A blank pattern matches nothing.
 */
export function codeMatches(pattern: string, code: string): boolean {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    const trimmed = pattern.trim();
    compiled = trimmed === '' ? null : new RegExp(`^${trimmed.split('*').map(escapeRegExp).join('.*')}$`, 'i');
    if (patterns.size > 1000) patterns.clear();
    patterns.set(pattern, compiled);
  }
  return compiled !== null && compiled.test(code);
}

/** A pattern that matches every code: a catch-all, after which no rule is ever reached. */
export function isCatchAll(pattern: string): boolean {
  return /^\**$/.test(pattern.trim()) && pattern.trim() !== '';
}

export function chooseRule(effective: EffectiveRules | undefined, code: string): ChosenRule | undefined {
  if (!effective) return undefined;
  const index = effective.rules.findIndex((rule) => codeMatches(rule.code, code));
  return index < 0 ? undefined : { index, rule: effective.rules[index]!, scope: effective.scope };
}

/**
 * How a transition's reason names the rule that acted, e.g. `onError rule 2 ("HTTP_*" → retry)`;
 * a workflow-level rule says so. The scheduler reads the number back after a restart
 * (RULE_REASON_PATTERN), so the two are kept here together.
 */
export function ruleLabel(chosen: ChosenRule): string {
  const owner = chosen.scope === 'workflow' ? 'workflow onError rule' : 'onError rule';
  return `${owner} ${chosen.index + 1} (${JSON.stringify(chosen.rule.code)} → ${describeAction(chosen.rule)})`;
}

export const RULE_REASON_PATTERN = /^(?:workflow )?onError rule (\d+) \(/;
/** A whole rule label, as a pattern source: reasons that embed one are read back with it. */
export const RULE_LABEL_SOURCE = '(?:workflow )?onError rule \\d+ \\(.*?\\)';
const RULE_LABEL_PATTERN = new RegExp(`^(${RULE_LABEL_SOURCE}): `);

/**
 * The rule that acted last on a node, as its transitions name it (newest last in `reasons`);
 * null when no rule acted. The monitor shows it beside the node's status.
 */
export function lastRuleActed(transitions: readonly { trigger: string; reason: string | null }[]): string | null {
  for (let at = transitions.length - 1; at >= 0; at--) {
    const { trigger, reason } = transitions[at]!;
    const label = trigger === 'error' && reason !== null ? RULE_LABEL_PATTERN.exec(reason) : null;
    if (label) return label[1]!;
  }
  return null;
}

function describeAction(rule: OnErrorRule): string {
  return rule.action === 'handler' && rule.handlerNodeId !== undefined ? `handler ${JSON.stringify(rule.handlerNodeId)}` : rule.action;
}

/** Nodes some rule names as its handler: they start only when a rule invokes them. */
export function handlerNodeIds(definition: { onError?: readonly OnErrorRule[]; nodes: readonly { onError?: readonly OnErrorRule[] }[] }): Set<string> {
  const ids = new Set<string>();
  const add = (rules: readonly OnErrorRule[] | undefined) => {
    for (const rule of rules ?? []) if (rule.action === 'handler' && rule.handlerNodeId !== undefined) ids.add(rule.handlerNodeId);
  };
  add(definition.onError);
  for (const node of definition.nodes) add(node.onError);
  return ids;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

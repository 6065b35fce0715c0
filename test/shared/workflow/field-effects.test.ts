import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { workflowDefinitionSchema, type WorkflowDefinitionInput } from '../../../src/shared/workflow/definition';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { REPO_ROOT } from '../../helpers/paths';
import { agent, container, warnings, workflow } from '../../helpers/workflow';

/**
 * Nothing in a definition is accepted without effect: every field of the zod schema is listed
 * here with the test that shows what it does (`runs`: the scheduler, an Engine or the
 * validator act on it; `kept`: it is descriptive, and the test shows it carried to where
 * people see it). A field that one node type ignores names that type under `ignoredOn`, and
 * setting it there must draw a validator warning. A field added to the schema without an
 * entry fails this test.
 */
interface Evidence {
  kind: 'runs' | 'kept';
  file: string;
  test: string;
}
interface FieldEntry {
  evidence: Evidence[];
  ignoredOn?: { nodeType: 'agent' | 'container'; value: unknown; code: string };
}

const runs = (file: string, test: string): Evidence => ({ kind: 'runs', file, test });
const kept = (file: string, test: string): Evidence => ({ kind: 'kept', file, test });

const SCHED = 'test/main/core/scheduler';
const VALIDATE = 'test/shared/workflow/validate.test.ts';
const INPUTS = 'test/main/core/tasks/task-inputs.test.ts';
const designFields = kept('test/main/core/tasks/design-fields.test.ts', 'carries the design fields from the definition through the store and views to the Engine request, the report and a run bundle');
const backoffRuns = runs(`${SCHED}/retry.test.ts`, 'waits initialMs·factorⁿ⁻¹ capped at maxMs, with the schema defaults where the policy is silent');

const ON_ERROR = `${SCHED}/on-error.test.ts`;
const onErrorTable = runs('test/shared/workflow/on-error.test.ts', 'takes the first matching rule, reads * as any characters and everything else literally');
const onErrorRetry = runs(ON_ERROR, 'runs a new attempt on the rule’s own budget when the code matches, and then succeeds');
const onErrorSkip = runs(ON_ERROR, 'ends the node skipped, naming rule and code, and its successors follow the dependency semantics of a skipped node');
const onErrorHandler = runs(ON_ERROR, 'runs the handler with the failure in its config; the node waits, running, and ends completed as RECOVERED when the handler completes');
const onErrorEscalate = runs(ON_ERROR, 'fails the node at once as ESCALATED and the alert monitor raises an escalated alert even with failure alerts off');
const onErrorWorkflowRules = runs(ON_ERROR, 'retries on a workflow-level rule for a node that declares none, with that rule’s backoff');

const FIELDS: Record<string, FieldEntry> = {
  name: { evidence: [runs('test/main/core/tasks/create-task.test.ts', 'takes the name from the workflow when none is given')] },
  description: { evidence: [kept('test/main/core/workflow/templates.test.ts', 'saves a definition as version 1, then 2, 3 under the same name, with decimal string ids')] },
  version: { evidence: [kept('test/main/core/workflow/bpmn/round-trip.test.ts', 'keeps every field of a hand-made workflow')] },
  variables: { evidence: [runs(`${SCHED}/lifecycle.test.ts`, 'decides activations over the variables and the results of nodes that have ended')] },
  'inputs[].name': { evidence: [runs(INPUTS, 'fills in the default of a declared input the task leaves out')] },
  'inputs[].type': { evidence: [runs(INPUTS, 'refuses a variable of the wrong type, naming it and its type')] },
  'inputs[].default': { evidence: [runs(INPUTS, 'fills in the default of a declared input the task leaves out')] },
  'inputs[].required': { evidence: [runs(INPUTS, 'refuses a task without a required input, naming it, and writes nothing')] },
  'inputs[].description': { evidence: [kept(INPUTS, 'keeps the declared inputs, descriptions included, in the task snapshot')] },
  'nodes[].nodeId': { evidence: [runs(`${SCHED}/lifecycle.test.ts`, 'starts a task: the node tree goes to the Engine in its wire format, then the task runs and ends completed')] },
  'nodes[].nodeType': { evidence: [runs(`${SCHED}/containers.test.ts`, 'are initialized on their Engine before any child starts, nested ones included')] },
  'nodes[].kind': {
    evidence: [
      runs('test/shared/workflow/node-kinds.test.ts', 'lets the node’s own load, timeout and retries win over its kind’s'),
      runs('test/shared/workflow/node-kinds.test.ts', 'reports a kind that does not fit the node type, with its path'),
      runs('test/cli/run-command.test.ts', 'runs a decision node with the shipped catalog: of its two conditional successors exactly one runs, the other is skipped'),
      kept('test/main/core/tasks/node-kind.test.ts', 'is carried from the definition through the store and node views to the run reports and a run bundle'),
    ],
  },
  'nodes[].isRoot': { evidence: [runs(VALIDATE, 'reports a node without a parent beside the root, and isRoot false without a parent')] },
  'nodes[].parentId': { evidence: [runs(VALIDATE, 'normalizes: parentId and children both filled, defaults applied, key order fixed')] },
  'nodes[].children': { evidence: [runs(VALIDATE, 'normalizes: parentId and children both filled, defaults applied, key order fixed')] },
  'nodes[].name': { evidence: [kept('test/renderer/monitor/tree/model/visible-rows.test.ts', 'searches names and ids case-insensitively, combined with the status filter')] },
  'nodes[].containerName': { evidence: [kept('test/main/core/workflow/bpmn/round-trip.test.ts', 'keeps every field of a hand-made workflow')] },
  'nodes[].agentLoad': {
    evidence: [runs('test/shared/workflow/engine-format.test.ts', 'writes requestType 1 with the tree in pre-order, boxes with containerConfig, agents with load and config')],
    ignoredOn: { nodeType: 'container', value: 'sim', code: P.ignoredSetting },
  },
  'nodes[].agentConfig': {
    evidence: [
      runs('test/shared/workflow/engine-format.test.ts', 'writes requestType 1 with the tree in pre-order, boxes with containerConfig, agents with load and config'),
      runs('test/shared/workflow/config-check.test.ts', 'makes an http node without url a validation error, named by node id'),
    ],
    ignoredOn: { nodeType: 'container', value: { a: 1 }, code: P.ignoredSetting },
  },
  'nodes[].containerConfig': {
    evidence: [runs('test/engine/containers.test.ts', 'initializes per containerConfig; children get its environment and folder; stop tears it down')],
    ignoredOn: { nodeType: 'agent', value: { env: {} }, code: P.ignoredSetting },
  },
  'nodes[].agentMetaId': { evidence: [designFields], ignoredOn: { nodeType: 'container', value: '42', code: P.ignoredSetting } },
  'nodes[].agentUrl': { evidence: [designFields], ignoredOn: { nodeType: 'container', value: 'https://agents.example/a.tgz', code: P.ignoredSetting } },
  'nodes[].containerType': { evidence: [designFields], ignoredOn: { nodeType: 'agent', value: 'docker', code: P.ignoredSetting } },
  'nodes[].envConfig': { evidence: [designFields] },
  'nodes[].bizValue': { evidence: [designFields] },
  'nodes[].dependencies[].sourceNodeId': { evidence: [runs(`${SCHED}/retry.test.ts`, 'fails the node once its retries are spent, and its dependents are skipped')] },
  'nodes[].dependencies[].type': {
    evidence: [runs(`${SCHED}/evaluator.test.ts`, 'has the shared cases'), runs(`${SCHED}/design-defaults.test.ts`, 'runs the target of an edge that names no type once its source has failed: the edge is finish')],
  },
  'nodes[].dependencies[].condition': { evidence: [runs(`${SCHED}/evaluator.test.ts`, 'reads conditions with json-logic truthiness, not JavaScript')] },
  'nodes[].join': { evidence: [runs(`${SCHED}/evaluator.test.ts`, 'has the shared cases')] },
  'nodes[].priority': {
    evidence: [runs(`${SCHED}/queue.test.ts`, 'makes ready agents wait for Engine capacity, higher priority first, never running more than the Engine can')],
    ignoredOn: { nodeType: 'container', value: 5, code: P.pointlessSetting },
  },
  'nodes[].retry.maxRetries': {
    evidence: [
      runs(`${SCHED}/retry.test.ts`, 'fails the node once its retries are spent, and its dependents are skipped'),
      runs(`${SCHED}/container-end.test.ts`, 'reruns the whole subtree as new batches, containers initialized again, and succeeds on the second attempt'),
    ],
  },
  'nodes[].retry.backoff.initialMs': { evidence: [backoffRuns, runs(`${SCHED}/retry.test.ts`, 'runs each attempt as a new execution batch after its backoff, until one succeeds')] },
  'nodes[].retry.backoff.factor': { evidence: [backoffRuns] },
  'nodes[].retry.backoff.maxMs': { evidence: [backoffRuns] },
  'nodes[].timeoutMs': {
    evidence: [
      runs(`${SCHED}/retry.test.ts`, 'times an execution out on its own clock, stops it on the Engine, then retries or fails'),
      runs(`${SCHED}/container-end.test.ts`, 'stops what runs inside, skips what has not started, and ends the container timed out'),
    ],
  },
  'nodes[].pin.at': { evidence: [runs(`${SCHED}/timers.test.ts`, 'starts a node pinned to a moment already past at once, and one pinned to a later moment then')] },
  'nodes[].pin.delayMs': { evidence: [runs(`${SCHED}/timers.test.ts`, 'holds a node until delayMs after the task started, while others run')] },
  'nodes[].activation': { evidence: [runs(`${SCHED}/lifecycle.test.ts`, 'decides activations over the variables and the results of nodes that have ended')] },
  'nodes[].onError[].code': { evidence: [onErrorTable, onErrorRetry] },
  'nodes[].onError[].action': { evidence: [onErrorRetry, onErrorSkip, onErrorHandler, onErrorEscalate] },
  'nodes[].onError[].maxRetries': { evidence: [runs(ON_ERROR, 'fails the node once the rule’s budget is spent, without spending the retry policy too')] },
  'nodes[].onError[].backoff.initialMs': { evidence: [onErrorRetry] },
  'nodes[].onError[].backoff.factor': { evidence: [onErrorRetry, backoffRuns] },
  'nodes[].onError[].backoff.maxMs': { evidence: [backoffRuns] },
  'nodes[].onError[].handlerNodeId': { evidence: [onErrorHandler] },
  'onError[].code': { evidence: [onErrorSkip] },
  'onError[].action': { evidence: [onErrorSkip] },
  'onError[].maxRetries': { evidence: [onErrorWorkflowRules] },
  'onError[].backoff.initialMs': { evidence: [onErrorWorkflowRules] },
  'onError[].backoff.factor': { evidence: [onErrorWorkflowRules] },
  'onError[].backoff.maxMs': { evidence: [onErrorWorkflowRules] },
  'onError[].handlerNodeId': { evidence: [runs('test/shared/workflow/on-error-check.test.ts', 'warns of rules after a catch-all, settings the action ignores, and rules on a container; checks the workflow’s default handler')] },
  'nodes[].layout.x': { evidence: [kept('test/renderer/monitor/graph/graph-layout.test.ts', 'keeps a workflow’s own layout')] },
  'nodes[].layout.y': { evidence: [kept('test/renderer/monitor/graph/graph-layout.test.ts', 'keeps a workflow’s own layout')] },
  'nodes[].layout.width': { evidence: [kept('test/main/core/workflow/bpmn/export.test.ts', 'turns layouts relative to the parent container into absolute diagram bounds')] },
  'nodes[].requiredSkills': {
    evidence: [
      runs('test/main/core/engine/balancer-skills.test.ts', 'places a node requiring a skill only on the Engine having it, records each choice with its score, and refuses skills nobody has'),
      runs('test/main/core/assignment/manual-assignment.test.ts', 'assigns the named operator, or the one with the skills and the fewest open steps, and lists them as pending'),
    ],
    ignoredOn: { nodeType: 'container', value: ['gpu'], code: P.ignoredSetting },
  },
  'nodes[].assignee': {
    evidence: [runs('test/main/core/assignment/manual-assignment.test.ts', 'refuses a decision by another operator, naming the assignee, and takes the assignee’s')],
    ignoredOn: { nodeType: 'container', value: 'alice', code: P.ignoredSetting },
  },
  'nodes[].layout.height': { evidence: [kept('test/main/core/workflow/bpmn/export.test.ts', 'turns layouts relative to the parent container into absolute diagram bounds')] },
};

const TRIGGERS = 'test/main/core/triggers/trigger-service.test.ts';
const TRIGGER_CHECK = 'test/shared/workflow/trigger-check.test.ts';
const scheduleFires = runs(TRIGGERS, 'fires at the cron’s next time in its zone and starts a task of the template with the trigger’s variables');
const fileFires = runs('test/main/core/triggers/folder-trigger.test.ts', 'start one task per new file matching the pattern, once it has stopped growing, with the file in the variables');
FIELDS['triggers[].type'] = { evidence: [scheduleFires, fileFires, runs('test/main/core/host/rest/trigger-fire.test.ts', 'starts a task of the template over HTTP with the body as variables, for an operator only')] };
FIELDS['triggers[].name'] = { evidence: [scheduleFires] };
FIELDS['triggers[].cron'] = { evidence: [scheduleFires, runs(TRIGGER_CHECK, 'reports a bad cron expression at its path, with what is wrong in it')] };
FIELDS['triggers[].timezone'] = { evidence: [scheduleFires, runs(TRIGGER_CHECK, 'reports a cron expression no date matches, an unknown time zone, a relative folder and a pattern with a path')] };
FIELDS['triggers[].catchUp'] = {
  evidence: [
    runs(TRIGGERS, 'skips the firings missed while no console ran, recording them, under the catch-up policy skip'),
    runs(TRIGGERS, 'runs once for all the firings missed while no console ran under the catch-up policy once'),
  ],
};
FIELDS['triggers[].variables'] = { evidence: [scheduleFires, fileFires] };
FIELDS['triggers[].folder'] = { evidence: [fileFires, runs('test/main/core/triggers/folder-trigger.test.ts', 'reports a missing folder as the trigger’s error, and watches it once it appears')] };
FIELDS['triggers[].pattern'] = { evidence: [fileFires] };

const INJECTS = 'test/main/core/injects/inject-service.test.ts';
const INJECT_CHECK = 'test/shared/workflow/inject-check.test.ts';
const injectsFire = runs(INJECTS, 'fires each kind of trigger once and carries out each action: variables set, nodes added, a message reaching the sim agent’s result');
const injectsRestart = runs(INJECTS, 'fires across a restart what came due while no console ran, and never fires twice what had fired');
const injectsChecked = runs(INJECT_CHECK, 'reports bad injects at their paths: a duplicate id, unknown nodes, a message to a container, added nodes that are invalid, clash or have no container');
FIELDS['injects[].id'] = { evidence: [injectsFire, injectsChecked] };
FIELDS['injects[].name'] = { evidence: [kept(INJECT_CHECK, 'accepts each trigger and action, keeping the injects in the definition')] };
FIELDS['injects[].when.type'] = { evidence: [injectsFire, injectsRestart] };
FIELDS['injects[].when.afterMs'] = { evidence: [injectsFire, injectsRestart] };
FIELDS['injects[].when.at'] = { evidence: [injectsFire] };
FIELDS['injects[].when.nodeId'] = { evidence: [injectsFire, injectsChecked] };
FIELDS['injects[].when.status'] = { evidence: [injectsFire] };
FIELDS['injects[].actions[].type'] = { evidence: [injectsFire] };
FIELDS['injects[].actions[].variables'] = { evidence: [injectsFire, injectsRestart] };
FIELDS['injects[].actions[].nodes'] = { evidence: [injectsFire, injectsChecked] };
FIELDS['injects[].actions[].nodeId'] = { evidence: [injectsFire, runs(INJECTS, 'records an inject failed when its agent does not handle messages, and does not fire it again')] };
FIELDS['injects[].actions[].message'] = { evidence: [injectsFire] };

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** An object, or a union of objects (the trigger kinds): its fields are listed, not the thing as one leaf. */
function isObjectLike(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'object' || (def.type === 'union' && def.options!.every((option) => defOf(option).type === 'object'));
}

/** Every leaf field of the schema by path; JSON values (configs, conditions, variables) are leaves. */
function fieldsOf(schema: z.ZodType, path: string, out: string[]): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return fieldsOf(def.innerType!, path, out);
    case 'array':
      if (isObjectLike(def.element!)) return fieldsOf(def.element!, `${path}[]`, out);
      out.push(path);
      return out;
    case 'object':
      for (const [key, field] of Object.entries(def.shape ?? {})) fieldsOf(field, path ? `${path}.${key}` : key, out);
      return out;
    case 'union': {
      const objects = def.options!.filter((option) => defOf(option).type === 'object');
      if (objects.length === 0) out.push(path);
      for (const option of objects) fieldsOf(option, path, out);
      return out;
    }
    default:
      out.push(path);
      return out;
  }
}

const schemaFields = [...new Set(fieldsOf(workflowDefinitionSchema, '', []))].sort();

describe('every field of the definition schema has an effect or draws a warning', () => {
  it('lists each field of the schema, and only those', () => {
    expect(schemaFields.length).toBeGreaterThan(30);
    expect(Object.keys(FIELDS).sort()).toEqual(schemaFields);
  });

  it.each(Object.entries(FIELDS))('%s: names tests that exist', (field, entry) => {
    expect(entry.evidence.length, field).toBeGreaterThan(0);
    for (const evidence of entry.evidence) {
      const text = readFileSync(join(REPO_ROOT, evidence.file), 'utf8');
      expect(text.includes(`it('${evidence.test}'`) || text.includes(`it(\`${evidence.test}\``), `${field}: ${evidence.file} › ${evidence.test}`).toBe(true);
    }
  });

  it.each(Object.entries(FIELDS).filter(([, entry]) => entry.ignoredOn !== undefined))('%s: warns where its node type ignores it', (field, entry) => {
    const { nodeType, value, code } = entry.ignoredOn!;
    const key = field.replace('nodes[].', '');
    const node = nodeType === 'container' ? container('box', { parentId: 'root', [key]: value }) : agent('box', 'root', { [key]: value });
    const inner = nodeType === 'container' ? [agent('inside', 'box')] : [];
    const result = validateWorkflow(workflow([container('root'), node, ...inner]) as WorkflowDefinitionInput);
    expect(warnings(result).filter((problem) => problem.code === code && problem.path.join('.') === `nodes.1.${key}`), field).toHaveLength(1);
  });
});

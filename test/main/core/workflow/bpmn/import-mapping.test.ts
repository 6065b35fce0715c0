import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '../../../../../src/shared/workflow/validate';
import { about, codes, edges, importValid, node, readHandMade } from './bpmn-test-kit';

type Logic = Parameters<typeof jsonLogic.apply>[0];

function holds(condition: unknown, variables: Record<string, unknown>): boolean {
  return Boolean(jsonLogic.apply(condition as Logic, { result: {}, variables }));
}

describe('BPMN import: gateways', () => {
  it('turns an exclusive split into conditional edges, its default into their negation, its merge into a one-join', async () => {
    const { definition, problems } = await importValid(readHandMade('gateways.bpmn'));
    // Only the plain tasks and the service-like tasks that name no agent are reported (see the task-type tests).
    expect(problems.map((problem) => problem.nodeId)).toEqual(['A', 'D', 'F', 'G', 'H']);
    expect(definition.name).toBe('Gateways');
    const [toB] = node(definition, 'B').dependencies ?? [];
    expect(toB).toEqual({ sourceNodeId: 'A', type: 'success', condition: { '>': [{ var: 'variables.amount' }, 1000] } });
    expect(node(definition, 'C').dependencies).toEqual([{ sourceNodeId: 'A', type: 'success', condition: { '!!': [{ var: 'variables.approved' }] } }]);
    const toD = node(definition, 'D').dependencies?.[0];
    expect(toD?.sourceNodeId).toBe('A');
    expect(holds(toD?.condition, { amount: 10, approved: false })).toBe(true);
    expect(holds(toD?.condition, { amount: 5000, approved: false })).toBe(false);
    expect(holds(toD?.condition, { amount: 10, approved: true })).toBe(false);
    expect(edges(definition, 'E')).toEqual([
      ['B', 'success'],
      ['C', 'success'],
      ['D', 'success'],
    ]);
    expect(node(definition, 'E').join).toBe('one');
  });

  it('turns a parallel fork into plain edges and its join into an all-join', async () => {
    const { definition } = await importValid(readHandMade('gateways.bpmn'));
    expect(edges(definition, 'F')).toEqual([['E', 'success']]);
    expect(edges(definition, 'G')).toEqual([['E', 'success']]);
    expect(edges(definition, 'H')).toEqual([
      ['F', 'success'],
      ['G', 'success'],
    ]);
    expect(node(definition, 'H').join).toBe('all');
  });

  it('drops gateways and start/end events: only activities become nodes, under the process as root', async () => {
    const { definition } = await importValid(readHandMade('gateways.bpmn'));
    expect(definition.nodes.map((found) => found.nodeId)).toEqual(['Gateways', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(node(definition, 'Gateways')).toMatchObject({ nodeType: 'container', isRoot: true, name: 'Gateway process', children: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] });
    expect(edges(definition, 'A')).toEqual([]);
  });
});

describe('BPMN import: task types', () => {
  it('maps each task type to an agent load and keeps what the load does not say', async () => {
    const { definition } = await importValid(readHandMade('gateways.bpmn'));
    expect(node(definition, 'A')).toMatchObject({ nodeType: 'agent', kind: 'manual', agentLoad: 'manual', name: 'Assess', agentConfig: { bpmnType: 'task' } });
    expect(node(definition, 'B')).toMatchObject({ kind: 'manual', agentLoad: 'manual' });
    expect(node(definition, 'C')).toMatchObject({ kind: 'script', agentLoad: 'script', agentConfig: { script: 'result.ok = true;', interpreter: 'node' } });
    expect(node(definition, 'D')).toMatchObject({ kind: 'api_call', agentLoad: 'http' });
    expect(node(definition, 'E')).toMatchObject({ kind: 'manual', agentLoad: 'manual', agentConfig: { bpmnType: 'manualTask' } });
    expect(node(definition, 'F')).toMatchObject({ kind: 'api_call', agentLoad: 'http', agentConfig: { bpmnType: 'sendTask' } });
    expect(node(definition, 'G')).toMatchObject({ kind: 'api_call', agentLoad: 'http', agentConfig: { bpmnType: 'businessRuleTask' } });
    // Each kind brings the design's timeout and retries once the workflow is validated.
    const normalized = validateWorkflow(definition).definition!;
    expect(node(normalized, 'C')).toMatchObject({ timeoutMs: 1_800_000, retry: { maxRetries: 3 } });
    expect(node(normalized, 'D')).toMatchObject({ timeoutMs: 300_000, retry: { maxRetries: 3 } });
    expect(node(normalized, 'B')).toMatchObject({ timeoutMs: 3_600_000, retry: { maxRetries: 0 } });
  });

  it('makes a plain task a manual step, as the IT-ops design does, with a warning naming it', async () => {
    const { definition, problems } = await importValid(readHandMade('gateways.bpmn'));
    const [note] = about(problems, 'A');
    expect(note).toMatchObject({ severity: 'warning', code: 'BPMN_PLAIN_TASK', nodeId: 'A', path: ['bpmn', 'A'] });
    expect(note?.message).toBe('bpmn:Task "Assess" (A) is a plain task with no type; it becomes a manual task that waits for an operator to approve it. Give it a task type, or deduction:agentLoad="sim" to simulate it.');
    expect(node(definition, 'H')).toMatchObject({ kind: 'manual', agentLoad: 'manual' });
  });

  it('gives no kind to a task whose load the file names, takes deduction:kind as written, and reports a kind that does not exist', async () => {
    const xml = `<?xml version="1.0"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:deduction="http://deduction-console/schema/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="p">
          <bpmn:task id="simulated" deduction:agentLoad="sim" />
          <bpmn:serviceTask id="probe" deduction:agentLoad="http-health" deduction:kind="api_call" />
          <bpmn:userTask id="odd" deduction:kind="teleport" />
        </bpmn:process>
      </bpmn:definitions>`;
    const { definition, problems } = await importValid(xml);
    expect(node(definition, 'simulated').agentLoad).toBe('sim');
    expect(node(definition, 'simulated').kind).toBeUndefined();
    expect(about(problems, 'simulated')).toEqual([]);
    expect(node(definition, 'probe')).toMatchObject({ kind: 'api_call', agentLoad: 'http-health' });
    expect(node(definition, 'odd')).toMatchObject({ kind: 'manual', agentLoad: 'manual' });
    expect(about(problems, 'odd')).toEqual([
      expect.objectContaining({ code: 'BPMN_EXTENSION_IGNORED', message: expect.stringContaining('deduction:kind "teleport" of bpmn:UserTask (odd) is not a node kind') }),
    ]);
  });

  it('says that a service, send or business-rule task naming no agent becomes an http call that needs a url', async () => {
    const { problems } = await importValid(readHandMade('gateways.bpmn'));
    for (const id of ['D', 'F', 'G']) {
      const [note] = about(problems, id);
      expect(note, id).toMatchObject({ severity: 'warning', code: 'BPMN_SEMANTICS_APPROXIMATED', nodeId: id });
      expect(note?.message).toContain('needs a url');
    }
  });

  it('takes the agent from a Camunda external-task topic or a Zeebe job type', async () => {
    const xml = `<?xml version="1.0"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:c="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:deduction="http://deduction-console/schema/bpmn" id="d" targetNamespace="x">
        <bpmn:process id="p">
          <bpmn:serviceTask id="external" c:type="external" c:topic="credit-check" />
          <bpmn:serviceTask id="job"><bpmn:extensionElements><zeebe:taskDefinition type="payment" /></bpmn:extensionElements></bpmn:serviceTask>
          <bpmn:userTask id="named" deduction:agentLoad="wargame" />
        </bpmn:process>
      </bpmn:definitions>`;
    const { definition, problems } = await importValid(xml);
    expect(node(definition, 'external').agentLoad).toBe('credit-check');
    expect(node(definition, 'job').agentLoad).toBe('payment');
    expect(node(definition, 'named')).toMatchObject({ agentLoad: 'wargame', agentConfig: { bpmnType: 'userTask' } });
    expect(codes(problems)).not.toContain('BPMN_EXTENSION_IGNORED');
  });
});

describe('BPMN import: conditions', () => {
  it('translates expressible conditions, and quotes the others in a warning while keeping the edge', async () => {
    const { definition, problems } = await importValid(readHandMade('conditions.bpmn'));
    expect(node(definition, 'B').dependencies).toEqual([{ sourceNodeId: 'A', type: 'success', condition: { '==': [{ var: 'variables.region' }, 'north'] } }]);
    expect(node(definition, 'C').dependencies).toEqual([{ sourceNodeId: 'A', type: 'success' }]);
    const [notExpressible] = about(problems, 'Flow_Split_C');
    expect(notExpressible).toMatchObject({ severity: 'warning', code: 'BPMN_CONDITION_NOT_EXPRESSIBLE' });
    expect(notExpressible?.message).toContain(`"\${execution.getVariable('risk') > 3}"`);
    expect(about(problems, 'Flow_Split_D').map((problem) => problem.code)).toEqual(['BPMN_CONDITION_MISSING']);
  });

  it('joins an inclusive merge with "one" and says it does not wait for every branch', async () => {
    const { definition, problems } = await importValid(readHandMade('conditions.bpmn'));
    expect(node(definition, 'E').join).toBe('one');
    expect(about(problems, 'Merge').map((problem) => problem.code)).toEqual(['BPMN_SEMANTICS_APPROXIMATED']);
  });

  it('keeps a conditional flow straight from a task, with && and !', async () => {
    const { definition } = await importValid(readHandMade('conditions.bpmn'));
    const condition = node(definition, 'F').dependencies?.[0]?.condition;
    expect(condition).toEqual({ and: [{ '>=': [{ var: 'variables.score' }, 5] }, { '!': [{ '!!': [{ var: 'variables.blocked' }] }] }] });
    expect(holds(condition, { score: 7, blocked: false })).toBe(true);
    expect(holds(condition, { score: 7, blocked: true })).toBe(false);
  });

  it("hangs a condition right after a subprocess's start on the subprocess's own sources", async () => {
    const { definition } = await importValid(readHandMade('conditions.bpmn'));
    expect(edges(definition, 'Sub')).toEqual([['E', 'success']]);
    expect(node(definition, 'Sub_Big').dependencies).toEqual([{ sourceNodeId: 'E', type: 'success', condition: { '>=': [{ var: 'variables.size' }, 10] } }]);
    expect(node(definition, 'Sub_Small').dependencies).toEqual([{ sourceNodeId: 'E', type: 'success', condition: { '<': [{ var: 'variables.size' }, 10] } }]);
  });
});

describe('BPMN import: boundary events and timers', () => {
  it('turns an error boundary event into failure edges from the activity', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-timers.bpmn'));
    expect(node(definition, 'Handler').dependencies).toEqual([{ sourceNodeId: 'A', type: 'failure' }]);
    expect(about(problems, 'A_Error')).toEqual([]);
  });

  it('approximates other boundary events and says so', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-timers.bpmn'));
    expect(node(definition, 'Reminder').dependencies).toEqual([{ sourceNodeId: 'A', type: 'finish' }]);
    const [warning] = about(problems, 'A_Timeout');
    expect(warning).toMatchObject({ code: 'BPMN_SEMANTICS_APPROXIMATED', nodeId: 'A' });
    expect(warning?.message).toContain('non-interrupting');
  });

  it('pins the node after a timer: a delay for durations, a date for dates; cycles are reported', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-timers.bpmn'));
    expect(node(definition, 'A').pin).toEqual({ delayMs: 5 * 60_000 });
    expect(about(problems, 'Start')).toEqual([]);
    expect(node(definition, 'B')).toMatchObject({ pin: { at: '2030-01-01T08:00:00Z' }, dependencies: [{ sourceNodeId: 'A', type: 'success' }] });
    expect(node(definition, 'C')).toMatchObject({ pin: { delayMs: 90 * 60_000 }, dependencies: [{ sourceNodeId: 'B', type: 'success' }] });
    expect(about(problems, 'Wait_Duration').map((problem) => problem.code)).toEqual(['BPMN_SEMANTICS_APPROXIMATED']);
    expect(node(definition, 'D').pin).toBeUndefined();
    const [cycle] = about(problems, 'Every_Day');
    expect(cycle?.code).toBe('BPMN_TIMER_UNSUPPORTED');
    expect(cycle?.message).toContain('R/P1D');
  });
});

describe('BPMN import: pools and message flows', () => {
  it('puts several pools under a synthetic root and makes message flows finish edges', async () => {
    const { definition, problems } = await importValid(readHandMade('pools.bpmn'));
    expect(node(definition, 'Collab')).toMatchObject({ isRoot: true, name: 'Ordering', children: ['Pool_Customer', 'Pool_Shop', 'Pool_Bank'] });
    expect(node(definition, 'Pool_Customer')).toMatchObject({ nodeType: 'container', parentId: 'Collab', name: 'Customer', children: ['Order', 'Receive', 'Pay'] });
    expect(node(definition, 'Pack').dependencies).toEqual([{ sourceNodeId: 'Order', type: 'finish' }]);
    expect(edges(definition, 'Receive')).toEqual([
      ['Order', 'success'],
      ['Ship', 'finish'],
    ]);
    expect(node(definition, 'Receive').join).toBe('all');
    expect(node(definition, 'Pool_Bank')).toMatchObject({ children: [], dependencies: [{ sourceNodeId: 'Pay', type: 'finish' }] });
    expect(about(problems, 'Pool_Bank').map((problem) => problem.code)).toContain('BPMN_SEMANTICS_APPROXIMATED');
  });
});

describe('BPMN import: nesting, loops and layout', () => {
  it('nests subprocesses as containers and inlines a call activity whose process is in the file', async () => {
    const { definition } = await importValid(readHandMade('nested.bpmn'));
    expect(node(definition, 'S')).toMatchObject({ nodeType: 'container', parentId: 'Main', children: ['s1', 'T'] });
    expect(node(definition, 'T')).toMatchObject({ nodeType: 'container', parentId: 'S', children: ['t1'], dependencies: [{ sourceNodeId: 's1', type: 'success' }] });
    expect(node(definition, 't1').parentId).toBe('T');
    expect(node(definition, 'Call_Local')).toMatchObject({ nodeType: 'container', children: ['r1', 'r2'], containerConfig: { bpmnType: 'callActivity', calledElement: 'Review' } });
    expect(node(definition, 'Call_Remote')).toMatchObject({ nodeType: 'agent', agentLoad: 'sim', agentConfig: { bpmnType: 'callActivity', calledElement: 'elsewhere' } });
  });

  it('cuts a loop at its back edge with a warning, and still conditions the way out', async () => {
    const { definition, problems } = await importValid(readHandMade('nested.bpmn'));
    expect(node(definition, 'Prepare').dependencies).toBeUndefined();
    expect(about(problems, 'Prepare').map((problem) => problem.code)).toEqual(['BPMN_PLAIN_TASK', 'BPMN_DEPENDENCY_DROPPED']);
    expect(node(definition, 'S').dependencies).toEqual([{ sourceNodeId: 'Prepare', type: 'success', condition: { '!': [{ '!!': [{ var: 'variables.again' }] }] } }]);
  });

  it('reports an event subprocess and imports nothing inside it', async () => {
    const { definition, problems } = await importValid(readHandMade('nested.bpmn'));
    expect(definition.nodes.some((found) => found.nodeId === 'Cleanup' || found.nodeId === 'OnCancel')).toBe(false);
    const [warning] = about(problems, 'OnCancel');
    expect(warning?.code).toBe('BPMN_UNSUPPORTED_ELEMENT');
    expect(warning?.message).toContain('event subprocess');
  });

  it('keeps diagram positions, relative to the parent container; a collapsed subprocess grows to hold its own plane', async () => {
    const { definition } = await importValid(readHandMade('nested.bpmn'));
    expect(node(definition, 'Main').layout).toEqual({ x: 160, y: 10, width: 1060, height: 380 });
    expect(node(definition, 'Prepare').layout).toEqual({ x: 40, y: 90, width: 100, height: 80 });
    expect(node(definition, 'S').layout).toEqual({ x: 240, y: 40, width: 500, height: 300 });
    expect(node(definition, 'T').layout).toEqual({ x: 200, y: 40, width: 250, height: 200 });
    expect(node(definition, 't1').layout).toEqual({ x: 60, y: 50, width: 100, height: 80 });
    expect(node(definition, 'U').layout).toEqual({ x: 840, y: 90, width: 180, height: 160 });
    expect(node(definition, 'u1').layout).toEqual({ x: 40, y: 40, width: 100, height: 80 });
    expect(node(definition, 'r1').layout).toBeUndefined();
  });
});

describe('BPMN import: unsupported elements', () => {
  it('names every element it cannot carry over, by type and id', async () => {
    const { definition, problems } = await importValid(readHandMade('unsupported.bpmn'));
    const expected: [string, string, string][] = [
      ['Lane_Ops', 'BPMN_ARTIFACT_IGNORED', 'bpmn:Lane "Operations"'],
      ['Note', 'BPMN_ARTIFACT_IGNORED', 'bpmn:TextAnnotation'],
      ['Note_Link', 'BPMN_ARTIFACT_IGNORED', 'bpmn:Association'],
      ['Shout', 'BPMN_UNSUPPORTED_ELEMENT', 'signal event definition'],
      ['Escalate', 'BPMN_UNSUPPORTED_ELEMENT', 'escalation event definition'],
      ['Undo', 'BPMN_UNSUPPORTED_ELEMENT', 'compensation handler'],
      ['Report_Data', 'BPMN_UNSUPPORTED_ELEMENT', 'bpmn:DataObject'],
      ['Report', 'BPMN_UNSUPPORTED_ELEMENT', 'bpmn:DataObjectReference "Report"'],
      ['Orphan_Landing', 'BPMN_DEPENDENCY_DROPPED', 'NoSuchLink'],
      ['Race', 'BPMN_SEMANTICS_APPROXIMATED', 'bpmn:EventBasedGateway'],
    ];
    for (const [elementId, code, text] of expected) {
      const found = about(problems, elementId);
      expect(found.map((problem) => problem.code), elementId).toContain(code);
      expect(found.some((problem) => problem.message.includes(text)), `${elementId}: ${text}`).toBe(true);
    }
    const work = about(problems, 'Work');
    expect(work.some((problem) => problem.message.includes('bpmn:MultiInstanceLoopCharacteristics'))).toBe(true);
    expect(work.some((problem) => problem.code === 'BPMN_EXTENSION_IGNORED' && problem.message.includes('camunda:asyncBefore'))).toBe(true);
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(definition.nodes.map((found) => found.nodeId)).toEqual(['Unsupported', 'Work', 'After_Landing', 'Left', 'Right']);
  });

  it('follows a link throw event to its catch event of the same name', async () => {
    const { definition } = await importValid(readHandMade('unsupported.bpmn'));
    expect(edges(definition, 'After_Landing')).toEqual([['Work', 'success']]);
  });
});

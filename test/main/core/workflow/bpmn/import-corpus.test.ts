import { readdirSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../../../src/shared/workflow/definition';
import type { Problem } from '../../../../../src/shared/workflow/problems';
import { about, CORPUS_DIR, counts, edges, importValid, node, readCorpus } from './bpmn-test-kit';

/**
 * Every file of the public corpus (test/fixtures/bpmn-corpus/SOURCES.md) imports as a valid
 * workflow. The expected node counts follow from SOURCES.md's element counts: agents are the
 * tasks and call activities, less those inside event subprocesses and compensation handlers
 * (and less call activities whose called process is in the file: those become containers);
 * containers are the root, one per pool when there are several (plus processes no pool
 * holds), the subprocesses and transactions that are not event subprocesses, and the call
 * activities holding their process.
 */
interface CorpusCase {
  file: string;
  agents: number;
  containers: number;
  check?: (definition: WorkflowDefinition, problems: Problem[]) => void;
}

function expectWarned(problems: readonly Problem[], elementId: string, code: string, text?: string): void {
  const found = about(problems, elementId);
  expect(found.map((problem) => problem.code), `${elementId} should be reported as ${code}`).toContain(code);
  if (text !== undefined) expect(found.some((problem) => problem.message.includes(text)), `${elementId}: ${text}`).toBe(true);
}

function byName(definition: WorkflowDefinition, name: string): WorkflowNodeDefinition {
  const found = definition.nodes.filter((candidate) => candidate.name === name);
  expect(found, name).toHaveLength(1);
  return found[0] as WorkflowNodeDefinition;
}

const CASES: CorpusCase[] = [
  {
    // 11 tasks + 1 call activity, 3 of them in the event subprocess; 2 pools, 1 subprocess, 1 transaction.
    file: 'bpmnio-kitchen-sink.bpmn',
    agents: 9,
    containers: 5,
    check(definition, problems) {
      expect(node(definition, 'Collaboration_1g73j63').children).toEqual(['Participant_1vedrhc', 'Participant_1oxeadm']);
      expect(node(definition, 'Task_0t0pnde')).toMatchObject({ nodeType: 'container', containerConfig: { bpmnType: 'transaction' } });
      expect(node(definition, 'Task_0vcqxha')).toMatchObject({ agentLoad: 'sim', agentConfig: { bpmnType: 'callActivity' } });
      expect(edges(definition, 'Task_19iw28f')).toEqual([['Task_0vcqxha', 'success']]);
      expectWarned(problems, 'Task_1mvn5bz', 'BPMN_UNSUPPORTED_ELEMENT', 'event subprocess');
      expectWarned(problems, 'ExclusiveGateway_0w2zn42', 'BPMN_SEMANTICS_APPROXIMATED', 'bpmn:EventBasedGateway');
      expectWarned(problems, 'ExclusiveGateway_08cpnyi', 'BPMN_SEMANTICS_APPROXIMATED', 'bpmn:ComplexGateway');
      expectWarned(problems, 'IntermediateThrowEvent_0d0om9q', 'BPMN_UNSUPPORTED_ELEMENT', 'escalation');
      expectWarned(problems, 'BoundaryEvent_1pheq3p', 'BPMN_SEMANTICS_APPROXIMATED', 'signal');
      expectWarned(problems, 'BoundaryEvent_1ge1buo', 'BPMN_SEMANTICS_APPROXIMATED', 'compensate');
      expectWarned(problems, 'IntermediateThrowEvent_0iysg53', 'BPMN_DEPENDENCY_DROPPED', 'link');
      expectWarned(problems, 'DataStoreReference_0rsnz87', 'BPMN_UNSUPPORTED_ELEMENT');
    },
  },
  {
    // 5 user tasks; 6 subprocesses nested three deep.
    file: 'bpmnio-nested-subprocesses.bpmn',
    agents: 5,
    containers: 7,
    check(definition) {
      expect(node(definition, 'collapsedProcess_2').parentId).toBe('expandedProcess');
      expect(node(definition, 'expandedProcess').parentId).toBe('collapsedProcess');
      expect(node(definition, 'sid-3459D5A6-4E18-4133-8362-0418AC9CE830')).toMatchObject({ agentLoad: 'manual', parentId: 'collapsedProcess_2' });
      expect(edges(definition, 'parallelGateway_withoutContent')).toEqual([
        ['sid-D0CDA908-DDCE-4E82-88D0-F1A919B8AE8B', 'success'],
        ['collapsedProcess', 'success'],
      ]);
      expect(node(definition, 'parallelGateway_withoutContent').join).toBe('all');
    },
  },
  {
    // 9 tasks; 2 pools; 6 message flows.
    file: 'bpmnio-pizza-collaboration.bpmn',
    agents: 9,
    containers: 3,
    check(definition, problems) {
      expect(edges(definition, '_6-463')).toEqual([['_6-127', 'finish']]);
      expect(byName(definition, 'Receive payment').dependencies).toEqual([
        { sourceNodeId: '_6-514', type: 'success' },
        { sourceNodeId: '_6-304', type: 'finish' },
      ]);
      expectWarned(problems, '_6-180', 'BPMN_SEMANTICS_APPROXIMATED', 'bpmn:EventBasedGateway');
      expectWarned(problems, '_6-616', 'BPMN_UNSUPPORTED_ELEMENT', 'terminate');
      expectWarned(problems, '_6-650', 'BPMN_ARTIFACT_IGNORED', 'clerk');
      expect(problems.some((problem) => problem.code === 'BPMN_DEPENDENCY_DROPPED' && problem.nodeId === '_6-304')).toBe(true);
    },
  },
  {
    file: 'bpmnio-qr-code.bpmn',
    agents: 2,
    containers: 1,
    check(definition, problems) {
      expect(node(definition, 'sid-E49425CF-8287-4798-B622-D2A7D78EF00B').dependencies).toEqual([{ sourceNodeId: 'SCAN_QR_CODE', type: 'success' }]);
      expect(node(definition, 'SCAN_QR_CODE').dependencies).toBeUndefined();
      expectWarned(problems, 'SCAN_QR_CODE', 'BPMN_DEPENDENCY_DROPPED');
    },
  },
  {
    file: 'bpmnio-transaction-boundaries.bpmn',
    agents: 6,
    containers: 1,
    check(definition, problems) {
      expect(node(definition, 'ReceiveTask_1nfzpjk')).toMatchObject({ agentLoad: 'sim', agentConfig: { bpmnType: 'receiveTask' } });
      expect(edges(definition, 'Task_0s7hgb5')).toEqual([['Task_12m3h91', 'success']]);
      expectWarned(problems, 'Task_0s7hgb5', 'BPMN_EXTENSION_IGNORED', 'camunda:asyncBefore');
    },
  },
  {
    file: 'camunda-loan-granting.bpmn',
    agents: 3,
    containers: 2,
    check(definition, problems) {
      expect(node(definition, 'Task_1lvjtd4').agentLoad).toBe('creditScoreChecker');
      expect(node(definition, 'Task_0v4gadf').dependencies).toEqual([
        { sourceNodeId: 'Task_1lvjtd4', type: 'success', condition: { '>': [{ var: 'variables.score' }, 5] } },
      ]);
      expect(node(definition, 'Task_0j0sjlk').dependencies?.[0]?.condition).toEqual({ '<=': [{ var: 'variables.score' }, 5] });
      expectWarned(problems, 'StartEvent_1', 'BPMN_TIMER_UNSUPPORTED', 'timeCycle');
      expectWarned(problems, 'SubProcess_16kr5xn', 'BPMN_UNSUPPORTED_ELEMENT', 'bpmn:MultiInstanceLoopCharacteristics');
    },
  },
  {
    file: 'camunda-parse-bpmn-process.bpmn',
    agents: 4,
    containers: 1,
    check(definition, problems) {
      expect(node(definition, 'scriptTask')).toMatchObject({ agentLoad: 'script', agentConfig: { script: "println 'hello world'", interpreter: 'groovy' }, join: 'one' });
      expectWarned(problems, 'scriptTask', 'BPMN_SCRIPT_UNSUPPORTED', '"groovy"');
      expect(node(definition, 'userTaskB').dependencies).toEqual([{ sourceNodeId: 'serviceTask', type: 'success', condition: { '==': [{ var: 'variables.foo' }, 'bar'] } }]);
      expect(node(definition, 'serviceTask').agentLoad).toBe('http');
    },
  },
  {
    file: 'miwg-A.1.0.bpmn',
    agents: 3,
    containers: 1,
    check(definition) {
      expect(edges(definition, byName(definition, 'Task 3').nodeId)).toEqual([[byName(definition, 'Task 2').nodeId, 'success']]);
    },
  },
  {
    file: 'miwg-A.2.0.bpmn',
    agents: 4,
    containers: 1,
    check(definition, problems) {
      const task1 = byName(definition, 'Task 1').nodeId;
      for (const name of ['Task 2', 'Task 3', 'Task 4']) expect(edges(definition, byName(definition, name).nodeId)).toEqual([[task1, 'success']]);
      expect(problems.filter((problem) => problem.code === 'BPMN_CONDITION_MISSING')).toHaveLength(3);
    },
  },
  {
    file: 'miwg-A.2.1.bpmn',
    agents: 4,
    containers: 1,
    check(definition) {
      expect(byName(definition, 'Task 3').join).toBe('one');
      expect(byName(definition, 'Task 3').dependencies).toHaveLength(3);
    },
  },
  {
    // 4 tasks, 1 (collapsed, empty) subprocess with an escalation and a message boundary event.
    file: 'miwg-A.3.0.bpmn',
    agents: 4,
    containers: 2,
    check(definition, problems) {
      const sub = '_1ae31d1b-2559-4f78-a3ec-47986a49db48';
      expect(byName(definition, 'Task 4').dependencies).toEqual([{ sourceNodeId: sub, type: 'failure' }]);
      expect(byName(definition, 'Task 3').dependencies).toEqual([{ sourceNodeId: sub, type: 'finish' }]);
      expectWarned(problems, '_178e16eb-4c9e-4ea0-9644-7c5fb2b71825', 'BPMN_SEMANTICS_APPROXIMATED', 'escalation');
      expectWarned(problems, '_428dcbf5-8e5e-48e0-9c0c-d93003fa8c82', 'BPMN_SEMANTICS_APPROXIMATED', 'message');
    },
  },
  {
    // 1 pool and 1 process without one: two containers under a synthetic root, plus 2 subprocesses.
    file: 'miwg-A.4.0.bpmn',
    agents: 6,
    containers: 5,
    check(definition) {
      expect(node(definition, 'WFP-6-2').parentId).toBe('C1373649949206');
      expect(byName(definition, 'Task 2').dependencies).toEqual([
        { sourceNodeId: byName(definition, 'Task 1').nodeId, type: 'success' },
        { sourceNodeId: byName(definition, 'Task 5').nodeId, type: 'finish' },
      ]);
    },
  },
  { file: 'miwg-A.4.1.bpmn', agents: 6, containers: 5 },
  {
    // 8 tasks + 3 call activities; 2 call activities call processes in the file and hold them.
    file: 'miwg-B.1.0.bpmn',
    agents: 9,
    containers: 7,
    check(definition) {
      expect(byName(definition, 'Call Activity - Expanded')).toMatchObject({ nodeType: 'container', containerConfig: { bpmnType: 'callActivity' } });
      expect(byName(definition, 'Abstract Task 4').parentId).toBe(byName(definition, 'Call Activity - Expanded').nodeId);
      expect(byName(definition, 'Call Activity Calling a Global Task')).toMatchObject({ nodeType: 'agent', agentConfig: { calledElement: 'global-task' } });
    },
  },
  {
    // 33 tasks + 3 call activities, 2 of them holding their process; 2 pools, 5 subprocesses.
    file: 'miwg-B.2.0.bpmn',
    agents: 34,
    containers: 10,
    check(_definition, problems) {
      expect(problems.filter((problem) => problem.message.includes('bpmn:MultiInstanceLoopCharacteristics'))).toHaveLength(3);
      expect(problems.filter((problem) => problem.message.includes('signal event definition')).length).toBeGreaterThanOrEqual(1);
    },
  },
  {
    file: 'miwg-C.1.0.bpmn',
    agents: 9,
    containers: 3,
    check(definition) {
      expect(node(definition, 'prepareBankTransfer').dependencies).toEqual([
        { sourceNodeId: 'approveInvoice', type: 'success', condition: { '!!': [{ var: 'variables.approved' }] } },
      ]);
      expect(node(definition, 'approveInvoice').dependencies?.[0]).toEqual({
        sourceNodeId: 'reviewInvoice',
        type: 'success',
        condition: { '==': [{ var: 'variables.clarified' }, 'yes'] },
      });
      expect(node(definition, 'archiveInvoice').agentLoad).toBe('http');
    },
  },
  {
    file: 'miwg-C.1.1.bpmn',
    agents: 5,
    containers: 1,
    check(_definition, problems) {
      const notExpressible = problems.filter((problem) => problem.code === 'BPMN_CONDITION_NOT_EXPRESSIBLE');
      expect(notExpressible.some((problem) => problem.message.includes("bpmn:getDataObject('approved')"))).toBe(true);
    },
  },
  {
    // 4 pools, 1 subprocess.
    file: 'miwg-C.2.0.bpmn',
    agents: 11,
    containers: 6,
    check(definition) {
      expect(byName(definition, 'Load Truck').dependencies).toEqual([{ sourceNodeId: byName(definition, 'Send to carrier dock').nodeId, type: 'finish' }]);
    },
  },
  { file: 'miwg-C.3.0.bpmn', agents: 4, containers: 2 },
  {
    file: 'miwg-C.4.0.bpmn',
    agents: 22,
    containers: 5,
    check(definition) {
      expect(byName(definition, 'Introduce new employee to the team').join).toBe('all');
      expect(byName(definition, 'Update payroll system').join).toBe('one');
    },
  },
  {
    // 18 tasks, the call activity holds the process it calls.
    file: 'miwg-C.5.0.bpmn',
    agents: 18,
    containers: 2,
  },
  {
    // 12 tasks, 2 of them compensation handlers; 1 subprocess and 1 event subprocess.
    file: 'miwg-C.6.0.bpmn',
    agents: 10,
    containers: 2,
    check(definition, problems) {
      expect(byName(definition, 'Notify Failed Booking').dependencies).toEqual([{ sourceNodeId: byName(definition, 'Make Booking').nodeId, type: 'failure' }]);
      expectWarned(problems, '_3a2f133c-3ae1-4e21-94b5-6e8cf51acd74', 'BPMN_UNSUPPORTED_ELEMENT', 'compensation handler');
      expectWarned(problems, '_e880bf53-84ca-4776-aa75-d1bf53172240', 'BPMN_UNSUPPORTED_ELEMENT', 'event subprocess');
    },
  },
  { file: 'miwg-C.7.0.bpmn', agents: 6, containers: 1 },
  {
    file: 'miwg-C.8.0.bpmn',
    agents: 9,
    containers: 1,
    check(definition) {
      expect(byName(definition, 'Vacation Approval')).toMatchObject({ agentLoad: 'DMN', agentConfig: { bpmnType: 'businessRuleTask' } });
      expect(definition.nodes.filter((candidate) => candidate.agentLoad === 'emailService')).toHaveLength(4);
    },
  },
  { file: 'miwg-C.8.1.bpmn', agents: 9, containers: 1 },
  {
    // 9 tasks + 1 call activity, 2 tasks inside the 2 event subprocesses.
    file: 'miwg-C.9.0.bpmn',
    agents: 8,
    containers: 1,
    check(definition) {
      expect(node(definition, 'SendTask_ReportFraud').dependencies).toEqual([{ sourceNodeId: 'Activity_ManualCheck', type: 'failure' }]);
      expect(node(definition, 'ServiceTask_GetCreditScore').agentLoad).toBe('calculateScore');
    },
  },
  {
    file: 'miwg-C.9.1.bpmn',
    agents: 4,
    containers: 1,
    check(definition) {
      expect(node(definition, 'UserTask_CallCustomer').dependencies).toEqual([{ sourceNodeId: 'ReceiveTask_WaitForDocument', type: 'failure' }]);
      expect(node(definition, 'SendTask_SendReminderEmail').dependencies).toEqual([{ sourceNodeId: 'ReceiveTask_WaitForDocument', type: 'finish' }]);
    },
  },
  {
    // 4 tasks + 1 call activity, 4 of them inside the 3 event subprocesses.
    file: 'miwg-C.9.2.bpmn',
    agents: 1,
    containers: 1,
    check(_definition, problems) {
      for (const id of ['Activity_0uvp3cb', 'Activity_1esx1s7', 'Activity_02a6b2h']) expectWarned(problems, id, 'BPMN_UNSUPPORTED_ELEMENT', 'event subprocess');
    },
  },
];

/** Element types that never become part of a workflow: each must be named by a warning. */
const NEVER_IMPORTED = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:Lane'];
/** Event definitions a workflow has no equivalent for. */
const FOREIGN_DEFINITIONS = ['bpmn:SignalEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:CompensateEventDefinition', 'bpmn:ConditionalEventDefinition', 'bpmn:CancelEventDefinition', 'bpmn:TerminateEventDefinition'];

function insideEventSubprocess(element: ModdleElement): boolean {
  for (let parent = element.$parent as ModdleElement | undefined; parent; parent = parent.$parent as ModdleElement | undefined) {
    if (parent.$type === 'bpmn:SubProcess' && parent.triggeredByEvent === true) return true;
  }
  return false;
}

/** Ids of the elements of a file that the import must report, found independently with bpmn-moddle. */
async function elementsToReport(xml: string): Promise<string[]> {
  const { elementsById } = await new BpmnModdle().fromXML(xml);
  const ids: string[] = [];
  for (const [id, element] of Object.entries(elementsById)) {
    if (insideEventSubprocess(element)) continue;
    const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
    if (
      NEVER_IMPORTED.includes(element.$type) ||
      (element.$type === 'bpmn:SubProcess' && element.triggeredByEvent === true) ||
      element.isForCompensation === true ||
      element.loopCharacteristics !== undefined ||
      definitions.some((definition) => FOREIGN_DEFINITIONS.includes(definition.$type))
    ) {
      ids.push(id);
    }
  }
  return ids;
}

describe('BPMN import: the public corpus', () => {
  it('has a case for every file of the corpus', () => {
    const files = readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.bpmn'));
    expect(CASES.map((entry) => entry.file).sort()).toEqual(files.sort());
  });

  it.each(CASES)('$file imports as a valid workflow', async ({ file, agents, containers, check }) => {
    const xml = readCorpus(file);
    const { definition, problems } = await importValid(xml);
    expect({ agents: counts(definition).agents, containers: counts(definition).containers }).toEqual({ agents, containers });
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
    for (const id of await elementsToReport(xml)) expect(about(problems, id), `no warning names ${id}`).not.toEqual([]);
    check?.(definition, problems);
  });
});

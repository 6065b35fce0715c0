import { describe, expect, it } from 'vitest';
import { about, edges, importValid, node, readCorpus, readHandMade } from './bpmn-test-kit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('BPMN import: boundary events', () => {
  it('runs what follows an error boundary event on the failure of the activity, with nothing to report', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-kinds.bpmn'));
    expect(node(definition, 'OnError').dependencies).toEqual([{ sourceNodeId: 'Fetch', type: 'failure' }]);
    expect(about(problems, 'Fetch_Error')).toEqual([]);
  });

  it('gives the activity of an interrupting timer its duration as timeout, and runs the timer path on its failure', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-kinds.bpmn'));
    expect(node(definition, 'Fetch').timeoutMs).toBe(5 * MINUTE);
    expect(node(definition, 'OnTimeout').dependencies).toEqual([{ sourceNodeId: 'Fetch', type: 'failure' }]);
    expect(about(problems, 'Fetch_Timeout')).toEqual([]);
  });

  it('does the same for a timer on a subprocess: the container gets the timeout', async () => {
    const { definition } = await importValid(readHandMade('boundary-kinds.bpmn'));
    expect(node(definition, 'Phase')).toMatchObject({ nodeType: 'container', timeoutMs: 2 * DAY + 3 * HOUR });
    expect(node(definition, 'PhaseLate').dependencies).toEqual([{ sourceNodeId: 'Phase', type: 'failure' }]);
  });

  it('takes the shortest of several timers as the timeout and says every timer path runs on it', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-kinds.bpmn'));
    expect(node(definition, 'Approve').timeoutMs).toBe(30 * MINUTE);
    for (const path of ['Remind', 'Chase']) expect(node(definition, path).dependencies).toEqual([{ sourceNodeId: 'Approve', type: 'failure' }]);
    const several = problems.filter((problem) => problem.nodeId === 'Approve' && problem.message.includes('several timers'));
    expect(several).toHaveLength(1);
  });

  it('names the task and the event of a timer that cannot be a timeout (a date, a year), and keeps its path on failure', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-kinds.bpmn'));
    for (const [event, text, path] of [
      ['Approve_Date', '2030-01-01T08:00:00Z', 'Deadline'],
      ['Approve_Year', 'P1Y', 'Yearly'],
    ] as const) {
      const [warning] = about(problems, event);
      expect(warning).toMatchObject({ severity: 'warning', code: 'BPMN_TIMER_UNSUPPORTED', nodeId: 'Approve' });
      expect(warning?.message).toContain('bpmn:UserTask "Approve" (Approve)');
      expect(warning?.message).toContain(text);
      expect(node(definition, path).dependencies).toEqual([{ sourceNodeId: 'Approve', type: 'failure' }]);
    }
  });

  it('names the task and the event of every other kind, approximating interrupting ones as failure and the others as finish', async () => {
    const { definition, problems } = await importValid(readHandMade('boundary-kinds.bpmn'));
    for (const [event, kind, path, type] of [
      ['Watch_Message', 'message', 'Cancelled', 'failure'],
      ['Watch_Signal', 'signal', 'Stopped', 'finish'],
      ['Watch_Escalation', 'escalation', 'Escalated', 'finish'],
      ['Watch_Conditional', 'conditional', 'Late', 'failure'],
      ['Watch_Tick', 'timer', 'Ticked', 'finish'],
    ] as const) {
      const [warning] = about(problems, event);
      expect(warning, event).toMatchObject({ severity: 'warning', code: 'BPMN_SEMANTICS_APPROXIMATED', nodeId: 'Watch' });
      expect(warning?.message).toContain('bpmn:Task "Watch" (Watch)');
      expect(warning?.message).toContain(`its ${kind} event definition`);
      expect(edges(definition, path)).toEqual([['Watch', type]]);
    }
    expect(node(definition, 'Watch').timeoutMs).toBeUndefined();
  });

  it('names a boundary event attached to an activity that is not imported', async () => {
    const xml = `<?xml version="1.0"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
        <bpmn:process id="p">
          <bpmn:task id="Handler" isForCompensation="true" />
          <bpmn:task id="Next" />
          <bpmn:boundaryEvent id="OnHandler" attachedToRef="Handler"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
          <bpmn:sequenceFlow id="f" sourceRef="OnHandler" targetRef="Next" />
        </bpmn:process>
      </bpmn:definitions>`;
    const { definition, problems } = await importValid(xml);
    expect(node(definition, 'Next').dependencies).toBeUndefined();
    const [warning] = about(problems, 'OnHandler');
    expect(warning?.code).toBe('BPMN_UNSUPPORTED_ELEMENT');
    expect(warning?.message).toContain('(Handler), which is not imported');
  });
});

describe('BPMN import: the MIWG boundary-event models', () => {
  it('C.9.0: the fraud report runs when the manual check fails (its error boundary event)', async () => {
    const { definition, problems } = await importValid(readCorpus('miwg-C.9.0.bpmn'));
    expect(node(definition, 'SendTask_ReportFraud')).toMatchObject({ agentLoad: 'reportFraud', dependencies: [{ sourceNodeId: 'Activity_ManualCheck', type: 'failure' }] });
    expect(about(problems, 'ErrorBoundaryEvent_FraudDetected')).toEqual([]);
    // The tasks of the two event subprocesses are named where their subprocess is reported.
    for (const task of ['UserTask_HandleTimeout', 'ServiceTask_CancelApplication']) {
      const [warning] = about(problems, task);
      expect(warning?.code, task).toBe('BPMN_UNSUPPORTED_ELEMENT');
      expect(warning?.message).toContain('event subprocess');
    }
  });

  it('C.9.2: the 7-day timer on "Decide on application" becomes its timeout, the path after it a failure path', async () => {
    const { definition, problems } = await importValid(readCorpus('miwg-C.9.2.bpmn'));
    expect(node(definition, 'UserTask_DecideOnApplication')).toMatchObject({ agentLoad: 'manual', timeoutMs: 7 * DAY });
    expect(about(problems, 'TimerEvent_Timeout')).toEqual([]);
    // The timer path ends in an error end event, which is reported: the error is not thrown.
    expect(about(problems, 'ErrorEndEvent_Timeout').map((problem) => problem.code)).toEqual(['BPMN_UNSUPPORTED_ELEMENT']);
    for (const task of ['CallActivity_RequestDocument', 'UserTask_AccelerateDecision', 'SendTask_NotifyCustomerDelay', 'UserTask_CheckForFraud']) {
      expect(about(problems, task).map((problem) => problem.code), task).toEqual(['BPMN_UNSUPPORTED_ELEMENT']);
    }
  });

  it('C.9.1: the interrupting one-week timer times the wait out and calls the customer; the daily reminder is reported', async () => {
    const { definition, problems } = await importValid(readCorpus('miwg-C.9.1.bpmn'));
    expect(node(definition, 'ReceiveTask_WaitForDocument').timeoutMs).toBe(7 * DAY);
    expect(node(definition, 'UserTask_CallCustomer').dependencies).toEqual([{ sourceNodeId: 'ReceiveTask_WaitForDocument', type: 'failure' }]);
    expect(about(problems, 'BoundaryEvent_2')).toEqual([]);
    const [daily] = about(problems, 'BoundaryEvent_1');
    expect(daily).toMatchObject({ code: 'BPMN_SEMANTICS_APPROXIMATED', nodeId: 'ReceiveTask_WaitForDocument' });
    expect(daily?.message).toContain('non-interrupting');
  });
});

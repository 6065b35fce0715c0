import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../../../../src/main/core/workflow/bpmn/import';
import { WORKFLOW_LIMITS } from '../../../../../src/shared/workflow/limits';
import { WORKFLOW_PROBLEM } from '../../../../../src/shared/workflow/problem-codes';
import { counts, edges, importValid, node } from './bpmn-test-kit';

const OPEN = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="x">';
const CLOSE = '</bpmn:definitions>';

/** A process of `tasks` tasks in a row, an exclusive gateway before every tenth, all drawn. */
function longProcess(tasks: number): string {
  const parts: string[] = ['<bpmn:startEvent id="start"/>'];
  let previous = 'start';
  for (let index = 0; index < tasks; index += 1) {
    if (index % 10 === 5) {
      parts.push(`<bpmn:exclusiveGateway id="g${index}"/><bpmn:sequenceFlow id="fg${index}" sourceRef="${previous}" targetRef="g${index}"/>`);
      previous = `g${index}`;
    }
    parts.push(`<bpmn:task id="t${index}" name="Task ${index}"/><bpmn:sequenceFlow id="f${index}" sourceRef="${previous}" targetRef="t${index}"/>`);
    previous = `t${index}`;
  }
  const shapes = Array.from({ length: tasks }, (_, index) => `<bpmndi:BPMNShape id="t${index}_di" bpmnElement="t${index}"><dc:Bounds x="${index * 150}" y="100" width="100" height="80"/></bpmndi:BPMNShape>`);
  return `${OPEN}<bpmn:process id="p">${parts.join('')}</bpmn:process><bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="p">${shapes.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>${CLOSE}`;
}

function nestedSubprocesses(depth: number): string {
  return `${OPEN}<bpmn:process id="p">${Array.from({ length: depth }, (_, index) => `<bpmn:subProcess id="s${index}">`).join('')}<bpmn:task id="deepest"/>${'</bpmn:subProcess>'.repeat(depth)}</bpmn:process>${CLOSE}`;
}

describe('BPMN import at scale', () => {
  it('imports 5,000 tasks in reasonable time', async () => {
    const xml = longProcess(5000);
    const started = performance.now();
    const { definition, problems } = await importValid(xml);
    expect(performance.now() - started).toBeLessThan(15_000);
    // Each plain task becomes a manual step, named once in a warning.
    expect(problems.map((problem) => [problem.code, problem.nodeId])).toEqual(Array.from({ length: 5000 }, (_, index) => ['BPMN_PLAIN_TASK', `t${index}`]));
    expect(counts(definition)).toEqual({ agents: 5000, containers: 1, dependencies: 4999 });
    expect(edges(definition, 't4999')).toEqual([['t4998', 'success']]);
    expect(node(definition, 't4999').layout).toEqual({ x: 4999 * 150 + 40, y: 40, width: 100, height: 80 });
  });

  it('imports subprocesses nested as deep as the limit allows', async () => {
    const depth = WORKFLOW_LIMITS.nestingDepth - 1;
    const { definition } = await importValid(nestedSubprocesses(depth));
    expect(counts(definition)).toEqual({ agents: 1, containers: depth + 1, dependencies: 0 });
    expect(node(definition, 'deepest').parentId).toBe(`s${depth - 1}`);
  });

  it('walks 3,000 nested subprocesses without exhausting the stack, and refuses them for their depth', async () => {
    const result = await importBpmn(nestedSubprocesses(3000));
    expect(result.definition).toBeUndefined();
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ code: WORKFLOW_PROBLEM.tooDeeplyNested, message: expect.stringMatching(/nested 101 levels below the root; the nesting depth limit is 100 levels/) }),
    ]);
  });

  it('routes through 3,000 gateways in a row and cuts a loop made of gateways alone at its way back', async () => {
    const count = 3000;
    const chain = Array.from({ length: count }, (_, index) => `<bpmn:exclusiveGateway id="g${index}"/><bpmn:sequenceFlow id="f${index}" sourceRef="${index === 0 ? 'a' : `g${index - 1}`}" targetRef="g${index}"/>`);
    const xml = `${OPEN}<bpmn:process id="p"><bpmn:task id="a"/>${chain.join('')}<bpmn:task id="b"/><bpmn:sequenceFlow id="out" sourceRef="g${count - 1}" targetRef="b"/><bpmn:sequenceFlow id="back" sourceRef="g${count - 1}" targetRef="g0"/></bpmn:process>${CLOSE}`;
    const result = await importBpmn(xml);
    expect(result.definition?.nodes.find((found) => found.nodeId === 'b')?.dependencies).toEqual([{ sourceNodeId: 'a', type: 'success' }]);
    const dropped = result.problems.filter((problem) => problem.code === 'BPMN_DEPENDENCY_DROPPED');
    expect(dropped.map((problem) => problem.path)).toEqual([['bpmn', 'back']]);
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('bounds paths that multiply: 40 conditional splits joined in parallel would be 2^40 combinations', async () => {
    const levels = 40;
    const parts: string[] = ['<bpmn:task id="a"/>'];
    let previous = 'a';
    for (let index = 0; index < levels; index += 1) {
      parts.push(`<bpmn:exclusiveGateway id="s${index}"/><bpmn:parallelGateway id="m${index}"/><bpmn:sequenceFlow id="in${index}" sourceRef="${previous}" targetRef="s${index}"/>`);
      for (const value of [1, 2]) {
        parts.push(`<bpmn:sequenceFlow id="c${index}_${value}" sourceRef="s${index}" targetRef="m${index}"><bpmn:conditionExpression>\${v${index} == ${value}}</bpmn:conditionExpression></bpmn:sequenceFlow>`);
      }
      previous = `m${index}`;
    }
    const xml = `${OPEN}<bpmn:process id="p">${parts.join('')}<bpmn:task id="b"/><bpmn:sequenceFlow id="out" sourceRef="${previous}" targetRef="b"/></bpmn:process>${CLOSE}`;
    const started = performance.now();
    const { definition, problems } = await importValid(xml);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(node(definition, 'b').dependencies).toEqual([{ sourceNodeId: 'a', type: 'success' }]);
    expect(problems.filter((problem) => problem.code === 'BPMN_JOIN_APPROXIMATED' && problem.nodeId === 'b')).toHaveLength(1);
  });

  it('bounds how deeply joins nest: 2,000 alternating exclusive and parallel gateways, each also fed by a task of its own', async () => {
    const count = 2000;
    const parts: string[] = ['<bpmn:task id="a"/>'];
    let previous = 'a';
    for (let index = 0; index < count; index += 1) {
      const kind = index % 2 === 0 ? 'exclusiveGateway' : 'parallelGateway';
      parts.push(`<bpmn:${kind} id="g${index}"/><bpmn:sequenceFlow id="f${index}" sourceRef="${previous}" targetRef="g${index}"/>`);
      parts.push(`<bpmn:task id="t${index}"/><bpmn:sequenceFlow id="side${index}" sourceRef="t${index}" targetRef="g${index}"/>`);
      previous = `g${index}`;
    }
    const xml = `${OPEN}<bpmn:process id="p">${parts.join('')}<bpmn:task id="b"/><bpmn:sequenceFlow id="out" sourceRef="${previous}" targetRef="b"/></bpmn:process>${CLOSE}`;
    const started = performance.now();
    const { definition, problems } = await importValid(xml);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(node(definition, 'b').dependencies).toHaveLength(count + 1);
    expect(problems.filter((problem) => problem.code === 'BPMN_JOIN_APPROXIMATED' && problem.nodeId === 'b' && problem.message.includes('nest too deeply'))).toHaveLength(1);
  });
});

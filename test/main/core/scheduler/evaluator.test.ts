import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_TRANSITIONS, DEPENDENCY_TYPES, JOIN_MODES, type DependencyType, type JoinMode, type NodeStatus } from '../../../../src/shared/status';
import type { SchedulerState } from '../../../../src/main/core/scheduler/state';
import { processNode } from '../../../../src/main/core/scheduler/decide';
import { evaluateDependencies, evaluateEdge, joinDecision } from '../../../../src/shared/dependency/evaluator';
import type { RtNode } from '../../../../src/main/core/scheduler/task-image';
import { Step } from '../../../../src/main/core/scheduler/step';
import { transition } from '../../../../src/main/core/scheduler/transitions';
import type { Store } from '../../../../src/main/core/store/store';
import { FIXTURES_DIR } from '../../../helpers/paths';
import { memoryCore, memoryEdge, memoryNode, memoryTask } from '../../../helpers/runtime';
import { recordingLogger } from '../../../helpers/scheduler';
import { openTestStore } from '../../../helpers/store';

interface Case {
  name: string;
  join: JoinMode;
  variables?: Record<string, unknown>;
  edges: { type: DependencyType; source: NodeStatus; condition?: unknown; result?: unknown }[];
  expect: 'ready' | 'waiting' | 'skipped';
}

const cases = (JSON.parse(readFileSync(join(FIXTURES_DIR, 'semantics/dependency-cases.json'), 'utf8')) as { cases: Case[] }).cases;

/** Legal paths of the agent machine from pending to each status. */
const PATHS: Record<NodeStatus, NodeStatus[]> = {
  pending: [],
  waiting: ['waiting'],
  ready: ['ready'],
  initializing: [],
  running: ['ready', 'running'],
  completed: ['ready', 'running', 'completed'],
  failed: ['ready', 'running', 'failed'],
  stopped: ['ready', 'running', 'stopped'],
  skipped: ['skipped'],
  held: ['held'],
};

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

function incremental(core: SchedulerState, testCase: Case): { target: RtNode; decided: NodeStatus } {
  const task = memoryTask(testCase.variables ?? {});
  const root = memoryNode(task, 'root', { type: 'container' });
  root.status = 'running';
  const target = memoryNode(task, 'target', { parent: root, join: testCase.join });
  const sources = testCase.edges.map((edge, index) => {
    const source = memoryNode(task, `source-${index}`, { parent: root });
    memoryEdge(source, target, edge.type, edge.condition);
    return source;
  });
  const step = new Step(Date.now());
  // Edge states start from every source pending, as after createTask.
  for (const edge of target.deps) {
    const outcome = evaluateEdge({ type: edge.type, source: 'pending', condition: edge.condition }, task.variables);
    edge.state = outcome.state;
    if (outcome.state === 'satisfied') target.satisfied++;
  }
  testCase.edges.forEach((edge, index) => {
    const source = sources[index]!;
    if (edge.result !== undefined) source.result = edge.result;
    for (const status of PATHS[edge.source]) transition(core, step, source, status, 'system', 'test');
  });
  processNode(core, step, target);
  return { target, decided: target.status };
}

describe('dependency cases (test/fixtures/semantics/dependency-cases.json)', () => {
  it('has the shared cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(29);
  });

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s: evaluated from scratch', (_name, testCase) => {
    expect(evaluateDependencies(testCase.join, testCase.edges, testCase.variables ?? {}).decision).toBe(testCase.expect);
  });

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s: decided incrementally by the scheduler', (_name, testCase) => {
    const logger = recordingLogger();
    const core = memoryCore(store, logger);
    const { decided } = incremental(core, testCase);
    const expected: Record<Case['expect'], NodeStatus> = { ready: 'ready', waiting: 'waiting', skipped: 'skipped' };
    expect(decided).toBe(expected[testCase.expect]);
    expect(logger.errors).toEqual([]);
  });
});

describe('evaluator', () => {
  it('never evaluates a condition before its source has ended', () => {
    const condition = { '==': [{ var: 'result.x' }, 1] };
    for (const source of ['pending', 'waiting', 'ready', 'running', 'stopped'] as const) {
      for (const type of DEPENDENCY_TYPES) expect(evaluateEdge({ type, source, condition, result: { x: 1 } }, {}).state).toBe('pending');
    }
  });

  it('makes an edge whose condition cannot be evaluated unsatisfiable, with the reason', () => {
    const outcome = evaluateEdge({ type: 'finish', source: 'completed', condition: { no_such_operator: [1] } }, {});
    expect(outcome.state).toBe('unsatisfiable');
    expect(outcome.error).toMatch(/no_such_operator/);
  });

  it('reads conditions with json-logic truthiness, not JavaScript', () => {
    expect(evaluateEdge({ type: 'success', source: 'completed', condition: { var: 'result.list' }, result: { list: [] } }, {}).state).toBe('unsatisfiable');
    expect(evaluateEdge({ type: 'success', source: 'completed', condition: { var: 'result.list' }, result: { list: [0] } }, {}).state).toBe('satisfied');
  });

  it('keeps incremental counts equal to a full evaluation through any legal history (property)', () => {
    const core = memoryCore(store, recordingLogger());
    const edgeArb = fc.record({
      type: fc.constantFrom(...DEPENDENCY_TYPES),
      condition: fc.option(fc.constantFrom({ '>': [{ var: 'result.score' }, 0.5] }, { '==': [{ var: 'variables.side' }, 'red'] }), { nil: undefined }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...JOIN_MODES),
        fc.array(edgeArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        fc.constantFrom('red', 'blue'),
        (join, edges, moves, side) => {
          const task = memoryTask({ side });
          const root = memoryNode(task, 'root', { type: 'container' });
          root.status = 'running';
          const target = memoryNode(task, 'target', { parent: root, join });
          target.status = 'waiting';
          const sources = edges.map((edge, index) => {
            const source = memoryNode(task, `s${index}`, { parent: root });
            source.result = { score: edge.score };
            memoryEdge(source, target, edge.type, edge.condition);
            return source;
          });
          for (const edge of target.deps) {
            const outcome = evaluateEdge({ type: edge.type, source: 'pending', condition: edge.condition, result: edge.source.result }, task.variables);
            edge.state = outcome.state;
            if (outcome.state === 'satisfied') target.satisfied++;
            if (outcome.state === 'unsatisfiable') target.unsatisfiable++;
          }
          const step = new Step(Date.now());
          for (const [which, choice] of moves) {
            const source = sources[which % sources.length]!;
            const next = AGENT_TRANSITIONS[source.status];
            if (next.length === 0) continue;
            transition(core, step, source, next[choice % next.length]!, 'system', 'property');
            const full = evaluateDependencies(
              join,
              target.deps.map((edge) => ({ type: edge.type, source: edge.source.status, condition: edge.condition, result: edge.source.result })),
              task.variables,
            );
            const satisfied = full.edges.filter((edge) => edge.state === 'satisfied').length;
            const unsatisfiable = full.edges.filter((edge) => edge.state === 'unsatisfiable').length;
            expect([target.satisfied, target.unsatisfiable]).toEqual([satisfied, unsatisfiable]);
            expect(joinDecision(join, target.deps.length, target.satisfied, target.unsatisfiable)).toBe(full.decision);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

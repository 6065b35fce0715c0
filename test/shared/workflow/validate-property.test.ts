import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEngineRequest, toEngineRequest } from '../../../src/shared/workflow/engine-format';
import type { NormalizedWorkflowDefinition } from '../../../src/shared/workflow/normalized';
import { validateWorkflow, type ValidationResult } from '../../../src/shared/workflow/validate';

const VALID_LOGIC = [
  { '==': [{ var: 'result.ok' }, true] },
  { and: [{ '>': [{ var: 'result.score' }, 0.5] }, { in: [{ var: 'variables.side' }, ['red', 'blue']] }] },
  { some: [{ var: 'result.items' }, { '>': [{ var: '' }, 2] }] },
  { '!': [{ var: ['result.failed', false] }] },
];

const idArbitrary = fc.oneof(
  fc.constantFrom('root', 'a', 'b', '红方', '🛡️', 'constructor', '__proto__', 'x y', ''),
  fc.string({ minLength: 1, maxLength: 6 }),
);

/** One rule a random workflow breaks on purpose, or none. */
const MISTAKES = ['agentParent', 'ghostSource', 'selfDependency', 'cycle', 'badLogic', 'badPriority', 'duplicateId', 'secondRoot'] as const;
type Mistake = (typeof MISTAKES)[number] | 'none';

interface Shape {
  count: number;
  types: boolean[];
  parents: number[];
  linkStyle: number[];
  dependencies: [number, number, number, number][];
  extras: Record<string, unknown>[];
  order: number[];
  mistake: Mistake;
}

/**
 * Random workflows: a tree (each node's parent an earlier container) given by parentId, by
 * the container's children, or both, dependencies from earlier to later nodes, random settings,
 * all in shuffled order; about one in four breaks a rule on purpose.
 */
const workflowArbitrary = fc
  .integer({ min: 1, max: 25 })
  .chain((count) =>
    fc.record({
      count: fc.constant(count),
      types: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      parents: fc.array(fc.nat(), { minLength: count, maxLength: count }),
      linkStyle: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: count, maxLength: count }),
      dependencies: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1), fc.nat(3), fc.nat(VALID_LOGIC.length)), { maxLength: count * 2 }),
      extras: fc.array(
        fc.record(
          {
            name: fc.string({ maxLength: 10 }),
            priority: fc.integer({ min: -5, max: 5 }),
            timeoutMs: fc.integer({ min: 1, max: 100_000 }),
            join: fc.constantFrom('all', 'one'),
            retry: fc.record({ maxRetries: fc.integer({ min: 1, max: 3 }), backoff: fc.constant({}) }),
            agentConfig: fc.jsonValue().map((value) => ({ value })),
            layout: fc.record({ x: fc.integer(), y: fc.integer() }),
          },
          { requiredKeys: [] },
        ),
        { minLength: count, maxLength: count },
      ),
      order: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
      mistake: fc.oneof({ weight: 3, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constantFrom(...MISTAKES) }),
    }),
  )
  .map(buildWorkflow);

function buildWorkflow(shape: Shape): { input: unknown; broken: boolean } {
  const ids = [...Array(shape.count).keys()].map((index) => (index === 0 ? 'root' : `n${index}`));
  const isContainer = (index: number) => index === 0 || shape.types[index]!;
  const nodes: Record<string, unknown>[] = ids.map((nodeId, index) => ({
    nodeId,
    nodeType: isContainer(index) ? 'container' : 'agent',
    ...(isContainer(index) ? {} : { agentLoad: 'sim' }),
    ...shape.extras[index],
  }));
  const parentOf: number[] = [-1];
  for (let index = 1; index < shape.count; index++) {
    const containers = [...Array(index).keys()].filter(isContainer);
    const parent = shape.mistake === 'agentParent' && index > 1 && !isContainer(index - 1) ? index - 1 : containers[shape.parents[index]! % containers.length]!;
    parentOf.push(parent);
    // Each container names its children one way: by their parentId, its children, or both.
    const style = shape.linkStyle[parent]!;
    if (style !== 1) nodes[index]!.parentId = ids[parent];
    if (style !== 0) ((nodes[parent]!.children ??= []) as string[]).push(ids[index]!);
  }
  const related = (a: number, b: number) => {
    for (let at = parentOf[b]!; at !== -1; at = parentOf[at]!) if (at === a) return true;
    return false;
  };
  const depend = (target: number, dependency: Record<string, unknown>) => ((nodes[target]!.dependencies ??= []) as unknown[]).push(dependency);
  for (const [first, second, type, logic] of shape.dependencies) {
    const [source, target] = first < second ? [first, second] : [second, first];
    if (source === target || related(source, target) || related(target, source)) continue;
    const dependency: Record<string, unknown> = { sourceNodeId: ids[source], type: ['finish', 'success', 'failure', 'any'][type] };
    if (logic < VALID_LOGIC.length) dependency.condition = VALID_LOGIC[logic];
    depend(target, dependency);
  }
  const last = shape.count - 1;
  let broken = shape.mistake !== 'none' && shape.mistake !== 'agentParent' && shape.mistake !== 'cycle';
  if (shape.mistake === 'agentParent') broken = parentOf.some((parent, index) => index > 0 && !isContainer(parent));
  if (shape.mistake === 'ghostSource') depend(last, { sourceNodeId: 'ghost' });
  if (shape.mistake === 'selfDependency') depend(last, { sourceNodeId: ids[last] });
  if (shape.mistake === 'badLogic') depend(last, { sourceNodeId: ids[0], type: 'any', condition: { nope: [1] } });
  if (shape.mistake === 'badPriority') nodes[last]!.priority = 1.5;
  if (shape.mistake === 'duplicateId') nodes.push({ ...nodes[last]!, children: [] });
  if (shape.mistake === 'secondRoot') nodes.push({ nodeId: 'other-root', nodeType: 'container', isRoot: true });
  if (shape.mistake === 'cycle' && shape.count > 2) {
    const [a, b] = [1, 2];
    if (!related(a, b) && !related(b, a)) {
      depend(a, { sourceNodeId: ids[b] });
      depend(b, { sourceNodeId: ids[a] });
      broken = true;
    }
  }
  return { input: { name: 'random', variables: { side: 'red' }, nodes: [...shape.order.map((index) => nodes[index]), ...nodes.slice(shape.count)] }, broken };
}

function checkShape(result: ValidationResult): void {
  expect(typeof result.ok).toBe('boolean');
  expect(Array.isArray(result.problems)).toBe(true);
  expect(result.ok).toBe(!result.problems.some((problem) => problem.severity === 'error'));
  expect(result.ok).toBe(result.definition !== undefined);
  for (const problem of result.problems) {
    expect(Array.isArray(problem.path)).toBe(true);
    expect(problem.message.length).toBeGreaterThan(3);
  }
}

/** Every problem's path, but its last step, leads to something in the input. */
function pathsResolve(input: unknown, result: ValidationResult): boolean {
  return result.problems.every((problem) => {
    let at: unknown = input;
    for (const segment of problem.path.slice(0, -1)) {
      if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, segment)) return false;
      at = (at as Record<string | number, unknown>)[segment];
    }
    return true;
  });
}

/** What the Engine wire format carries of a definition. */
function wireProjection(definition: NormalizedWorkflowDefinition): unknown {
  return [...definition.nodes]
    .sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0))
    .map(({ nodeId, nodeType, isRoot, parentId, children, agentLoad, agentConfig, containerConfig }) => ({ nodeId, nodeType, isRoot, parentId, children, agentLoad, agentConfig, containerConfig }));
}

describe('validateWorkflow, property-based', () => {
  it('never throws on anything at all, and always answers in shape', () => {
    const anything = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withTypedArray: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(fc.oneof(anything, fc.record({ name: anything, nodes: fc.array(anything) }), fc.record({ name: fc.string(), nodes: fc.array(fc.record({ nodeId: idArbitrary, nodeType: anything, parentId: anything, dependencies: anything })) })), (input) => {
        checkShape(validateWorkflow(input));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random workflows; its paths point into the input; what it accepts round-trips through JSON', () => {
    let accepted = 0;
    fc.assert(
      fc.property(workflowArbitrary, ({ input, broken }) => {
        const result = validateWorkflow(input);
        checkShape(result);
        if (broken) expect(result.ok).toBe(false);
        expect(pathsResolve(input, result)).toBe(true);
        expect(validateWorkflow(input)).toEqual(result);
        if (!result.ok) return;
        accepted++;
        const text = JSON.stringify(result.definition);
        const again = validateWorkflow(JSON.parse(text));
        expect(again.ok).toBe(true);
        expect(JSON.stringify(again.definition)).toBe(text);
        // Not toEqual(result.definition): JSON turns -0 into 0, which the text comparison allows.
        expect(again.definition).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(80);
  });

  it('round-trips what it accepts through the Engine wire format, for everything the format carries', () => {
    fc.assert(
      fc.property(workflowArbitrary, ({ input }) => {
        const result = validateWorkflow(input);
        if (!result.ok) return;
        const back = fromEngineRequest(toEngineRequest('42', result.definition!));
        expect(back.ok).toBe(true);
        expect(wireProjection(back.definition!)).toEqual(wireProjection(result.definition!));
      }),
      { numRuns: 100 },
    );
  });
});

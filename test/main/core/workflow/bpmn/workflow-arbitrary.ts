import fc from 'fast-check';
import { DEPENDENCY_TYPES, JOIN_MODES } from '../../../../../src/shared/status';
import type { DependencyDefinition, WorkflowDefinition, WorkflowNodeDefinition } from '../../../../../src/shared/workflow/definition';
import { hiddenCharacter } from '../../../../../src/shared/workflow/limits-check';

/**
 * Random valid workflow definitions, small (at most 30 nodes), in the canonical shape an import
 * produces: the root marked isRoot, every other node with its parentId, every container with
 * its children. Dependencies only go from a node whose whole subtree comes before the target in
 * pre-order, which can never close a cycle through the tree (no deadlock).
 */

// eslint-disable-next-line no-control-regex -- node ids exclude exactly these
const CONTROL = /[\u0000-\u001f\u007f]/;

const nodeIdArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,10}$/),
  // The validator refuses ids with invisible or text-direction characters (U+2028 among them).
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((id) => !CONTROL.test(id) && hiddenCharacter(id) === undefined),
);

const textArb = fc.string({ unit: 'binary', maxLength: 16 });
const keyArb = fc.string({ maxLength: 8 }).filter((key) => key !== '__proto__');
type Config = NonNullable<WorkflowNodeDefinition['agentConfig']>;
// fast-check's JSON values are JSON values; its type and zod's differ only in how they say so.
const configArb = fc
  .dictionary(keyArb, fc.jsonValue({ maxDepth: 2 }).filter((value) => !hasProtoKey(value)), { maxKeys: 3 })
  .map((value) => value as Config);

/** The validator refuses "__proto__" as a key at any depth; fast-check's JSON values may hold one. */
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(hasProtoKey);
}
const intArb = fc.integer({ min: -1000, max: 1000 });

const conditionArb = fc.oneof(
  fc.record({ '>': fc.tuple(fc.constant({ var: 'variables.amount' }), intArb) }),
  fc.record({ '==': fc.tuple(fc.constant({ var: 'result.verdict' }), textArb) }),
  fc.record({ '!': fc.tuple(fc.record({ '!!': fc.tuple(fc.constant({ var: 'variables.approved' })) })) }),
  fc.record({ and: fc.tuple(fc.record({ '<=': fc.tuple(fc.constant({ var: 'variables.x' }), intArb) }), fc.record({ in: fc.tuple(textArb, fc.constant({ var: 'result.tags' })) })) }),
);

const layoutArb = fc.option(
  fc.record(
    { x: intArb, y: intArb, width: fc.integer({ min: 1, max: 500 }), height: fc.integer({ min: 1, max: 500 }) },
    { requiredKeys: ['x', 'y'] },
  ),
  { nil: undefined },
);

const pinArb = fc.oneof(
  fc.record({ delayMs: fc.integer({ min: 0, max: 86_400_000 }) }),
  fc.record({ at: fc.integer({ min: 0, max: 4_000_000_000_000 }) }),
  fc.constant({ at: '2031-05-06T07:08:09+02:00' }),
);

const settingsArb = fc.record(
  {
    name: textArb,
    priority: intArb,
    timeoutMs: fc.integer({ min: 1, max: 3_600_000 }),
    retry: fc.record({ maxRetries: fc.integer({ min: 0, max: 5 }) }),
    pin: pinArb,
    activation: conditionArb,
    layout: layoutArb,
  },
  { requiredKeys: [] },
);

const agentArb = fc.record(
  {
    agentLoad: fc.constantFrom('manual', 'script', 'http', 'sim', 'gpu-sim', 'io.camunda:sendgrid:1'),
    agentConfig: fc.oneof(configArb, fc.record({ bpmnType: fc.constantFrom('sendTask', 'receiveTask', 'callActivity', 'userTask', 'nonsense') }), fc.record({ script: textArb, interpreter: textArb })),
  },
  { requiredKeys: ['agentLoad'] },
);

const containerArb = fc.record(
  { containerName: textArb, containerConfig: fc.oneof(configArb, fc.record({ bpmnType: fc.constantFrom('transaction', 'adHocSubProcess') })) },
  { requiredKeys: [] },
);

const rawNodeArb = fc.record({
  container: fc.boolean(),
  parentPick: fc.nat(),
  settings: settingsArb,
  agent: agentArb,
  container_: containerArb,
  dependencyPicks: fc.array(fc.record({ pick: fc.nat(), type: fc.constantFrom(...DEPENDENCY_TYPES), condition: fc.option(conditionArb, { nil: undefined }) }), { maxLength: 3 }),
  join: fc.option(fc.constantFrom(...JOIN_MODES), { nil: undefined }),
});

export const workflowArb: fc.Arbitrary<WorkflowDefinition> = fc
  .integer({ min: 0, max: 29 })
  .chain((count) =>
    fc.record({
      name: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
      description: fc.option(textArb, { nil: undefined }),
      version: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.nat()), { nil: undefined }),
      variables: fc.option(configArb, { nil: undefined }),
      ids: fc.uniqueArray(nodeIdArb, { minLength: count + 1, maxLength: count + 1 }),
      root: fc.record({ settings: settingsArb, container: containerArb }),
      raw: fc.array(rawNodeArb, { minLength: count, maxLength: count }),
    }),
  )
  .map(({ name, description, version, variables, ids, root, raw }) => build(name, { description, version, variables }, ids, root, raw));

type RawNode = typeof rawNodeArb extends fc.Arbitrary<infer T> ? T : never;
type Settings = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;
type ContainerFields = typeof containerArb extends fc.Arbitrary<infer T> ? T : never;

function build(
  name: string,
  header: Pick<WorkflowDefinition, 'description' | 'version' | 'variables'>,
  ids: string[],
  root: { settings: Settings; container: ContainerFields },
  raw: RawNode[],
): WorkflowDefinition {
  const rootId = ids[0] as string;
  const nodes: WorkflowNodeDefinition[] = [{ nodeId: rootId, nodeType: 'container', isRoot: true, children: [], ...withoutPinAndActivation(root.settings), ...root.container }];
  const containers = [nodes[0] as WorkflowNodeDefinition];
  raw.forEach((entry, index) => {
    const parent = containers[entry.parentPick % containers.length] as WorkflowNodeDefinition;
    const base = { nodeId: ids[index + 1] as string, parentId: parent.nodeId, ...entry.settings };
    const built: WorkflowNodeDefinition = entry.container ? { ...base, nodeType: 'container', children: [], ...entry.container_ } : { ...base, nodeType: 'agent', ...entry.agent };
    (parent.children ??= []).push(built.nodeId);
    nodes.push(built);
    if (entry.container) containers.push(built);
  });
  const byId = new Map(nodes.map((found) => [found.nodeId, found]));
  const preOrder: WorkflowNodeDefinition[] = [];
  const visit = (found: WorkflowNodeDefinition): void => {
    preOrder.push(found);
    for (const child of found.children ?? []) visit(byId.get(child) as WorkflowNodeDefinition);
  };
  visit(nodes[0] as WorkflowNodeDefinition);
  const position = new Map(preOrder.map((found, index) => [found.nodeId, index]));
  const last = new Map<string, number>();
  for (let index = preOrder.length - 1; index >= 0; index -= 1) {
    const found = preOrder[index] as WorkflowNodeDefinition;
    last.set(found.nodeId, Math.max(index, ...(found.children ?? []).map((child) => last.get(child) ?? index)));
  }
  raw.forEach((entry, index) => {
    const target = nodes[index + 1] as WorkflowNodeDefinition;
    const start = position.get(target.nodeId) as number;
    const sources = preOrder.filter((candidate) => (last.get(candidate.nodeId) as number) < start);
    const dependencies: DependencyDefinition[] = [];
    for (const pick of entry.dependencyPicks) {
      const source = sources[pick.pick % Math.max(sources.length, 1)];
      if (!source || dependencies.some((dependency) => dependency.sourceNodeId === source.nodeId)) continue;
      dependencies.push(pick.condition === undefined ? { sourceNodeId: source.nodeId, type: pick.type } : { sourceNodeId: source.nodeId, type: pick.type, condition: pick.condition });
    }
    if (dependencies.length > 0) target.dependencies = dependencies;
    if (dependencies.length > 1 && entry.join !== undefined) target.join = entry.join;
  });
  const definition: WorkflowDefinition = { name, nodes };
  if (header.description !== undefined) definition.description = header.description;
  if (header.version !== undefined) definition.version = header.version;
  if (header.variables !== undefined) definition.variables = header.variables;
  return definition;
}

/** The root starts with the task: a pin or an activation on it means nothing, so none is generated. */
function withoutPinAndActivation(settings: Settings): Omit<Settings, 'pin' | 'activation'> {
  const { pin: _pin, activation: _activation, ...rest } = settings;
  return rest;
}

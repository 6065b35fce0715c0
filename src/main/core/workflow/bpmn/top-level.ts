import type { ModdleElement } from 'moddle';
import type { BpmnDefinitions } from 'bpmn-moddle/types';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { countCalls } from './called-processes';
import { describeElement, elementId } from './describe';
import { deductionAttribute } from './extensions';
import type { ImportContext } from './import-context';
import { BPMN_PROBLEM } from './import-problems';
import { reportArtifacts, reportForeignExtensions, reportUnsupported } from './ignored-content';
import { nodeName } from './node-fields';
import type { Scope } from './scope-walker';

/** A pool: a participant with its process, a black-box participant, or a process no participant names. */
interface Pool {
  participant?: ModdleElement;
  process?: ModdleElement;
}

/** Root elements that only support others (messages, errors, item definitions, …): nothing to report. */
const SUPPORTING_ROOT_ELEMENTS = new Set([
  'bpmn:Message',
  'bpmn:Error',
  'bpmn:Escalation',
  'bpmn:Signal',
  'bpmn:ItemDefinition',
  'bpmn:DataStore',
  'bpmn:Interface',
  'bpmn:Category',
  'bpmn:Resource',
  'bpmn:EndPoint',
  'bpmn:PartnerEntity',
  'bpmn:PartnerRole',
  'bpmn:CorrelationProperty',
  'bpmn:EventDefinition',
]);

function rootElements(definitions: ModdleElement<BpmnDefinitions>): ModdleElement[] {
  return (definitions.rootElements ?? []) as ModdleElement[];
}

function collectPools(definitions: ModdleElement<BpmnDefinitions>, context: ImportContext): { pools: Pool[]; collaborations: ModdleElement[] } {
  const roots = rootElements(definitions);
  const collaborations = roots.filter((element) => element.$type === 'bpmn:Collaboration');
  const processes = roots.filter((element) => element.$type === 'bpmn:Process');
  const claimed = new Set<ModdleElement>();
  const pools: Pool[] = [];
  for (const collaboration of collaborations) {
    for (const participant of (collaboration.participants as ModdleElement[] | undefined) ?? []) {
      const process = participant.processRef as ModdleElement | undefined;
      if (process && claimed.has(process)) {
        context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'sharedProcess', element: describeElement(participant) }, {
          elementId: elementId(participant),
        });
        pools.push({ participant });
        continue;
      }
      if (process) claimed.add(process);
      pools.push(process ? { participant, process } : { participant });
    }
  }
  // A process that one call activity calls (and no pool holds) is imported inside that call.
  const calls = countCalls(processes);
  for (const process of processes) {
    if (claimed.has(process)) continue;
    const id = elementId(process);
    if (id !== undefined && calls.get(id) === 1) context.inlinableProcesses.set(id, process);
    else pools.push({ process });
  }
  for (const element of roots) {
    if (element.$type === 'bpmn:Collaboration' || element.$type === 'bpmn:Process') continue;
    if (SUPPORTING_ROOT_ELEMENTS.has(element.$type) || element.$instanceOf('bpmn:EventDefinition')) continue;
    reportUnsupported(element, context.problems);
  }
  return { pools, collaborations };
}

function collaborationContent(collaboration: ModdleElement, context: ImportContext): void {
  reportArtifacts(collaboration, context.problems);
  for (const property of ['conversations', 'conversationLinks', 'choreographyRef']) {
    const items: unknown = collaboration[property];
    if (Array.isArray(items)) for (const item of items as ModdleElement[]) reportUnsupported(item, context.problems);
  }
  context.messageFlows.push(...((collaboration.messageFlows as ModdleElement[] | undefined) ?? []));
}

export interface TopLevel {
  rootId: string;
  scopes: Scope[];
  /** The name the file gives its workflow, if it gives one. */
  name?: string;
}

function poolName(pool: Pool, context: ImportContext): string | undefined {
  return (pool.participant && nodeName(pool.participant, context)) ?? (pool.process && nodeName(pool.process, context));
}

function registerAliases(pool: Pool, nodeId: string, context: ImportContext): void {
  for (const element of [pool.participant, pool.process]) {
    const id = element ? elementId(element) : undefined;
    if (id !== undefined) context.nodeOfElement.set(id, nodeId);
  }
}

/**
 * The root container and the scopes to walk. One pool (or one process) is the root itself;
 * several pools become containers under a synthetic root.
 */
export function buildTopLevel(definitions: ModdleElement<BpmnDefinitions>, context: ImportContext): TopLevel | undefined {
  const { pools, collaborations } = collectPools(definitions, context);
  for (const collaboration of collaborations) collaborationContent(collaboration, context);
  if (pools.length === 0) {
    context.problems.error(BPMN_PROBLEM.noProcess, {});
    return undefined;
  }
  const definitionsName = typeof definitions.name === 'string' && definitions.name.trim() !== '' ? definitions.name : undefined;
  if (pools.length === 1) {
    const pool = pools[0] as Pool;
    const main = (pool.process ?? pool.participant) as ModdleElement;
    const rootId = context.allocateNodeId(deductionAttribute(main, 'nodeId') ?? elementId(main), main, 'root');
    const root: WorkflowNodeDefinition = { nodeId: rootId, nodeType: 'container', isRoot: true, children: [] };
    const name = poolName(pool, context);
    if (name !== undefined) root.name = name;
    context.addNode(root, main);
    registerAliases(pool, rootId, context);
    reportPool(pool, context);
    return { rootId, scopes: pool.process ? [{ element: pool.process, containerId: rootId, startsWithTask: true }] : [], name: definitionsName ?? name };
  }
  const single = collaborations.length === 1 ? collaborations[0] : undefined;
  const rootSource = single ?? definitions;
  const rootId = context.allocateNodeId(elementId(rootSource), undefined, 'root');
  const root: WorkflowNodeDefinition = { nodeId: rootId, nodeType: 'container', isRoot: true, children: [] };
  const rootName = (single && nodeName(single, context)) ?? definitionsName;
  if (rootName !== undefined) root.name = rootName;
  context.addNode(root, undefined);
  const scopes: Scope[] = [];
  for (const pool of pools) {
    const main = (pool.participant ?? pool.process) as ModdleElement;
    const nodeId = context.allocateNodeId(elementId(main), main, 'pool');
    const node: WorkflowNodeDefinition = { nodeId, nodeType: 'container', parentId: rootId, children: [] };
    const name = poolName(pool, context);
    if (name !== undefined) node.name = name;
    context.addNode(node, main);
    registerAliases(pool, nodeId, context);
    // A pool is a vertex too: message flows may start or end at it.
    if (pool.participant) context.graph.addVertex(pool.participant, { nodeId });
    reportPool(pool, context);
    // A pool starts with the task (the synthetic root waits for nothing) unless a message flow ends at it.
    if (pool.process) scopes.push({ element: pool.process, containerId: nodeId, startsWithTask: true });
  }
  return { rootId, scopes, name: definitionsName ?? rootName };
}

function reportPool(pool: Pool, context: ImportContext): void {
  if (pool.participant && !pool.process) {
    context.problems.warn(BPMN_PROBLEM.semanticsApproximated, { context: 'blackBoxPool', element: describeElement(pool.participant) }, { elementId: elementId(pool.participant) });
  }
  if (pool.process) reportForeignExtensions(pool.process, [], context.problems);
}

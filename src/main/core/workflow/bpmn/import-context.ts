import type { ModdleElement } from 'moddle';
import type { BpmnBoundaryEvent, BpmnMessageFlow } from 'bpmn-moddle/types';
import { NODE_ID_MAX_LENGTH, type WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { nodeRef } from '../../../../shared/workflow/problem-text';
import { elementId } from './describe';
import { FlowGraph, type Vertex } from './flow-graph';
import { BPMN_PROBLEM, ImportProblems } from './import-problems';

// eslint-disable-next-line no-control-regex -- node ids must not hold control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function isUsableNodeId(id: string | undefined): id is string {
  return id !== undefined && id.length > 0 && id.length <= NODE_ID_MAX_LENGTH && !CONTROL_CHARACTERS.test(id);
}

/** Everything one import builds up while it walks the BPMN model. */
export class ImportContext {
  readonly problems = new ImportProblems();
  readonly graph = new FlowGraph();
  /** Nodes in output order: every container before its children, children in document order. */
  readonly nodes = new Map<string, WorkflowNodeDefinition>();
  /** BPMN element id → node id: activities, and pools and processes for their containers. */
  readonly nodeOfElement = new Map<string, string>();
  /** The BPMN element each node came from (for its deduction fields and its diagram shape). */
  readonly elementOfNode = new Map<string, ModdleElement>();
  readonly boundaryEvents: { vertex: Vertex; element: ModdleElement<BpmnBoundaryEvent> }[] = [];
  readonly linkEvents: { vertex: Vertex; name: string; scope: ModdleElement; throws: boolean }[] = [];
  readonly messageFlows: ModdleElement<BpmnMessageFlow>[] = [];
  /** Sequence flows, gathered from every scope before any is wired. */
  readonly sequenceFlows: ModdleElement[] = [];
  /** Processes a single call activity calls (and no pool holds): imported inside that call. */
  readonly inlinableProcesses = new Map<string, ModdleElement>();
  readonly inlinedProcesses = new Set<ModdleElement>();
  private readonly reservedIds: Set<string>;
  private generated = 0;

  constructor(reservedIds: Iterable<string>) {
    this.reservedIds = new Set(reservedIds);
  }

  /**
   * A node id: the preferred one (the element's id, or the deduction:nodeId it was exported
   * with) when usable and free, else a generated one that no BPMN element uses.
   */
  allocateNodeId(preferred: string | undefined, element: ModdleElement | undefined, prefix: string): string {
    if (isUsableNodeId(preferred) && !this.nodes.has(preferred)) return preferred;
    let candidate: string;
    do {
      this.generated += 1;
      candidate = `${prefix}_${this.generated}`;
    } while (this.nodes.has(candidate) || this.reservedIds.has(candidate));
    if (preferred !== undefined) {
      this.problems.warn(BPMN_PROBLEM.idReplaced, { id: JSON.stringify(preferred.slice(0, 80)), node: nodeRef(candidate) }, {
        elementId: element ? elementId(element) : undefined,
        nodeId: candidate,
      });
    }
    return candidate;
  }

  /** Adds a node under its parent (appending it to the parent's children). */
  addNode(node: WorkflowNodeDefinition, element: ModdleElement | undefined): void {
    this.nodes.set(node.nodeId, node);
    if (element) {
      this.elementOfNode.set(node.nodeId, element);
      const id = elementId(element);
      if (id !== undefined) this.nodeOfElement.set(id, node.nodeId);
    }
    const parent = node.parentId ? this.nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node.nodeId);
  }
}

import type { ModdleElement } from 'moddle';
import type { BpmnSequenceFlow } from 'bpmn-moddle/types';
import type { DependencyType } from '../../../../shared/status';
import type { Pin } from '../../../../shared/workflow/definition';

export type GatewayKind = 'parallel' | 'exclusive' | 'inclusive' | 'complex' | 'eventBased';

/**
 * A BPMN flow node seen as a vertex of the sequence-flow graph. Activities are real vertices
 * (they carry the workflow node they became); gateways and events are virtual: they vanish and
 * their flows are rewired through them (see rewire.ts).
 */
export interface Vertex {
  element: ModdleElement;
  /** The element's id, or a generated one for display. */
  id: string;
  nodeId?: string;
  gateway?: GatewayKind;
  /** A timer event's pin for the nodes after it. */
  pin?: Pin;
  /** A boundary event: the dependency on the node of the activity it is attached to. */
  boundary?: { attachedToNode?: string; type: DependencyType };
  incoming: Flow[];
  outgoing: Flow[];
}

/**
 * A sequence flow, the implicit flow from a link throw event to its catch event, or a message
 * flow between pools (which its target waits for on top of its sequence flows).
 */
export interface Flow {
  id: string;
  kind: 'sequence' | 'message';
  element?: ModdleElement<BpmnSequenceFlow>;
  from: Vertex;
  to: Vertex;
}

export class FlowGraph {
  private readonly byElement = new Map<ModdleElement, Vertex>();
  readonly vertices: Vertex[] = [];

  addVertex(element: ModdleElement, fields: Omit<Vertex, 'element' | 'id' | 'incoming' | 'outgoing'> = {}): Vertex {
    const id = typeof element.id === 'string' ? element.id : `${element.$type}#${this.vertices.length + 1}`;
    const vertex: Vertex = { element, id, ...fields, incoming: [], outgoing: [] };
    this.byElement.set(element, vertex);
    this.vertices.push(vertex);
    return vertex;
  }

  vertexOf(element: ModdleElement | undefined): Vertex | undefined {
    return element ? this.byElement.get(element) : undefined;
  }

  addFlow(id: string, from: Vertex, to: Vertex, element?: ModdleElement<BpmnSequenceFlow>, kind: Flow['kind'] = 'sequence'): Flow {
    const flow: Flow = { id, kind, from, to };
    if (element) flow.element = element;
    from.outgoing.push(flow);
    to.incoming.push(flow);
    return flow;
  }
}

/**
 * BPMN ids must be XML names, and bpmn-moddle (like bpmn.io) accepts only ASCII ones: a letter
 * or "_", then letters, digits, ".", "-", "_". Node ids are any printable text. A node keeps its
 * id when it is such a name, else it gets a close one and the exporter writes the original in
 * deduction:nodeId.
 */
const BPMN_ID = /^[A-Za-z_][\w.-]*$/;

function isBpmnId(id: string): boolean {
  return BPMN_ID.test(id);
}

export class BpmnIdAllocator {
  private readonly used = new Set<string>();

  /** Claims the ids that are already BPMN ids first, so that renamed ids never take them. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) if (isBpmnId(id)) this.used.add(id);
  }

  /** A node's BPMN id: its own when it is one (and was reserved), else a close, unique one. */
  forNode(nodeId: string): string {
    if (isBpmnId(nodeId)) return nodeId;
    const cleaned = nodeId.replace(/[^\w.-]/g, '_').slice(0, 60);
    if (!/[A-Za-z0-9]/.test(cleaned)) return this.fresh('Node');
    return this.fresh(/^[A-Za-z_]/.test(cleaned) ? cleaned : `Node_${cleaned}`);
  }

  /** A new id from a stem, unique among all ids given out or reserved. */
  fresh(stem: string): string {
    let candidate = stem;
    for (let counter = 2; this.used.has(candidate); counter += 1) candidate = `${stem}_${counter}`;
    this.used.add(candidate);
    return candidate;
  }
}

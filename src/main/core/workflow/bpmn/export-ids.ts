/**
 * BPMN ids are XML NCNames (a letter or "_", then letters, digits, ".", "-", "_"); node ids are
 * any printable text. A node keeps its id when it is an NCName, else it gets a close one and
 * the exporter writes the original in deduction:nodeId.
 */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{N}._\-\u00B7]*$/u;

export function isNcName(id: string): boolean {
  return NCNAME.test(id);
}

export class BpmnIdAllocator {
  private readonly used = new Set<string>();

  /** Claims the ids that are already NCNames first, so that renamed ids never take them. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) if (isNcName(id)) this.used.add(id);
  }

  /** A node's BPMN id: its own when reserved for it, else a sanitized, unique one. */
  forNode(nodeId: string): string {
    if (isNcName(nodeId)) return nodeId;
    const cleaned = nodeId.replace(/[^\p{L}\p{M}\p{N}._\-\u00B7]/gu, '_').slice(0, 60);
    return this.fresh(/^[\p{L}_]/u.test(cleaned) ? cleaned : `Node_${cleaned}`);
  }

  /** A new id from a stem, unique among all ids given out or reserved. */
  fresh(stem: string): string {
    let candidate = stem;
    for (let counter = 2; this.used.has(candidate); counter += 1) candidate = `${stem}_${counter}`;
    this.used.add(candidate);
    return candidate;
  }
}

/**
 * Which of the two JSON workflow formats a parsed file holds: this console's definition
 * (`nodes` with `nodeId`/`nodeType`) or the IT-ops design's template (`edges`, and `nodes` with
 * `id`/`type`). A file with marks of both is ambiguous and is refused with what it mixes.
 */
export type JsonWorkflowShape = { format: 'json' } | { format: 'itops' } | { format: 'ambiguous'; definitionMarks: string[]; templateMarks: string[] };

export function jsonWorkflowShape(value: unknown): JsonWorkflowShape {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { format: 'json' };
  const record = value as Record<string, unknown>;
  const nodes = Object.hasOwn(record, 'nodes') && Array.isArray(record['nodes']) ? (record['nodes'] as unknown[]) : [];
  const nodeHas = (key: string) => nodes.some((node) => typeof node === 'object' && node !== null && Object.hasOwn(node, key));
  const templateMarks = [
    ...(Object.hasOwn(record, 'edges') ? ['"edges"'] : []),
    ...(nodeHas('id') && nodeHas('type') ? ['nodes with "id" and "type"'] : []),
  ];
  const definitionMarks = [...(nodeHas('nodeId') ? ['nodes with "nodeId"'] : []), ...(nodeHas('nodeType') ? ['nodes with "nodeType"'] : [])];
  if (templateMarks.length === 0) return { format: 'json' };
  if (definitionMarks.length === 0) return { format: 'itops' };
  return { format: 'ambiguous', definitionMarks, templateMarks };
}

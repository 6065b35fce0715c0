import type { Problem } from '../problems';

/** Where a definition node came from: the implied root, or `nodes[index]` of the template (with the `deduction` keys it set). */
export type NodePlace = { kind: 'root' } | { kind: 'node'; index: number; extras: readonly string[] };

export interface DefinitionPlaces {
  /** By definition node index. */
  nodes: NodePlace[];
  /** By definition node index: the template edge each of its dependencies came from. */
  dependencies: Map<number, number[]>;
}

type Path = (string | number)[];

const TYPE_FIELDS = new Set(['nodeType', 'kind', 'agentLoad']);
const DEPENDENCY_FIELDS: Readonly<Record<string, Path>> = { sourceNodeId: ['source'], condition: ['condition'], type: ['deduction', 'type'] };

/**
 * A validator finding about the definition, placed on the template it was read from: a
 * dependency is the edge it came from (`edges[2].source`), a node's agentConfig its `config`,
 * its timeoutMs its `timeout`, the declared inputs the template's `variables`.
 */
export function templatePath(path: readonly (string | number)[], places: DefinitionPlaces): Path {
  const [head, index, ...rest] = path;
  if (head === 'inputs') return ['variables', ...path.slice(1)];
  if (head === 'variables') return ['deduction', ...path];
  if (head !== 'nodes' || typeof index !== 'number') return [...path];
  const place = places.nodes[index];
  if (!place) return ['nodes'];
  if (place.kind === 'root') return rest.length === 0 || rest[0] === 'children' || rest[0] === 'isRoot' ? [] : ['deduction', 'root', ...rest];
  const node: Path = ['nodes', place.index];
  const [field, ...inner] = rest;
  if (field === undefined || field === 'parentId' || field === 'isRoot') return node;
  if (field === 'nodeId') return [...node, 'id'];
  if (typeof field === 'string' && place.extras.includes(field)) return [...node, 'deduction', ...rest];
  if (typeof field === 'string' && TYPE_FIELDS.has(field)) return [...node, 'type'];
  if (field === 'agentConfig' || field === 'containerConfig') return [...node, 'config', ...inner];
  if (field === 'timeoutMs') return [...node, 'timeout'];
  if (field === 'retry') return inner[0] === 'backoff' ? [...node, 'deduction', 'backoff', ...inner.slice(1)] : [...node, 'retry_count'];
  if (field === 'dependencies') {
    const edge = typeof inner[0] === 'number' ? places.dependencies.get(index)?.[inner[0]] : undefined;
    if (edge === undefined) return node;
    const [edgeField, ...deeper] = inner.slice(1);
    const mapped = typeof edgeField === 'string' ? DEPENDENCY_FIELDS[edgeField] : undefined;
    return ['edges', edge, ...(mapped ? [...mapped, ...deeper] : [])];
  }
  return [...node, ...rest];
}

/**
 * Problems the validator found in the definition, moved onto the template. They are placed by
 * the template's own path (`nodes[3].timeout`), as its reader's problems are: the definition's
 * node naming (pathNodeId) would point into a file the user does not have.
 */
export function placeOnTemplate(problems: readonly Problem[], places: DefinitionPlaces): Problem[] {
  return problems.map((found) => {
    const { pathNodeId: _definitionNode, ...rest } = found;
    return { ...rest, path: templatePath(found.path, places) };
  });
}

import type { ForecastModel } from '../forecast/forecast-model';
import type { GraphFlowEdge, GraphFlowNode } from './graph-flow';

/**
 * The graph with the forecast's critical path marked: its nodes, and the edges between two of
 * its nodes, carry `is-critical` (on xyflow's wrappers, so the node cards themselves are
 * untouched and their caches stay valid).
 */
export function markCritical(nodes: GraphFlowNode[], edges: GraphFlowEdge[], model: ForecastModel | null): { nodes: GraphFlowNode[]; edges: GraphFlowEdge[] } {
  if (!model || model.critical.size === 0) return { nodes, edges };
  const { critical } = model;
  return {
    nodes: nodes.map((node) => (critical.has(node.id) ? { ...node, className: 'is-critical' } : node)),
    edges: edges.map((edge) => (critical.has(edge.source) && critical.has(edge.target) ? { ...edge, className: 'is-critical' } : edge)),
  };
}

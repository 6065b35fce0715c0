import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../../../../../src/shared/status';
import {
  allContainers,
  ancestorsOf,
  expandTo,
  matchingIds,
  visibleRows,
  type TreeFilter,
} from '../../../../../src/renderer/src/monitor/tree/model/visible-rows';
import { nodeView, sampleNodes, taskNodes } from '../fixtures';

const NONE: TreeFilter = { statuses: new Set(), search: '' };
const ids = (result: ReturnType<typeof visibleRows>) => result.rows.map((row) => row.node.nodeId);

describe('visible rows', () => {
  it('shows the whole tree in depth-first order with depth, chevrons and no match count when nothing is filtered', () => {
    const result = visibleRows(sampleNodes(), new Set(), NONE);
    expect(ids(result)).toEqual(['root', 'red', 'scout', 'strike', 'blue', 'patrol', 'inner', 'radar', 'judge']);
    expect(result.rows.map((row) => row.depth)).toEqual([0, 1, 2, 2, 1, 2, 2, 3, 1]);
    expect(result.rows.filter((row) => row.hasChildren).map((row) => row.node.nodeId)).toEqual(['root', 'red', 'blue', 'inner']);
    expect(result.rows.every((row) => row.expanded === row.hasChildren)).toBe(true);
    expect(result.matchCount).toBeNull();
    expect(result.indexOf.get('radar')).toBe(7);
  });

  it('hides everything beneath a collapsed container, nested ones included, and nothing after it', () => {
    const result = visibleRows(sampleNodes(), new Set(['blue']), NONE);
    expect(ids(result)).toEqual(['root', 'red', 'scout', 'strike', 'blue', 'judge']);
    expect(result.rows.find((row) => row.node.nodeId === 'blue')?.expanded).toBe(false);
    expect(result.indexOf.has('radar')).toBe(false);
    expect(ids(visibleRows(sampleNodes(), allContainers(sampleNodes()), NONE))).toEqual(['root']);
  });

  it('keeps the nodes of the chosen statuses and their ancestors, marking only the matches', () => {
    const result = visibleRows(sampleNodes(), new Set(), { statuses: new Set<NodeStatus>(['failed', 'pending']), search: '' });
    expect(ids(result)).toEqual(['root', 'red', 'strike', 'blue', 'inner', 'radar']);
    expect(result.rows.filter((row) => row.matched).map((row) => row.node.nodeId)).toEqual(['strike', 'radar']);
    expect(result.matchCount).toBe(2);
    // blue keeps its chevron for inner; inner for radar; red only for strike.
    expect(result.rows.filter((row) => row.hasChildren).map((row) => row.node.nodeId)).toEqual(['root', 'red', 'blue', 'inner']);
  });

  it('searches names and ids case-insensitively, combined with the status filter', () => {
    expect(ids(visibleRows(sampleNodes(), new Set(), { statuses: new Set(), search: '  PATROL ' }))).toEqual(['root', 'blue', 'patrol']);
    expect(ids(visibleRows(sampleNodes(), new Set(), { statuses: new Set(), search: 'red scout' }))).toEqual(['root', 'red', 'scout']);
    const both = visibleRows(sampleNodes(), new Set(), { statuses: new Set<NodeStatus>(['running']), search: 'r' });
    // running and containing "r": root, red, scout; blue is running but has no "r"... it has none, so it is out.
    expect(ids(both)).toEqual(['root', 'red', 'scout']);
    expect(both.matchCount).toBe(3);
    const nothing = visibleRows(sampleNodes(), new Set(), { statuses: new Set(), search: 'no such node' });
    expect(nothing.rows).toEqual([]);
    expect(nothing.matchCount).toBe(0);
  });

  it('a matching container with no matching child has no chevron while filtering', () => {
    const result = visibleRows(sampleNodes(), new Set(), { statuses: new Set<NodeStatus>(['waiting']), search: '' });
    expect(ids(result)).toEqual(['root', 'blue', 'inner', 'judge']);
    expect(result.rows.find((row) => row.node.nodeId === 'inner')?.hasChildren).toBe(false);
  });

  it('counts matches hidden by a collapsed container, and opening their ancestors shows them', () => {
    const nodes = sampleNodes();
    const filter: TreeFilter = { statuses: new Set(), search: 'radar' };
    const collapsed = allContainers(nodes);
    const hidden = visibleRows(nodes, collapsed, filter);
    expect(ids(hidden)).toEqual(['root']);
    expect(hidden.matchCount).toBe(1);
    const opened = expandTo(nodes, collapsed, matchingIds(nodes, filter));
    expect([...opened]).toEqual(['red']);
    expect(ids(visibleRows(nodes, opened, filter))).toEqual(['root', 'blue', 'inner', 'radar']);
  });

  it('returns the same collapsed set when nothing needs opening', () => {
    const nodes = sampleNodes();
    const collapsed = new Set(['red']);
    expect(expandTo(nodes, collapsed, ['radar'])).toBe(collapsed);
    expect(ancestorsOf(nodes, 'radar')).toEqual(['inner', 'blue', 'root']);
  });

  it('indents relative to the first node and tolerates ids missing from byId', () => {
    const nodes = taskNodes([nodeView('a', null, 1, 'container'), nodeView('b', 'a', 2, 'agent')]);
    const withGhost = { ...nodes, order: ['a', 'ghost', 'b'] };
    const result = visibleRows(withGhost, new Set(), NONE);
    expect(ids(result)).toEqual(['a', 'b']);
    expect(result.rows.map((row) => row.depth)).toEqual([0, 1]);
    expect(visibleRows(taskNodes([]), new Set(), NONE).rows).toEqual([]);
  });

  it('flattens 10,000 nodes quickly, collapsed, filtered and searched', () => {
    const list = [nodeView('root', null, 0, 'container', 'running')];
    // 100 containers of 10 sub-containers of 9 agents each: 10,101 nodes, four levels.
    for (let c = 0; c < 100; c++) {
      list.push(nodeView(`c${c}`, 'root', 1, 'container', 'running'));
      for (let s = 0; s < 10; s++) {
        list.push(nodeView(`c${c}-s${s}`, `c${c}`, 2, 'container', 'running'));
        for (let a = 0; a < 9; a++) {
          const status: NodeStatus = a === 0 && s === 0 ? 'failed' : a % 3 === 0 ? 'completed' : 'running';
          list.push(nodeView(`c${c}-s${s}-a${a}`, `c${c}-s${s}`, 3, 'agent', status, { name: `agent ${c}.${s}.${a}` }));
        }
      }
    }
    const nodes = taskNodes(list);
    expect(nodes.order.length).toBe(10_101);
    const started = performance.now();
    const all = visibleRows(nodes, new Set(), NONE);
    const failed = visibleRows(nodes, new Set(), { statuses: new Set<NodeStatus>(['failed']), search: '' });
    const searched = visibleRows(nodes, new Set(), { statuses: new Set(), search: 'agent 42.7.' });
    const collapsed = visibleRows(nodes, new Set(['root']), NONE);
    const halfCollapsed = visibleRows(nodes, new Set(Array.from({ length: 50 }, (_, c) => `c${c}`)), NONE);
    const elapsed = performance.now() - started;
    expect(all.rows.length).toBe(10_101);
    expect(failed.matchCount).toBe(100);
    expect(failed.rows.length).toBe(1 + 100 * 3);
    expect(searched.matchCount).toBe(9);
    expect(searched.rows.map((row) => row.node.nodeId).slice(0, 3)).toEqual(['root', 'c42', 'c42-s7']);
    expect(collapsed.rows.length).toBe(1);
    expect(halfCollapsed.rows.length).toBe(1 + 100 + 50 * (10 + 10 * 9));
    // Five passes over 10,000 nodes; generous for a loaded two-core machine, where one takes a few ms.
    expect(elapsed).toBeLessThan(400);
  });
});

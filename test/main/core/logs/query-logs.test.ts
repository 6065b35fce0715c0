import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryLogs } from '../../../../src/main/core/logs/query-logs';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

let store: Store;
let taskId: string;

beforeEach(async () => {
  store = await openTestStore();
  taskId = insertTask(store);
  insertNode(store, taskId, 'root', { type: 'container' });
  insertNode(store, taskId, 'red', { type: 'container', parent: 'root' });
  insertNode(store, taskId, 'scout', { parent: 'red' });
  insertNode(store, taskId, 'strike', { parent: 'red' });
  insertNode(store, taskId, 'blue', { parent: 'root' });
  const insert = store.db.prepare(
    `INSERT INTO node_execution_log (task_id, node_id, log_level, log_type, source, message, log_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const lines: Array<[string, string, string, string, string]> = [
    ['scout', 'info', 'stdout', 'agent', 'scout left the base'],
    ['scout', 'warn', 'stderr', 'agent', 'enemy radar detected 敌方雷达'],
    ['strike', 'info', 'stdout', 'agent', 'strike package airborne'],
    ['strike', 'error', 'stderr', 'agent', 'strike aborted: weather'],
    ['blue', 'info', 'system', 'engine', 'blue team holds the bridge'],
    ['red', 'debug', 'system', 'console', 'container red initialised'],
    ['scout', 'info', 'progress', 'agent', '敌情 报告 completed'],
  ];
  lines.forEach(([node, level, type, source, message], index) => insert.run(BigInt(taskId), node, level, type, source, message, 1000 + index * 10));
});
afterEach(() => store.close());

const messages = (query: Parameters<typeof queryLogs>[1]) => queryLogs(store, query).lines.map((line) => line.message);

describe('log queries', () => {
  it('filter by node, by subtree, by level, type, source and time range', () => {
    expect(messages({ taskId, nodeId: 'scout' })).toHaveLength(3);
    expect(messages({ taskId, nodeId: 'red', subtree: true })).toHaveLength(6);
    expect(messages({ taskId, nodeId: 'red' })).toEqual(['container red initialised']);
    expect(messages({ taskId, levels: ['warn', 'error'] })).toEqual(['enemy radar detected 敌方雷达', 'strike aborted: weather']);
    expect(messages({ taskId, types: ['system'] })).toEqual(['blue team holds the bridge', 'container red initialised']);
    expect(messages({ taskId, source: 'engine' })).toEqual(['blue team holds the bridge']);
    expect(messages({ taskId, from: 1020, to: 1040 })).toEqual(['strike package airborne', 'strike aborted: weather', 'blue team holds the bridge']);
    expect(messages({ taskId, nodeId: 'ghost', subtree: true })).toEqual([]);
  });

  it('finds words anywhere in a message, in any script and case, short words included', () => {
    expect(messages({ taskId, search: 'STRIKE' })).toEqual(['strike package airborne', 'strike aborted: weather']);
    expect(messages({ taskId, search: 'strike weather' })).toEqual(['strike aborted: weather']);
    expect(messages({ taskId, search: 'adar' })).toEqual(['enemy radar detected 敌方雷达']);
    expect(messages({ taskId, search: '敌方雷达' })).toEqual(['enemy radar detected 敌方雷达']);
    expect(messages({ taskId, search: '敌情' })).toEqual(['敌情 报告 completed']);
    expect(messages({ taskId, search: '敌 completed' })).toEqual(['敌情 报告 completed']);
    expect(messages({ taskId, search: '"unbalanced quote' })).toEqual([]);
    expect(messages({ taskId, search: 'radar_detected' })).toEqual([]);
    expect(messages({ taskId, search: 'radar%detected' })).toEqual([]);
    expect(messages({ taskId, search: 'r_d' })).toEqual([]);
    expect(messages({ taskId, search: 'red', nodeId: 'red', subtree: true, levels: ['info'] })).toEqual([]);
  });

  it('pages forward and backward with cursors, every line exactly once', () => {
    const forward: string[] = [];
    let cursor: string | undefined;
    do {
      const page = queryLogs(store, { taskId, limit: 2, cursor });
      forward.push(...page.lines.map((line) => line.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(forward).toHaveLength(7);
    expect(new Set(forward).size).toBe(7);
    const tail = queryLogs(store, { taskId, direction: 'backward', limit: 3 });
    expect(tail.lines.map((line) => line.id)).toEqual(forward.slice(-3).reverse());
    const before = queryLogs(store, { taskId, direction: 'backward', limit: 10, cursor: tail.nextCursor! });
    expect(before.lines.map((line) => line.id)).toEqual(forward.slice(0, 4).reverse());
    expect(before.nextCursor).toBeNull();
  });

  it('pages a word search both ways with cursors, other filters applied to each hit', () => {
    const search = (query: Omit<Parameters<typeof queryLogs>[1], 'taskId'>) => queryLogs(store, { taskId, search: 'strike', ...query });
    const first = search({ limit: 1 });
    expect(first.lines.map((line) => line.message)).toEqual(['strike package airborne']);
    const second = search({ limit: 1, cursor: first.nextCursor! });
    expect(second.lines.map((line) => line.message)).toEqual(['strike aborted: weather']);
    expect(second.nextCursor).toBeNull();
    const tail = search({ direction: 'backward', limit: 1 });
    expect(tail.lines.map((line) => line.message)).toEqual(['strike aborted: weather']);
    expect(search({ direction: 'backward', cursor: tail.nextCursor! }).lines.map((line) => line.message)).toEqual(['strike package airborne']);
    expect(search({ levels: ['error'], nodeId: 'red', subtree: true }).lines.map((line) => line.message)).toEqual(['strike aborted: weather']);
    expect(search({ nodeId: 'scout' }).lines).toEqual([]);
  });

  it('finds the same lines whether the node index or the word index drives the scan', () => {
    const insert = store.db.prepare(
      `INSERT INTO node_execution_log (task_id, node_id, log_level, log_type, message, log_time, created_at) VALUES (?, 'blue', 'info', 'stdout', ?, ?, 1)`,
    );
    store.transaction(() => {
      for (let index = 0; index < 20_500; index++) insert.run(BigInt(taskId), index % 1000 === 0 ? `needle ${index}` : `filler line ${index}`, 2000 + index);
    });
    const statements: string[] = [];
    const all = store.all.bind(store);
    store.all = (query) => {
      statements.push(query.compile().sql);
      return all(query);
    };
    const needles = Array.from({ length: 21 }, (_, index) => `needle ${index * 1000}`);
    const forward: string[] = [];
    let cursor: string | undefined;
    do {
      const page = queryLogs(store, { taskId, nodeId: 'blue', search: 'NEEDLE', limit: 4, cursor });
      forward.push(...page.lines.map((line) => line.message));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(forward).toEqual(needles);
    expect(queryLogs(store, { taskId, nodeId: 'root', subtree: true, search: 'needle', direction: 'backward', limit: 2 }).lines.map((line) => line.message)).toEqual(
      needles.slice(-2).reverse(),
    );
    expect(statements.every((statement) => statement.includes('node_execution_log_fts'))).toBe(true);
    statements.length = 0;
    expect(messages({ taskId, nodeId: 'scout', search: 'RADAR' })).toEqual(['enemy radar detected 敌方雷达']);
    expect(messages({ taskId, nodeId: 'red', subtree: true, search: '敌方雷达', direction: 'backward' })).toEqual(['enemy radar detected 敌方雷达']);
    expect(statements.every((statement) => statement.includes('INDEXED BY idx_log_task_node') && !statement.includes('node_execution_log_fts'))).toBe(true);
  });

  it('refuses malformed queries with a message naming the field', () => {
    expect(() => queryLogs(store, { taskId: 'not-an-id' })).toThrow(/taskId/);
    expect(() => queryLogs(store, { taskId, limit: 1_000_000 })).toThrow(/limit/);
    expect(() => queryLogs(store, { taskId, levels: ['fatal' as 'error'] })).toThrow(/levels/);
  });
});

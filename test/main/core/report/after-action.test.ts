import { beforeAll, describe, expect, it } from 'vitest';
import { exportRunReport } from '../../../../src/main/core/report/export-report';
import { addBookmark } from '../../../../src/main/core/review/bookmark-rows';
import type { Store } from '../../../../src/main/core/store/store';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';

const START = 1_800_000_000_000;
let store: Store;
let taskId: string;

/** A run: scout runs and completes, strike (after scout) runs and fails; two remarks along the way. */
beforeAll(async () => {
  store = await openTestStore();
  taskId = insertTask(store, store.ids.next(), 'failed');
  store.db.prepare('UPDATE deduction_task SET start_time = ?, end_time = ?, task_name = ? WHERE id = ?').run(START, START + 5000, '红蓝 drill', BigInt(taskId));
  insertNode(store, taskId, 'root', { type: 'container', status: 'failed' });
  insertNode(store, taskId, 'scout', { parent: 'root', status: 'completed' });
  insertNode(store, taskId, 'strike', { parent: 'root', status: 'failed' });
  store.db.prepare(`INSERT INTO node_dependency (task_id, node_id, source_node_id, created_at) VALUES (?, 'strike', 'scout', 1)`).run(BigInt(taskId));
  const transition = store.db.prepare(`INSERT INTO node_state_transition (task_id, node_id, batch, from_status, to_status, trigger_type, created_at) VALUES (?, ?, 1, ?, ?, 'system', ?)`);
  for (const [node, from, to, offset] of [
    ['root', 'pending', 'running', 0],
    ['scout', 'pending', 'running', 100],
    ['scout', 'running', 'completed', 1000],
    ['strike', 'pending', 'running', 1100],
    ['strike', 'running', 'failed', 3000],
    ['root', 'running', 'failed', 3100],
  ] as const) {
    transition.run(BigInt(taskId), node, from, to, START + offset);
  }
  addBookmark(store, taskId, { kind: 'annotation', taskTimeMs: 3500, nodeId: 'strike', text: 'strike <failed> as the blue side predicted' }, '观察员 Wang', START + 9000);
  addBookmark(store, taskId, { kind: 'bookmark', taskTimeMs: 500, text: 'scout under way' }, 'li', START + 9100);
});

const sections = (html: string) => html.split('<section class="aar-moment"').slice(1);

describe('the after-action report', () => {
  it('reviews each bookmark in task-time order: its annotation, the graph and tree as they stood, what changed since the one before', async () => {
    const file = await exportRunReport(store, { taskId, format: 'html', language: 'en', timeZone: 'UTC', afterAction: true }, undefined, START + 60_000);
    expect(file.fileName).toBe(`after-action-红蓝-drill-${taskId}.html`);
    const html = file.content;
    expect(html).toContain('<title>After-action review: 红蓝 drill</title>');
    const [first = '', second = '', ...rest] = sections(html);
    expect(rest).toEqual([]);

    expect(first).toContain('<blockquote class="aar-text">scout under way</blockquote>');
    expect(first).toContain('li');
    expect(first).toContain('Changed since the start');
    expect(first).toMatch(/<g [^>]*data-node="scout" data-status="running"/);
    expect(first).toMatch(/<g [^>]*data-node="strike" data-status="pending"/);
    expect(first).toMatch(/<tr data-node="scout">.*Pending.*Running/);
    expect(first).toMatch(/<tr data-node="root">.*Pending.*Running/);
    expect(first).not.toContain('<tr data-node="strike">');

    expect(second).toContain('<blockquote class="aar-text">strike &lt;failed&gt; as the blue side predicted</blockquote>');
    expect(second).toContain('观察员 Wang');
    expect(second).toContain('Changed since the previous bookmark');
    expect(second).toMatch(/<g [^>]*data-node="scout" data-status="completed"/);
    expect(second).toMatch(/<g [^>]*data-node="strike" data-status="failed"/);
    expect(second.match(/<tr data-node="[^"]+">/g)).toEqual(['<tr data-node="root">', '<tr data-node="scout">', '<tr data-node="strike">']);
    expect(second).toMatch(/<tr data-node="strike">.*Pending.*Failed/);
    // The graph draws the dependency as an arrow.
    expect(second).toContain('class="aar-edge"');
  });

  it('speaks Chinese when asked, says when there is nothing to review, and the run report lists the bookmarks', async () => {
    const zh = await exportRunReport(store, { taskId, format: 'html', language: 'zh-CN', afterAction: true }, undefined, START);
    expect(zh.content).toContain('复盘报告：红蓝 drill');
    expect(zh.content).toContain('自上一个书签以来的变化');
    const empty = insertTask(store, store.ids.next(), 'pending');
    insertNode(store, empty, 'root', { type: 'container' });
    const none = await exportRunReport(store, { taskId: empty, format: 'html', language: 'en', afterAction: true }, undefined, START);
    expect(none.content).toContain('This task has no bookmarks yet.');
    const run = await exportRunReport(store, { taskId, format: 'html', language: 'en', timeZone: 'UTC' }, undefined, START + 60_000);
    expect(run.fileName).toMatch(/^run-report-/);
    const section = run.content.slice(run.content.indexOf('<h2 id="bookmarks">'));
    expect(section).toMatch(/Bookmarks and annotations[\s\S]*\+500 ms[\s\S]*scout under way[\s\S]*\+3\.5 s[\s\S]*Annotation[\s\S]*观察员 Wang[\s\S]*strike &lt;failed&gt;/);
  });

  it('is refused as CSV, by path', async () => {
    await expect(exportRunReport(store, { taskId, format: 'csv', language: 'en', afterAction: true }, undefined)).rejects.toThrow(/an after-action report is HTML or PDF, not CSV/);
  });
});

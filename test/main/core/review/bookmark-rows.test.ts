import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRuntime } from '../../../../src/main/core/runtime';
import { BOOKMARK_LIMITS } from '../../../../src/shared/review/bookmarks';
import { startTestRuntime } from '../../../helpers/console-runtime';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const WORKFLOW = {
  name: 'bookmarked',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'only', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 0 } },
  ],
};

let runtime: ConsoleRuntime;
let taskId: string;
beforeAll(async () => {
  runtime = await startTestRuntime(tempDir());
  taskId = (await runtime.api.createTask(WORKFLOW, { name: 'bookmarked run' })).task_id;
}, 30_000);
afterAll(() => runtime.close());

describe('bookmarks and annotations', () => {
  it('are kept in task-time order, attributed to whoever made them, viewers included', async () => {
    const viewer = runtime.apiFor('watcher', 'viewer');
    const commander = runtime.apiFor('commander Wang', 'operator');
    await commander.addBookmark(taskId, { kind: 'bookmark', taskTimeMs: 9000, text: 'blue holds' });
    const note = await viewer.addBookmark(taskId, { kind: 'annotation', taskTimeMs: 200, nodeId: 'only', text: '  late start  ' });
    expect(note).toMatchObject({ author: 'watcher', text: 'late start', nodeId: 'only', taskId });
    expect((await viewer.listBookmarks(taskId)).map((mark) => [mark.taskTimeMs, mark.author])).toEqual([
      [200, 'watcher'],
      [9000, 'commander Wang'],
    ]);
  });

  it('may be deleted by their author or an operator, not by another viewer', async () => {
    const mine = await runtime.apiFor('analyst A', 'viewer').addBookmark(taskId, { kind: 'bookmark', taskTimeMs: 1, text: 'mine' });
    await expect(runtime.apiFor('analyst B', 'viewer').deleteBookmark(taskId, mine.bookmarkId)).rejects.toMatchObject({ code: 'FORBIDDEN', reason: { key: 'bookmark.notAuthor' } });
    await runtime.apiFor('analyst A', 'viewer').deleteBookmark(taskId, mine.bookmarkId);
    const theirs = await runtime.apiFor('analyst B', 'viewer').addBookmark(taskId, { kind: 'bookmark', taskTimeMs: 2, text: 'theirs' });
    await runtime.apiFor('commander Wang', 'operator').deleteBookmark(taskId, theirs.bookmarkId);
    expect((await runtime.api.listBookmarks(taskId)).map((mark) => mark.text)).not.toEqual(expect.arrayContaining(['mine', 'theirs']));
    await expect(runtime.api.deleteBookmark(taskId, theirs.bookmarkId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuse an unknown node, empty text and a task over its limit, naming what is wrong', async () => {
    await expect(runtime.api.addBookmark(taskId, { kind: 'annotation', taskTimeMs: 0, nodeId: 'ghost', text: 'x' })).rejects.toThrow(/ghost/);
    await expect(runtime.api.addBookmark(taskId, { kind: 'annotation', taskTimeMs: 0, text: '   ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const other = (await runtime.api.createTask(WORKFLOW, { name: 'crowded run' })).task_id;
    runtime.store.db.exec('BEGIN');
    const insert = runtime.store.db.prepare("INSERT INTO task_bookmark (id, task_id, kind, task_time_ms, text, created_at) VALUES (?, ?, 'bookmark', 0, 'x', 0)");
    for (let index = 0; index < BOOKMARK_LIMITS.perTask; index += 1) insert.run(BigInt(runtime.store.ids.next()), BigInt(other));
    runtime.store.db.exec('COMMIT');
    await expect(runtime.api.addBookmark(other, { kind: 'bookmark', taskTimeMs: 0, text: 'one more' })).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'bookmark.tooMany' } });
  });
});

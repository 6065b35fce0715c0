import { ApiError } from '../../../shared/api/errors';
import { errorReason } from '../../../shared/api/error-reasons';
import type { Id } from '../../../shared/ids';
import { BOOKMARK_LIMITS, bookmarkInputSchema, type BookmarkInput, type BookmarkView } from '../../../shared/review/bookmarks';
import type { Store } from '../store/store';
import type { Row } from '../store/tables';
import { taskRow } from '../tasks/task-queries';
import { invalidArgument, nodeNotFound } from '../tasks/task-errors';

function view(row: Row<'task_bookmark'>): BookmarkView {
  return {
    bookmarkId: row.id,
    taskId: row.task_id,
    kind: row.kind,
    taskTimeMs: row.task_time_ms,
    ...(row.node_id !== null ? { nodeId: row.node_id } : {}),
    text: row.text,
    author: row.author,
    createdAt: row.created_at,
  };
}

export function listBookmarks(store: Store, taskId: string): BookmarkView[] {
  const task = taskRow(store, taskId);
  return store.all(store.kysely.selectFrom('task_bookmark').selectAll().where('task_id', '=', task.id).orderBy('task_time_ms').orderBy('id')).map(view);
}

/** Anyone who may watch the task may remark on it: the remark is theirs, by name, and changes nothing of the run. */
export function addBookmark(store: Store, taskId: string, given: BookmarkInput, author: string | null, now: number): BookmarkView {
  const task = taskRow(store, taskId);
  const parsed = bookmarkInputSchema.safeParse(given);
  if (!parsed.success) throw invalidArgument('addBookmark', parsed.error.issues[0]!, '(bookmark)');
  const input = parsed.data;
  return store.transaction(() => {
    if (input.nodeId !== undefined && !store.first(store.kysely.selectFrom('workflow_node').select('id').where('task_id', '=', task.id).where('node_id', '=', input.nodeId))) {
      throw nodeNotFound(task.id, input.nodeId);
    }
    const count = Number(store.first(store.kysely.selectFrom('task_bookmark').select((eb) => eb.fn.countAll().as('n')).where('task_id', '=', task.id))?.n ?? 0);
    if (count >= BOOKMARK_LIMITS.perTask) throw new ApiError('CONFLICT', errorReason('bookmark.tooMany', { taskId: task.id, max: BOOKMARK_LIMITS.perTask }));
    const id = store.ids.next();
    store.run(
      store.kysely.insertInto('task_bookmark').values({
        id,
        task_id: task.id,
        kind: input.kind,
        task_time_ms: input.taskTimeMs,
        node_id: input.nodeId ?? null,
        text: input.text,
        author,
        created_at: now,
      }),
    );
    return view(store.first(store.kysely.selectFrom('task_bookmark').selectAll().where('id', '=', id))!);
  });
}

/** Its author may take a remark back; an operator may remove anyone's. */
export function deleteBookmark(store: Store, taskId: string, bookmarkId: Id, by: { name: string | null; operator: boolean }): void {
  const task = taskRow(store, taskId);
  const row = store.first(store.kysely.selectFrom('task_bookmark').selectAll().where('task_id', '=', task.id).where('id', '=', bookmarkId));
  if (!row) throw new ApiError('NOT_FOUND', errorReason('bookmark.notFound', { taskId: task.id, bookmarkId }));
  if (!by.operator && row.author !== by.name) throw new ApiError('FORBIDDEN', errorReason('bookmark.notAuthor', { author: row.author ?? '—' }));
  store.run(store.kysely.deleteFrom('task_bookmark').where('id', '=', row.id));
}

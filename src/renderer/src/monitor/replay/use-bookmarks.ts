import { useCallback, useEffect, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { BookmarkInput, BookmarkView } from '../../../../shared/review/bookmarks';

export interface BookmarksState {
  bookmarks: readonly BookmarkView[] | null;
  loadError: unknown;
  /** Who this session is and whether it may remove anyone's bookmark (an operator). */
  me: { name: string; operator: boolean } | null;
  add: (input: BookmarkInput) => Promise<void>;
  remove: (bookmarkId: string) => Promise<void>;
}

const byTaskTime = (a: BookmarkView, b: BookmarkView) => a.taskTimeMs - b.taskTimeMs || a.createdAt - b.createdAt;

/** A task's bookmarks, read once and kept in step with this window's own adds and deletes. */
export function useBookmarks(client: ConsoleClient, taskId: string): BookmarksState {
  const [loaded, setLoaded] = useState<{ taskId: string; bookmarks: BookmarkView[] } | { taskId: string; error: unknown } | null>(null);
  const [me, setMe] = useState<BookmarksState['me']>(null);

  useEffect(() => {
    let live = true;
    client.listBookmarks(taskId).then(
      (bookmarks) => live && setLoaded({ taskId, bookmarks }),
      (error: unknown) => live && setLoaded({ taskId, error }),
    );
    client.getAppStatus().then(
      (status) => live && setMe({ name: status.session.operator, operator: status.session.role === 'operator' }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, taskId]);

  const add = useCallback(
    async (input: BookmarkInput) => {
      const made = await client.addBookmark(taskId, input);
      setLoaded((current) => (current && 'bookmarks' in current && current.taskId === taskId ? { taskId, bookmarks: [...current.bookmarks, made].sort(byTaskTime) } : current));
    },
    [client, taskId],
  );
  const remove = useCallback(
    async (bookmarkId: string) => {
      await client.deleteBookmark(taskId, bookmarkId);
      setLoaded((current) => (current && 'bookmarks' in current && current.taskId === taskId ? { taskId, bookmarks: current.bookmarks.filter((mark) => mark.bookmarkId !== bookmarkId) } : current));
    },
    [client, taskId],
  );

  const current = loaded && loaded.taskId === taskId ? loaded : null;
  return {
    bookmarks: current && 'bookmarks' in current ? current.bookmarks : null,
    loadError: current && 'error' in current ? current.error : null,
    me,
    add,
    remove,
  };
}

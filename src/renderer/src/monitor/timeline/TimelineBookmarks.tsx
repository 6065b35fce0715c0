import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { BOOKMARK_KINDS, BOOKMARK_LIMITS, type BookmarkKind, type BookmarkView } from '../../../../shared/review/bookmarks';
import type { TaskDetail } from '../../../../shared/task/views';
import { errorMessage } from '../../common/error-message';
import { formatTime, useFormatDuration } from '../../common/format';
import { useBookmarks } from '../replay/use-bookmarks';
import { useReplaySeek } from '../replay/replay-seek';
import { timeToX, type TimeWindow } from './timeline-scale';
import './timeline-bookmarks.css';

interface TimelineBookmarksProps {
  client: ConsoleClient;
  task: TaskDetail;
  /** The moment a new bookmark marks: the replay cursor, or now while live. */
  moment: number;
  window: TimeWindow;
  width: number;
}

interface Draft {
  kind: BookmarkKind;
  text: string;
  taskTimeMs: number;
}

/**
 * The timeline's bookmarks lane: a mark per bookmark or annotation at its task time; add one at
 * the moment shown, open one to read it, show it in replay, or delete it (your own; an operator
 * any). Viewers may add theirs too: each is attributed to its author by the core.
 */
export const TimelineBookmarks = memo(function TimelineBookmarks({ client, task, moment, window, width }: TimelineBookmarksProps) {
  const { t, i18n } = useTranslation();
  const formatDuration = useFormatDuration();
  const seek = useReplaySeek();
  const { bookmarks, loadError, me, add, remove } = useBookmarks(client, task.taskId);
  const [openId, setOpenId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const origin = task.startTime ?? task.createdAt;
  const opened = bookmarks?.find((mark) => mark.bookmarkId === openId) ?? null;
  const author = (mark: BookmarkView) => mark.author ?? t('bookmarks.unnamed');
  const mine = (mark: BookmarkView) => me !== null && (me.operator || mark.author === me.name);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || draft.text.trim() === '') return;
    setBusy(true);
    add({ kind: draft.kind, taskTimeMs: draft.taskTimeMs, text: draft.text.trim() }).then(
      () => {
        setBusy(false);
        setDraft(null);
        setFailure(null);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(t('bookmarks.failed', { error: errorMessage(t, error) }));
      },
    );
  };
  const drop = (mark: BookmarkView) => {
    remove(mark.bookmarkId).then(
      () => {
        setOpenId(null);
        setFailure(null);
      },
      (error: unknown) => setFailure(t('bookmarks.deleteFailed', { error: errorMessage(t, error) })),
    );
  };
  const startDraft = () => {
    setOpenId(null);
    setDraft({ kind: 'bookmark', text: '', taskTimeMs: Math.max(0, Math.round(moment - origin)) });
  };

  return (
    <div className="tl-bookmarks" data-testid="timeline-bookmarks">
      <div className="tl-bookmarks-label">
        <span>{t('bookmarks.lane')}</span>
        <button type="button" className="tl-bookmark-add" onClick={startDraft} title={t('bookmarks.addHint', { time: formatTime(moment, i18n.language) })} data-testid="bookmark-add">
          {t('bookmarks.add')}
        </button>
      </div>
      <div className="tl-bookmarks-strip">
        {(bookmarks ?? []).map((mark) => {
          const x = timeToX(origin + mark.taskTimeMs, window, width);
          if (x < 0 || x > width) return null;
          const title = t('bookmarks.markTitle', { offset: formatDuration(mark.taskTimeMs), author: author(mark), text: mark.text });
          return (
            <button
              type="button"
              key={mark.bookmarkId}
              className={`tl-bookmark is-${mark.kind}${mark.bookmarkId === openId ? ' is-open' : ''}`}
              style={{ left: x }}
              title={title}
              aria-label={title}
              aria-expanded={mark.bookmarkId === openId}
              data-testid="bookmark-mark"
              data-bookmark-id={mark.bookmarkId}
              onClick={() => {
                setDraft(null);
                setOpenId(mark.bookmarkId === openId ? null : mark.bookmarkId);
              }}
            />
          );
        })}
      </div>
      {draft && (
        <form className="tl-bookmark-form" onSubmit={save} data-testid="bookmark-form">
          <label>
            <span>{t('bookmarks.kind')}</span>
            <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as BookmarkKind })}>
              {BOOKMARK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bookmarks.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="tl-bookmark-at">+{formatDuration(draft.taskTimeMs)}</span>
          <input
            type="text"
            className="tl-bookmark-text"
            // The form opens at the user's own click on "+ Bookmark": typing is what comes next.
            autoFocus
            maxLength={BOOKMARK_LIMITS.text}
            value={draft.text}
            placeholder={t('bookmarks.placeholder')}
            aria-label={t('bookmarks.text')}
            onChange={(event) => setDraft({ ...draft, text: event.target.value })}
            data-testid="bookmark-text"
          />
          <button type="submit" disabled={busy || draft.text.trim() === ''} data-testid="bookmark-save">
            {busy ? t('bookmarks.saving') : t('bookmarks.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('bookmarks.cancel')}
          </button>
        </form>
      )}
      {opened && (
        <div className="tl-bookmark-card" role="region" aria-label={t(`bookmarks.kinds.${opened.kind}`)} data-testid="bookmark-card">
          <strong>{t(`bookmarks.kinds.${opened.kind}`)}</strong>
          <span className="tl-bookmark-card-text" data-verbatim="">
            {opened.text}
          </span>
          {opened.author === null ? <span className="tl-bookmark-author">{t('bookmarks.unnamed')}</span> : <span className="tl-bookmark-author" data-verbatim="">{opened.author}</span>}
          <span className="muted">{t('bookmarks.at', { offset: formatDuration(opened.taskTimeMs), time: formatTime(origin + opened.taskTimeMs, i18n.language) })}</span>
          <button type="button" disabled={seek === null} title={seek === null ? t('bookmarks.jumpHint') : undefined} onClick={() => seek?.(origin + opened.taskTimeMs)} data-testid="bookmark-jump">
            {t('bookmarks.jump')}
          </button>
          {mine(opened) && (
            <button type="button" className="danger" onClick={() => drop(opened)} data-testid="bookmark-delete">
              {t('bookmarks.delete')}
            </button>
          )}
          <button type="button" onClick={() => setOpenId(null)}>
            {t('bookmarks.close')}
          </button>
        </div>
      )}
      {(failure || loadError !== null) && (
        <p className="tl-bookmark-error" role="alert">
          {failure ?? t('bookmarks.loadFailed', { error: errorMessage(t, loadError) })}
        </p>
      )}
    </div>
  );
});

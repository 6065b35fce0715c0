import { useTranslation } from 'react-i18next';
import { adjacentTime, REPLAY_EVENT_KINDS, type EventTimes, type ReplayEventKind } from '../../../../shared/review/event-kinds';

interface ReplayEventsProps {
  events: EventTimes;
  /** The moments of the chosen kinds, ascending. */
  chosen: readonly number[];
  kinds: ReadonlySet<ReplayEventKind>;
  onKinds: (kinds: ReadonlySet<ReplayEventKind>) => void;
  pauseAtEvents: boolean;
  onPauseAtEvents: (pause: boolean) => void;
  at: number;
  onJump: (at: number) => void;
}

/** The replay bar's events row: which kinds count, jumps to the previous or next one, and whether play pauses at them. */
export function ReplayEvents({ events, chosen, kinds, onKinds, pauseAtEvents, onPauseAtEvents, at, onJump }: ReplayEventsProps) {
  const { t } = useTranslation();
  const previous = adjacentTime(chosen, at, -1);
  const next = adjacentTime(chosen, at, 1);
  const toggle = (kind: ReplayEventKind) => {
    const changed = new Set(kinds);
    if (changed.has(kind)) changed.delete(kind);
    else changed.add(kind);
    onKinds(changed);
  };
  return (
    <div className="replay-events" role="group" aria-label={t('replay.events.label')} data-testid="replay-events">
      <button type="button" onClick={() => previous !== null && onJump(previous)} disabled={previous === null} data-testid="replay-previous-event">
        {t('replay.events.previous')}
      </button>
      <button type="button" onClick={() => next !== null && onJump(next)} disabled={next === null} data-testid="replay-next-event">
        {t('replay.events.next')}
      </button>
      {REPLAY_EVENT_KINDS.map((kind) => (
        <label key={kind} className="replay-event-kind" data-kind={kind}>
          <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} />
          {t(`replay.events.kinds.${kind}`, { count: events[kind].length })}
        </label>
      ))}
      <label className="replay-event-pause">
        <input type="checkbox" checked={pauseAtEvents} onChange={(event) => onPauseAtEvents(event.target.checked)} data-testid="replay-pause-at-events" />
        {t('replay.events.pause')}
      </label>
    </div>
  );
}

import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime, useFormatDuration } from '../../common/format';
import { timesOfKinds, type EventTimes, type ReplayEventKind } from '../../../../shared/review/event-kinds';
import { advance, playFrom, REPLAY_SPEEDS, sliderStep, stepTarget, type ReplaySpeed } from './replay-playback';
import { ReplayEvents } from './ReplayEvents';
import './replay.css';

const FRAME_MS = 50;

export interface ReplayBarProps {
  start: number;
  end: number;
  at: number;
  onChange: (at: number) => void;
  playing: boolean;
  onPlay: (playing: boolean) => void;
  /** Moments something changed (useReplay's `changes`); steps land on them when given. */
  changes?: readonly number[];
  /** Moments of each kind of event (useReplay's `events`): jumps land on them, and play may pause at them. */
  events?: EventTimes | null;
}

const NO_STOPS: readonly number[] = [];

/**
 * The replay's time slider: drag or use the keys to pick a moment; play runs the history
 * forward at 1× to 64×; step buttons (and , and .) jump to the previous or next change; the
 * events row jumps to the previous or next event of the chosen kinds and may pause play there.
 */
export const ReplayBar = memo(function ReplayBar({ start, end, at, onChange, playing, onPlay, changes, events }: ReplayBarProps) {
  const { t, i18n } = useTranslation();
  const formatDuration = useFormatDuration();
  const [speed, setSpeed] = useState<ReplaySpeed>(8);
  const [kinds, setKinds] = useState<ReadonlySet<ReplayEventKind>>(() => new Set(['failure', 'manual', 'inject', 'operator']));
  const [pauseAtEvents, setPauseAtEvents] = useState(false);
  const chosen = useMemo(() => (events ? timesOfKinds(events, kinds) : NO_STOPS), [events, kinds]);
  const stops = pauseAtEvents ? chosen : NO_STOPS;
  const latest = useRef({ at, onChange, onPlay });
  useEffect(() => {
    latest.current = { at, onChange, onPlay };
  });

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let previous = performance.now();
    let emitted = previous;
    let position = latest.current.at;
    const tick = (now: number) => {
      const step = advance(position, now - previous, speed, end, stops);
      previous = now;
      position = step.at;
      // Each moment shown rebuilds the whole task: twenty a second is smooth enough.
      if (step.done || now - emitted >= FRAME_MS) {
        emitted = now;
        latest.current.onChange(step.at);
      }
      if (step.done) latest.current.onPlay(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end, stops]);

  const togglePlay = () => {
    if (!playing) onChange(playFrom(at, start, end));
    onPlay(!playing);
  };
  const step = (direction: -1 | 1) => {
    onPlay(false);
    onChange(stepTarget(changes, at, direction, start, end));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === ',') step(-1);
    else if (event.key === '.') step(1);
    else if (event.key === ' ' && (event.target as HTMLElement).tagName === 'INPUT') togglePlay();
    else return;
    event.preventDefault();
  };

  const language = i18n.language;
  return (
    <div className="replay-bar" role="group" aria-label={t('replay.label')} onKeyDown={onKeyDown} data-testid="replay-bar">
      <button type="button" className="replay-step" onClick={() => step(-1)} disabled={at <= start} title={t('replay.previousHint')} aria-label={t('replay.previous')}>
        <StepIcon direction={-1} />
      </button>
      <button type="button" className="replay-play" onClick={togglePlay} aria-pressed={playing} data-testid="replay-play">
        {playing ? t('replay.pause') : t('replay.play')}
      </button>
      <button type="button" className="replay-step" onClick={() => step(1)} disabled={at >= end} title={t('replay.nextHint')} aria-label={t('replay.next')}>
        <StepIcon direction={1} />
      </button>
      <label className="replay-speed">
        <span>{t('replay.speed')}</span>
        <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as ReplaySpeed)}>
          {REPLAY_SPEEDS.map((value) => (
            <option key={value} value={value}>
              {t('replay.times', { speed: value })}
            </option>
          ))}
        </select>
      </label>
      <span className="replay-edge">{formatTime(start, language)}</span>
      <input
        type="range"
        className="replay-slider"
        min={start}
        max={end}
        step={sliderStep(start, end)}
        value={at}
        onChange={(event) => {
          onPlay(false);
          onChange(Number(event.target.value));
        }}
        aria-label={t('replay.slider')}
        aria-valuetext={t('replay.valueText', { time: formatTime(at, language), offset: formatDuration(at - start) })}
        data-testid="replay-slider"
      />
      <span className="replay-edge">{formatTime(end, language)}</span>
      <output className="replay-at" data-testid="replay-at">
        {formatTime(at, language)} <span className="replay-offset">+{formatDuration(at - start)}</span>
      </output>
      {events && (
        <ReplayEvents
          events={events}
          chosen={chosen}
          kinds={kinds}
          onKinds={setKinds}
          pauseAtEvents={pauseAtEvents}
          onPauseAtEvents={setPauseAtEvents}
          at={at}
          onJump={(target) => {
            onPlay(false);
            onChange(target);
          }}
        />
      )}
    </div>
  );
});

/** Drawn, not a glyph: the media-control characters are missing from many system fonts. */
function StepIcon({ direction }: { direction: -1 | 1 }) {
  return (
    <svg className="replay-icon" viewBox="0 0 12 12" aria-hidden="true" style={direction < 0 ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M2 2 L8 6 L2 10 Z" />
      <rect x="8.5" y="2" width="1.8" height="8" />
    </svg>
  );
}

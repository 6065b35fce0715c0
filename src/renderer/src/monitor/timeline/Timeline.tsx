import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { useNow } from '../../common/use-now';
import { agentRows, executionsByNode, isLive, timelineSpan } from './timeline-model';
import { ClockMarks } from './ClockMarks';
import { axisTicks, fitWindow, panWindow, timeToX, xToTime, zoomWindow, type TimeWindow } from './timeline-scale';
import { TimelineBookmarks } from './TimelineBookmarks';
import { TimelineLegend } from './TimelineLegend';
import { ForecastLane } from './ForecastLane';
import { InjectLane } from './InjectLane';
import { useForecast } from '../forecast/use-forecast';
import { spanWithForecast } from '../forecast/forecast-model';
import { TimelineRow } from './TimelineRow';
import { useExecutions } from './use-executions';
import { useStripWidth } from './use-strip-width';
import './timeline.css';

/*
 * Hand-written SVG rather than a chart library: recharts has no Gantt, and the rows must be
 * virtualized (only the rows in view exist in the DOM), which a chart drawing one SVG for
 * all rows cannot do. Each row is a small SVG of rects across the same time scale.
 */

const ROW_REM = 1.75;
const ZOOM_STEP = 1.5;
const PAN_SHARE = 0.2;
/** A pointer moving less than this between down and up is a click, not a pan. */
const DRAG_PX = 4;
/** Room a tick's label needs to the right of it; a tick closer to the edge goes unlabelled. */
const TICK_LABEL_PX = 64;

function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** Executions per agent over time: a bar per attempt, zoomable and pannable, with the moment shown as a line. */
export const Timeline = memo(function Timeline({ client, task, nodes, at, selectedNodeId, onSelectNode }: TaskPanelProps) {
  const { t } = useTranslation();
  const live = isLive(task, at);
  const now = useNow(live, 1000);
  const { executions, error } = useExecutions(client, task.taskId, at === null);
  const rows = useMemo(() => agentRows(nodes), [nodes]);
  const byNode = useMemo(() => executionsByNode(executions ?? []), [executions]);
  const moment = at ?? (live ? now : (task.endTime ?? now));
  const forecast = useForecast(client, task, at);
  const span = spanWithForecast(timelineSpan(task, executions ?? [], at ?? (live ? now : null)), forecast);
  const [manual, setManual] = useState<TimeWindow | null>(null);
  const shown = manual ?? fitWindow(span.start, span.end);
  const limit = useMemo(() => ({ from: span.start, to: span.end }), [span.start, span.end]);

  const axisRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useStripWidth(axisRef);
  const [rowPx] = useState(() => ROW_REM * remPx());
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowPx, overscan: 10 });

  const zoom = useCallback((factor: number, anchor?: number) => setManual((current) => zoomWindow(current ?? shown, factor, anchor ?? ((current ?? shown).from + (current ?? shown).to) / 2, limit)), [shown, limit]);
  const pan = useCallback((deltaMs: number) => setManual((current) => panWindow(current ?? shown, deltaMs, limit)), [shown, limit]);

  // Ctrl/⌘ + wheel zooms around the pointer, a sideways wheel (or Shift) pans; a plain wheel scrolls rows.
  const latest = useRef({ shown, width, zoom, pan });
  useEffect(() => {
    latest.current = { shown, width, zoom, pan };
  });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const { shown: view, width: stripWidth, zoom: zoomBy, pan: panBy } = latest.current;
      // The strip is what the label column leaves of the body's width.
      const x = event.clientX - element.getBoundingClientRect().left - (element.clientWidth - stripWidth);
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoomBy(event.deltaY < 0 ? 1.2 : 1 / 1.2, xToTime(x, view, stripWidth));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        const delta = event.shiftKey ? event.deltaY : event.deltaX;
        panBy((delta / Math.max(1, stripWidth)) * (view.to - view.from));
      }
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const drag = useRef<{ x: number; window: TimeWindow; moved: boolean } | null>(null);
  const panned = useRef(false);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    panned.current = false;
    if (event.button !== 0 || (event.target as Element).closest('.tl-label')) return;
    drag.current = { x: event.clientX, window: shown, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    const dx = event.clientX - current.x;
    if (!current.moved && Math.abs(dx) < DRAG_PX) return;
    if (!current.moved) event.currentTarget.setPointerCapture(event.pointerId);
    current.moved = true;
    setManual(panWindow(current.window, (-dx / Math.max(1, width)) * (current.window.to - current.window.from), limit));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.moved) {
      event.currentTarget.releasePointerCapture(event.pointerId);
      panned.current = true;
    }
    drag.current = null;
  };

  // The click that ends a pan selects nothing.
  const onSelect = useCallback(
    (nodeId: string) => {
      if (!panned.current) onSelectNode(nodeId);
    },
    [onSelectNode],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const spanMs = shown.to - shown.from;
    if (event.key === '+' || event.key === '=') zoom(ZOOM_STEP);
    else if (event.key === '-') zoom(1 / ZOOM_STEP);
    else if (event.key === '0') setManual(null);
    else if (event.key === 'ArrowLeft' && !event.altKey) pan(-spanMs * PAN_SHARE);
    else if (event.key === 'ArrowRight' && !event.altKey) pan(spanMs * PAN_SHARE);
    else return;
    event.preventDefault();
  };

  const ticks = axisTicks(shown, width);
  const lineX = timeToX(moment, shown, width);
  const showLine = (live || at !== null) && lineX >= 0 && lineX <= width;

  return (
    <div className={`timeline${at !== null ? ' is-replay' : ''}`} data-testid="timeline">
      <div className="tl-toolbar" role="toolbar" aria-label={t('timeline.toolbar')}>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)} title={t('timeline.zoomOutHint')}>
          {t('timeline.zoomOut')}
        </button>
        <button type="button" onClick={() => zoom(ZOOM_STEP)} title={t('timeline.zoomInHint')}>
          {t('timeline.zoomIn')}
        </button>
        <button type="button" onClick={() => setManual(null)} disabled={manual === null} title={t('timeline.fitHint')}>
          {t('timeline.fit')}
        </button>
        <span className="tl-hint">{t('timeline.hint')}</span>
        <TimelineLegend />
      </div>
      {error && (
        <p className="tl-error" role="alert">
          {t('timeline.loadFailed', { error })}
        </p>
      )}
      <div className="tl-head">
        <div className="tl-label-head">{t('timeline.nodes', { count: rows.length })}</div>
        <div className="tl-axis" ref={axisRef}>
          <svg width={width} height="100%" aria-hidden="true">
            {ticks.map((tick) => (
              <g key={tick.time} transform={`translate(${tick.x},0)`}>
                <line y1="60%" y2="100%" className="tl-tick" />
                {tick.x <= width - TICK_LABEL_PX && (
                  <text x={3} y="45%" className="tl-tick-label">
                    {tick.label}
                  </text>
                )}
              </g>
            ))}
          </svg>
          <ClockMarks client={client} taskId={task.taskId} window={shown} width={width} live={live} />
          {showLine && <div className="tl-now-flag" style={{ left: lineX }}>{at !== null ? t('timeline.replayAt') : t('timeline.now')}</div>}
        </div>
      </div>
      <TimelineBookmarks client={client} task={task} moment={moment} window={shown} width={width} />
      <ForecastLane model={forecast} nodes={nodes} window={shown} width={width} />
      <InjectLane client={client} task={task} window={shown} width={width} live={live} />
      <div
        className="tl-body"
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={t('timeline.label')}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
      >
        {rows.length === 0 ? (
          <p className="tl-empty">{t('timeline.empty')}</p>
        ) : (
          <div className="tl-rows" style={{ height: virtualizer.getTotalSize() }}>
            {ticks.map((tick) => (
              <div key={tick.time} className="tl-grid-line" style={{ left: `calc(var(--tl-label-width) + ${tick.x}px)` }} />
            ))}
            {virtualizer.getVirtualItems().map((item) => {
              const nodeId = rows[item.index]!;
              return (
                <TimelineRow
                  key={nodeId}
                  nodeId={nodeId}
                  view={nodes.byId.get(nodeId)}
                  executions={byNode.get(nodeId)}
                  window={shown}
                  width={width}
                  moment={moment}
                  selected={nodeId === selectedNodeId}
                  critical={forecast?.critical.has(nodeId) ?? false}
                  slackMs={forecast?.byNode.get(nodeId)?.slackMs}
                  top={item.start}
                  height={item.size}
                  onSelect={onSelect}
                />
              );
            })}
            {showLine && <div className={`tl-now-line${at !== null ? ' is-replay' : ''}`} style={{ left: `calc(var(--tl-label-width) + ${lineX}px)` }} data-testid="timeline-now" />}
          </div>
        )}
      </div>
      {executions === null && !error && <p className="tl-loading">{t('timeline.loading')}</p>}
    </div>
  );
});

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogLine } from '../../../shared/api/logs';
import { LogRow } from './LogRow';
import type { ShiftAtStart } from './use-log-window';

/** Row height in rem (monospace, one line each); the list converts it to pixels for the virtualizer. */
const ROW_REM = 1.5;
/** Within this many rows of an end, the next page is fetched. */
const PREFETCH_ROWS = 40;

function rowPixels(): number {
  const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Math.round((Number.isFinite(rootSize) ? rootSize : 16) * ROW_REM);
}

interface LogListProps {
  lines: readonly LogLine[];
  terms: readonly string[];
  shift: ShiftAtStart;
  hasOlder: boolean;
  hasNewer: boolean;
  selectedNodeId: string | null;
  chosenId: string | null;
  onSelectNode: (nodeId: string) => void;
  onChoose: (line: LogLine) => void;
  onNearTop: () => void;
  onNearBottom: () => void;
  /** Whether the view sits at the newest line; the tail pauses when it does not. */
  onFollowingChange: (following: boolean) => void;
  /** Grows when the user asks to jump to the newest line. */
  jumpSeq: number;
}

/**
 * The virtualized list: only the rows in view are in the DOM. At the bottom it sticks there as
 * lines arrive (live, or a replay moving on); scrolled up it stays put, also when pages are
 * added or dropped at the top.
 */
export function LogList(props: LogListProps) {
  const { t } = useTranslation();
  const { lines, shift, hasOlder, hasNewer, onNearTop, onNearBottom, onFollowingChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rowPx] = useState(rowPixels);
  const following = useRef(true);
  // The React Compiler is not used here; the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    overscan: 30,
  });

  const setFollowing = useCallback(
    (value: boolean) => {
      if (following.current === value) return;
      following.current = value;
      onFollowingChange(value);
    },
    [onFollowingChange],
  );

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (element === null) return;
    const fromBottom = element.scrollHeight - element.clientHeight - element.scrollTop;
    setFollowing(!hasNewer && fromBottom <= rowPx * 1.5);
    if (element.scrollTop < rowPx * PREFETCH_ROWS && hasOlder) onNearTop();
    if (fromBottom < rowPx * PREFETCH_ROWS && hasNewer) onNearBottom();
  }, [hasNewer, hasOlder, rowPx, onNearTop, onNearBottom, setFollowing]);

  // Lines added or dropped above the view move it by as many rows, so what the user reads stays put.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null || shift.seq === 0 || following.current) return;
    element.scrollTop += (shift.prepended - shift.dropped) * rowPx;
  }, [shift, rowPx]);

  // Following: every change of the lines ends at the newest one.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element !== null && following.current && lines.length > 0) element.scrollTop = element.scrollHeight;
  }, [lines, rowPx]);

  useEffect(() => {
    if (props.jumpSeq === 0) return;
    following.current = true;
    onFollowingChange(true);
    const element = scrollRef.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [props.jumpSeq, onFollowingChange]);

  // A short first page may not fill the view: fetch on until it scrolls.
  useEffect(() => {
    const element = scrollRef.current;
    if (element !== null && element.scrollHeight <= element.clientHeight && lines.length > 0) {
      if (hasOlder) onNearTop();
      else if (hasNewer) onNearBottom();
    }
  }, [lines.length, hasOlder, hasNewer, onNearTop, onNearBottom]);

  const items = virtualizer.getVirtualItems();
  return (
    <>
      <div className="log-header" role="presentation">
        <span>{t('logs.columns.time')}</span>
        <span>{t('logs.columns.level')}</span>
        <span>{t('logs.columns.node')}</span>
        <span>{t('logs.columns.origin')}</span>
        <span>{t('logs.columns.message')}</span>
      </div>
      <div className="log-list" ref={scrollRef} onScroll={onScroll} role="table" aria-label={t('logs.list.label')} tabIndex={0}>
        <div className="log-list__spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const line = lines[item.index]!;
            return (
              <LogRow
                key={line.id}
                line={line}
                terms={props.terms}
                top={item.start}
                nodeSelected={line.nodeId === props.selectedNodeId}
                chosen={line.id === props.chosenId}
                onSelectNode={props.onSelectNode}
                onChoose={props.onChoose}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

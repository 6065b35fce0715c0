import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogLine } from '../../../shared/api/logs';
import { formatLineDate, formatLineTime } from './model/format';
import { highlightSegments } from './model/highlight';

interface LogRowProps {
  line: LogLine;
  terms: readonly string[];
  top: number;
  nodeSelected: boolean;
  chosen: boolean;
  onSelectNode: (nodeId: string) => void;
  onChoose: (line: LogLine) => void;
}

/**
 * One line of the list: time, level, node (a button to select it), type and source, the message
 * with hits marked. Clicking elsewhere on the row chooses it for the detail view.
 */
export const LogRow = memo(function LogRow({ line, terms, top, nodeSelected, chosen, onSelectNode, onChoose }: LogRowProps) {
  const { t } = useTranslation();
  const segments = highlightSegments(line.message, terms);
  return (
    <div
      className={`log-row log-row--${line.level}${chosen ? ' log-row--chosen' : ''}`}
      role="row"
      aria-selected={chosen}
      style={{ transform: `translateY(${top}px)` }}
      data-log-id={line.id}
      onClick={(event) => {
        if (!(event.target instanceof HTMLButtonElement)) onChoose(line);
      }}
    >
      <span className="log-row__time" role="cell" title={formatLineDate(line.time)}>
        {formatLineTime(line.time)}
      </span>
      <span className={`log-level log-level--${line.level}`} role="cell">
        {t(`logs.level.${line.level}`)}
      </span>
      <span className="log-row__node" role="cell">
        <button
          type="button"
          className={nodeSelected ? 'log-node log-node--selected' : 'log-node'}
          title={t('logs.row.selectNode', { node: line.nodeId })}
          onClick={() => onSelectNode(line.nodeId)}
          data-verbatim=""
        >
          {line.nodeId}
        </button>
      </span>
      <span className="log-row__origin" role="cell" title={line.source ?? undefined}>
        {t(`logs.type.${line.type}`)}
        {line.source === null ? null : <span className="log-row__source" data-verbatim="">{line.source}</span>}
      </span>
      <span className="log-row__message" role="cell" data-verbatim="" title={line.message.length > 120 ? line.message : undefined}>
        {segments.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
      </span>
    </div>
  );
});

import { useTranslation } from 'react-i18next';
import type { LogLine } from '../../../shared/api/logs';
import { formatLineDate } from './model/format';
import { highlightSegments } from './model/highlight';

interface LogLineDetailProps {
  line: LogLine;
  terms: readonly string[];
  onSelectNode: (nodeId: string) => void;
  onClose: () => void;
}

/** The chosen line in full: a message the row cuts off, wrapped and selectable, with where it came from and the data the agent attached. */
export function LogLineDetail({ line, terms, onSelectNode, onClose }: LogLineDetailProps) {
  const { t } = useTranslation();
  return (
    <aside className="log-detail" aria-label={t('logs.detail.label')}>
      <div className="log-detail__head">
        <span className={`log-level log-level--${line.level}`}>{t(`logs.level.${line.level}`)}</span>
        <span>{formatLineDate(line.time)}</span>
        <button type="button" className="log-node" onClick={() => onSelectNode(line.nodeId)}>
          {line.nodeId}
        </button>
        <span className="log-detail__meta">
          {t(`logs.type.${line.type}`)}
          {` · ${t(`logs.category.${line.category}`)}`}
          {line.source === null ? '' : ` · ${line.source}`}
          {line.batch === null ? '' : ` · ${t('logs.detail.batch', { batch: line.batch })}`}
          {line.engineId === null ? '' : ` · ${t('logs.detail.engine', { engine: line.engineId })}`}
        </span>
        <button type="button" className="log-button log-button--quiet log-detail__close" onClick={onClose}>
          {t('logs.detail.close')}
        </button>
      </div>
      <pre className="log-detail__message">
        {highlightSegments(line.message, terms).map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
      </pre>
      {line.extra === null ? null : (
        <section className="log-detail__extra" aria-label={t('logs.detail.extra')}>
          <h3>{t('logs.detail.extra')}</h3>
          <pre>{JSON.stringify(line.extra, null, 2)}</pre>
        </section>
      )}
    </aside>
  );
}

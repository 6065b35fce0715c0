import { useTranslation } from 'react-i18next';
import type { JsonChange } from '../../../shared/compare/json-changes';
import type { NodeComparison } from '../../../shared/compare/run-compare';
import { useFormatDuration } from '../common/format';
import { StatusBadge } from '../monitor/StatusBadge';
import { diffKind, jsonText } from './model/compare-view';

/** Where two JSON values differ, path by path. */
export function JsonChanges({ changes, testId }: { changes: readonly JsonChange[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="compare-json" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('compare.json.path')}</th>
          <th>{t('compare.json.change')}</th>
          <th>{t('compare.json.before')}</th>
          <th>{t('compare.json.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.path}/${change.kind}`}>
            <td>
              <code data-verbatim="">{change.path || t('compare.json.whole')}</code>
            </td>
            <td>{t(`compare.json.${change.kind}`)}</td>
            <td>
              <code data-verbatim="">{'before' in change ? jsonText(change.before) : '—'}</code>
            </td>
            <td>
              <code data-verbatim="">{'after' in change ? jsonText(change.after) : '—'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One node of the comparison in full: what it was in each run, and its result's differences. */
export function NodeDiffDetail({ node }: { node: NodeComparison | null }) {
  const { t } = useTranslation();
  const duration = useFormatDuration();
  if (!node) return <p className="muted compare-detail">{t('compare.pickNode')}</p>;
  const kind = diffKind(node);
  return (
    <section className={`compare-detail diff-${kind}`} data-testid="compare-detail" aria-label={t('compare.detail')}>
      <h3>
        <span className="compare-swatch" aria-hidden="true" />
        <span data-verbatim="">{node.name ?? node.nodeId}</span> <code className="muted" data-verbatim="">{node.nodeId}</code> · {t(`compare.diff.${kind}`)}
      </h3>
      {node.presence !== 'both' ? (
        <p>{t(node.presence === 'a' ? 'compare.onlyInA' : 'compare.onlyInB')}</p>
      ) : !node.differs ? (
        <p>{t('compare.alike')}</p>
      ) : (
        <dl className="compare-facts">
          {node.nodeTypes && (
            <div>
              <dt>{t('compare.columns.type')}</dt>
              <dd>
                {t(`compare.nodeType.${node.nodeTypes.a}`)} → {t(`compare.nodeType.${node.nodeTypes.b}`)}
              </dd>
            </div>
          )}
          {node.status && (
            <div>
              <dt>{t('compare.columns.status')}</dt>
              <dd>
                {node.status.a ? <StatusBadge status={node.status.a} /> : '—'} → {node.status.b ? <StatusBadge status={node.status.b} /> : '—'}
              </dd>
            </div>
          )}
          {node.batches && (
            <div>
              <dt>{t('compare.columns.attempts')}</dt>
              <dd>
                {node.batches.a} → {node.batches.b}
              </dd>
            </div>
          )}
          {node.duration && (
            <div>
              <dt>{t('compare.columns.duration')}</dt>
              <dd>
                {duration(node.duration.a)} → {duration(node.duration.b)} ({t(`compare.verdict.${node.duration.verdict}`)})
              </dd>
            </div>
          )}
        </dl>
      )}
      {node.result && <JsonChanges changes={node.result} testId="compare-result-changes" />}
    </section>
  );
}

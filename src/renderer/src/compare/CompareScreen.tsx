import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { COMPARE_DEFAULTS, type RunComparison } from '../../../shared/compare/run-compare';
import type { Id } from '../../../shared/ids';
import type { TaskDetail, TaskSummary } from '../../../shared/task/views';
import { LoadFailed } from '../common/LoadFailed';
import { formatTime, useFormatDuration } from '../common/format';
import { StatusBadge } from '../monitor/StatusBadge';
import { CompareGraph } from './CompareGraph';
import { candidateRuns, notDrawn, parseThresholds, shownNodes, type Candidates, type ThresholdText } from './model/compare-view';
import { JsonChanges, NodeDiffDetail } from './NodeDiffDetail';
import { NodeDiffList } from './NodeDiffList';
import { RunPicker } from './RunPicker';
import { ReportMenu } from '../report/ReportMenu';
import { useComparison, useTaskDetail, useTaskList } from './use-comparison';
import './compare.css';

const NO_CANDIDATES: Candidates = { sameWorkflow: [], others: [] };

function candidatesFor(tasks: readonly TaskSummary[] | null, other: TaskDetail | null): Candidates {
  if (!tasks) return NO_CANDIDATES;
  if (!other) return { sameWorkflow: [], others: [...tasks] };
  return candidateRuns(tasks, { taskId: other.taskId, name: other.name, workflowName: other.workflow.name });
}

interface CompareScreenProps {
  client: ConsoleClient;
  a: Id | null;
  b: Id | null;
  onPick: (runs: { a: Id | null; b: Id | null }) => void;
  onOpenTask: (taskId: Id) => void;
}

/** Two runs side by side: how the second differs from the first, node by node, on a list and on the graph. */
export function CompareScreen({ client, a, b, onPick, onOpenTask }: CompareScreenProps) {
  const { t } = useTranslation();
  const tasks = useTaskList(client);
  const detailA = useTaskDetail(client, a);
  const detailB = useTaskDetail(client, b);
  const [thresholdText, setThresholdText] = useState<ThresholdText>({ ms: String(COMPARE_DEFAULTS.absoluteThresholdMs), percent: String(COMPARE_DEFAULTS.relativeThreshold * 100) });
  const thresholds = parseThresholds(thresholdText);
  const [options, setOptions] = useState<{ absoluteThresholdMs: number; relativeThreshold: number }>({ ...COMPARE_DEFAULTS });
  if (thresholds.ok && (thresholds.absoluteThresholdMs !== options.absoluteThresholdMs || thresholds.relativeThreshold !== options.relativeThreshold)) {
    setOptions({ absoluteThresholdMs: thresholds.absoluteThresholdMs, relativeThreshold: thresholds.relativeThreshold });
  }
  const comparison = useComparison(client, a, b, options);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [search, setSearch] = useState('');
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<'a' | 'b'>('b');

  const candidatesA = useMemo(() => candidatesFor(tasks.value, detailB.value), [tasks.value, detailB.value]);
  const candidatesB = useMemo(() => candidatesFor(tasks.value, detailA.value), [tasks.value, detailA.value]);
  const result = comparison.value;
  const shown = useMemo(() => (result ? shownNodes(result, onlyDifferences, search) : []), [result, onlyDifferences, search]);
  const selected = result?.nodes.find((node) => node.nodeId === selectedNodeId) ?? null;
  const drawnDetail = drawn === 'a' ? detailA.value : detailB.value;
  const hidden = useMemo(() => (result ? notDrawn(result, drawn) : []), [result, drawn]);

  return (
    <div className="compare-screen" data-testid="compare-screen">
      <div className="compare-toolbar" role="toolbar" aria-label={t('compare.title')}>
        <h2>{t('compare.title')}</h2>
        <RunPicker side="a" value={a} candidates={candidatesA} onPick={(taskId) => onPick({ a: taskId, b })} />
        <button type="button" className="icon-button" data-testid="compare-swap" title={t('compare.swap')} aria-label={t('compare.swap')} disabled={!a && !b} onClick={() => onPick({ a: b, b: a })}>
          ⇄
        </button>
        <RunPicker side="b" value={b} candidates={candidatesB} onPick={(taskId) => onPick({ a, b: taskId })} />
        <fieldset className="compare-thresholds">
          <legend>{t('compare.thresholds')}</legend>
          <label className="inline-field">
            <span>{t('compare.thresholdMs')}</span>
            <input type="number" min={0} step={100} value={thresholdText.ms} data-testid="compare-threshold-ms" aria-invalid={!thresholds.ok && thresholds.problem === 'ms'} onChange={(event) => setThresholdText({ ...thresholdText, ms: event.target.value })} />
          </label>
          <label className="inline-field">
            <span>{t('compare.thresholdPercent')}</span>
            <input type="number" min={0} step={5} value={thresholdText.percent} data-testid="compare-threshold-percent" aria-invalid={!thresholds.ok && thresholds.problem === 'percent'} onChange={(event) => setThresholdText({ ...thresholdText, percent: event.target.value })} />
          </label>
          {!thresholds.ok && (
            <span role="alert" className="compare-invalid">
              {t(`compare.invalid.${thresholds.problem}`)}
            </span>
          )}
        </fieldset>
        {a && b && (
          <span className="compare-report" title={t('compare.reportTip')} data-testid="compare-report">
            <ReportMenu client={client} taskId={b} compareWith={a} />
          </span>
        )}
      </div>
      <LoadFailed failure={tasks.failure ?? detailA.failure ?? detailB.failure} message="compare.loadFailed" />
      <LoadFailed failure={comparison.failure} message="compare.failed" />
      {(!a || !b) && <p className="compare-hint muted">{t('compare.pickBoth')}</p>}
      {a && b && !result && !comparison.failure && <p className="muted">{t('common.loading')}</p>}
      {result && (
        <>
          <Summary comparison={result} onOpenTask={onOpenTask} />
          <div className="compare-body">
            <section className="compare-nodes">
              <div className="compare-filters">
                <label className="inline-field">
                  <input type="checkbox" checked={onlyDifferences} data-testid="compare-only-differences" onChange={(event) => setOnlyDifferences(event.target.checked)} />
                  <span>{t('compare.onlyDifferences')}</span>
                </label>
                <input type="search" value={search} placeholder={t('compare.search')} aria-label={t('compare.search')} onChange={(event) => setSearch(event.target.value)} />
                <span className="muted" data-testid="compare-shown-count">
                  {t('compare.shown', { shown: shown.length, total: result.nodes.length })}
                </span>
              </div>
              <NodeDiffList nodes={shown} selectedNodeId={selectedNodeId} onSelectNode={setSelectedNodeId} />
            </section>
            <NodeDiffDetail node={selected} />
            <section className="compare-graph-panel">
              <div className="compare-filters" role="radiogroup" aria-label={t('compare.graphOf')}>
                <span>{t('compare.graphOf')}</span>
                {(['a', 'b'] as const).map((side) => (
                  <label key={side} className="inline-field">
                    <input type="radio" name="compare-drawn" checked={drawn === side} data-testid={`compare-draw-${side}`} onChange={() => setDrawn(side)} />
                    <span>{t(`compare.side.${side}`)}</span>
                  </label>
                ))}
                {hidden.length > 0 && <span className="muted">{t('compare.notDrawn', { count: hidden.length })}</span>}
              </div>
              {drawnDetail ? <CompareGraph workflow={drawnDetail.workflow} nodes={result.nodes} selectedNodeId={selectedNodeId} onSelectNode={setSelectedNodeId} /> : <p className="muted">{t('common.loading')}</p>}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function Summary({ comparison, onOpenTask }: { comparison: RunComparison; onOpenTask: (taskId: Id) => void }) {
  const { t } = useTranslation();
  const duration = useFormatDuration();
  const { counts } = comparison;
  return (
    <section className="compare-summary" data-testid="compare-summary">
      <table className="compare-sides">
        <tbody>
          {(['a', 'b'] as const).map((side) => {
            const run = comparison[side];
            return (
              <tr key={side}>
                <th>
                  <span className={`compare-side compare-side-${side}`}>{t(`compare.side.${side}`)}</span>
                </th>
                <td>
                  <button type="button" className="link-button" data-testid={`compare-open-${side}`} onClick={() => onOpenTask(run.taskId)}>
                    <span data-verbatim="">{run.name}</span> #{run.taskId}
                  </button>
                </td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>{formatTime(run.startTime)}</td>
                <td className="numeric">{duration(run.durationMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p data-testid="compare-counts">
        {t('compare.counts', { differing: counts.differing, total: comparison.nodes.length })}{' '}
        {(['added', 'removed', 'status', 'batches', 'slower', 'faster', 'result'] as const).filter((key) => counts[key] > 0).map((key) => (
          <span key={key} className="compare-count" data-count={key}>
            {t(`compare.count.${key}`, { count: counts[key] })}
          </span>
        ))}
      </p>
      {comparison.variables.length > 0 ? (
        <details open className="compare-variables">
          <summary>{t('compare.variables', { count: comparison.variables.length })}</summary>
          <JsonChanges changes={comparison.variables} testId="compare-variable-changes" />
        </details>
      ) : (
        <p className="muted">{t('compare.variablesAlike')}</p>
      )}
    </section>
  );
}

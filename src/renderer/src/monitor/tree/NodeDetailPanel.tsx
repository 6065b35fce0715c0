import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import type { TaskNodes } from '../task-panel';
import { ControlButtons } from './ControlButtons';
import { nodeLabel } from './ControlDialog';
import type { NodeControl } from './model/available-controls';
import { detailAt } from './model/detail-at';
import { formatDuration, nodeDurationMs } from './model/durations';
import { formatMoment } from './model/times';
import { StatusIcon } from './StatusIcon';
import { useNodeDetail } from './use-node-detail';

interface NodeDetailPanelProps {
  client: ConsoleClient;
  taskId: string;
  nodeId: string;
  nodes: TaskNodes;
  /** The replay moment, or null while live. */
  at: number | null;
  now: number;
  /** The controls to offer; null when none are (a viewer, or a replay). */
  controls: { available: ReadonlySet<NodeControl>; onPick: (control: NodeControl) => void } | null;
  onSelectNode: (nodeId: string) => void;
  onClose: () => void;
}

/** The selected node in full: its state now (from the tree's nodes), its history (fetched), and its controls. */
export const NodeDetailPanel = memo(function NodeDetailPanel({ client, taskId, nodeId, nodes, at, now, controls, onSelectNode, onClose }: NodeDetailPanelProps) {
  const { t, i18n } = useTranslation();
  const node = nodes.byId.get(nodeId);
  const fetched = useNodeDetail(client, taskId, nodeId);
  const moment = (ms: number | null) => (ms === null ? t('tree.detail.none') : formatMoment(ms, i18n.language, now));
  const units = { h: t('tree.units.h'), m: t('tree.units.m'), s: t('tree.units.s') };
  const history = fetched?.state === 'loaded' ? detailAt(fetched.detail, at) : null;
  const duration = node ? nodeDurationMs(node, at ?? now) : null;
  return (
    <aside className="tree-detail" aria-label={t('tree.detail.label')} data-testid="node-detail">
      <header className="tree-detail-header">
        {node && <StatusIcon status={node.status} />}
        <div className="tree-detail-title">
          <strong>{node ? nodeLabel(node) : nodeId}</strong>
          {node?.name != null && <code className="muted">{node.nodeId}</code>}
        </div>
        <button type="button" className="icon-button" aria-label={t('tree.detail.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {!node ? (
        <p className="tree-detail-body muted">{t('tree.detail.missing')}</p>
      ) : (
        <div className="tree-detail-body">
          {controls && <ControlButtons available={controls.available} onPick={controls.onPick} />}
          <dl className="tree-facts">
            <Fact label={t('tree.detail.status')}>
              <span style={{ color: `var(--status-${node.status})` }}>{t(`tree.status.${node.status}`)}</span>
            </Fact>
            <Fact label={t('tree.detail.type')}>{t(`tree.type.${node.nodeType}`)}</Fact>
            {node.agentLoad !== null && <Fact label={t('tree.detail.agentLoad')}>{node.agentLoad}</Fact>}
            {node.errorCode !== null && (
              <Fact label={t('tree.detail.errorCode')}>
                <code className="tree-error-code">{node.errorCode}</code>
              </Fact>
            )}
            {node.errorMessage !== null && (
              <Fact label={t('tree.detail.error')} wide>
                <span className="tree-error-message">{node.errorMessage}</span>
              </Fact>
            )}
            <Fact label={t('tree.detail.batch')}>{node.batch > 0 ? `#${node.batch}` : t('tree.detail.none')}</Fact>
            {node.nodeType === 'agent' && <Fact label={t('tree.detail.progress')}>{Math.round(node.progress * 100)}%</Fact>}
            <Fact label={t('tree.detail.engine')}>{node.engineId ?? t('tree.detail.none')}</Fact>
            <Fact label={t('tree.detail.join')}>{node.join}</Fact>
            {node.notBefore !== null && <Fact label={t('tree.detail.notBefore')}>{moment(node.notBefore)}</Fact>}
            <Fact label={t('tree.detail.readyTime')}>{moment(node.readyTime)}</Fact>
            <Fact label={t('tree.detail.startTime')}>{moment(node.startTime)}</Fact>
            <Fact label={t('tree.detail.endTime')}>{moment(node.endTime)}</Fact>
            <Fact label={t('tree.detail.duration')}>{duration === null ? t('tree.detail.none') : formatDuration(duration, units)}</Fact>
          </dl>

          <Section title={t('tree.detail.dependencies')}>
            {node.dependencies.length === 0 ? (
              <p className="muted">{t('tree.detail.noDependencies')}</p>
            ) : (
              <ul className="tree-deps">
                {node.dependencies.map((edge, at) => {
                  const source = nodes.byId.get(edge.sourceNodeId);
                  return (
                    <li key={at}>
                      {source && <StatusIcon status={source.status} />}
                      <button type="button" className="link-button" onClick={() => onSelectNode(edge.sourceNodeId)}>
                        {source ? nodeLabel(source) : edge.sourceNodeId}
                      </button>
                      <span className="muted">
                        {t(`tree.detail.edgeType.${edge.type}`)}
                        {edge.condition !== null && ` · ${t('tree.detail.condition')}`}
                      </span>
                      <span className={`tree-edge-state is-${edge.state}`}>{t(`tree.detail.edgeState.${edge.state}`)}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Section>

          <Section title={t('tree.detail.result')}>
            {node.result === null ? <p className="muted">{t('tree.detail.noResult')}</p> : <pre className="tree-json">{JSON.stringify(node.result, null, 2)}</pre>}
          </Section>

          {fetched?.state === 'failed' && <p className="tree-detail-error">{t('tree.detail.loadFailed', { message: fetched.message })}</p>}
          {fetched?.state === 'loading' && <p className="muted">{t('tree.detail.loading')}</p>}
          {history && <History history={history} moment={moment} units={units} />}
        </div>
      )}
    </aside>
  );
});

function History({ history, moment, units }: { history: NonNullable<ReturnType<typeof detailAt>>; moment: (ms: number | null) => string; units: { h: string; m: string; s: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('tree.detail.executions')}>
        {history.executions.length === 0 ? (
          <p className="muted">{t('tree.detail.noExecutions')}</p>
        ) : (
          <ul className="tree-history">
            {[...history.executions].reverse().map((execution) => (
              <li key={execution.executionId}>
                <span className="tree-history-main">
                  <strong>#{execution.batch}</strong> <span className={`tree-exec-status is-${execution.status}`}>{t(`tree.detail.executionStatus.${execution.status}`)}</span>
                  {execution.durationMs !== null && <span className="muted"> · {formatDuration(execution.durationMs, units)}</span>}
                  {execution.exitCode !== null && <span className="muted"> · {t('tree.detail.exitCode', { code: execution.exitCode })}</span>}
                </span>
                <span className="muted">
                  {moment(execution.startTime)}
                  {execution.engineId !== null && ` · ${execution.engineId}`}
                </span>
                {(execution.errorCode !== null || execution.errorMessage !== null) && (
                  <span className="tree-error-message">
                    {execution.errorCode !== null && <code className="tree-error-code">{execution.errorCode}</code>} {execution.errorMessage}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('tree.detail.transitions')}>
        {history.transitions.length === 0 ? (
          <p className="muted">{t('tree.detail.noTransitions')}</p>
        ) : (
          <ol className="tree-history">
            {[...history.transitions].reverse().map((transition) => (
              <li key={transition.transitionId}>
                <span className="tree-history-main">
                  {transition.from !== null && (
                    <>
                      <StatusIcon status={transition.from} />
                      <span aria-hidden="true">→</span>
                    </>
                  )}
                  <StatusIcon status={transition.to} />
                  <span>{t(`tree.status.${transition.to}`)}</span>
                  <span className="muted">
                    {' '}
                    · {t(`tree.detail.trigger.${transition.trigger}`)}
                    {transition.operator !== null && ` · ${t('tree.detail.by', { operator: transition.operator })}`}
                  </span>
                </span>
                <span className="muted">
                  {moment(transition.time)} · #{transition.batch}
                </span>
                {transition.reason !== null && <span className="tree-reason">{transition.reason}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`tree-fact${wide ? ' is-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="tree-detail-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

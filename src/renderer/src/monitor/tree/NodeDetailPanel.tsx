import { memo, type ReactNode } from 'react';
import { NodeForecastFacts } from '../forecast/NodeForecastFacts';
import { useTranslation } from 'react-i18next';
import type { NodeDetail, TransitionView } from '../../../../shared/task/views';
import { taskAuditOf } from '../../../../shared/task/task-audit';
import { agentShare, endedShare, wholePercent } from '../../../../shared/task/progress';
import { lastRuleActed } from '../../../../shared/workflow/on-error';
import { errorMessage } from '../../common/error-message';
import { formatMoment, useFormatDuration } from '../../common/format';
import type { TaskPanelProps } from '../../task-panels/task-panel';
import { useNow } from '../../common/use-now';
import { ControlButtons } from './ControlButtons';
import { NodeLiveActions } from '../live-edit/NodeLiveActions';
import { nodeLabel } from './ControlDialog';
import { ControlLayer } from './ControlLayer';
import { detailAt } from './model/detail-at';
import { executionFigures, type ExecutionFigure } from './model/execution-figures';
import { isTicking, nodeDurationMs } from './model/durations';
import { EdgeStateIcon, StatusIcon } from './StatusIcon';
import { useControlsFor } from './use-controls-for';
import { useNodeControls } from './use-node-controls';
import { useNodeDetail } from './use-node-detail';
import { ReasonText } from '../../i18n/ReasonText';

/**
 * The selected node in full, beside the tree, graph or timeline: its state (from the panel's
 * nodes, so live or as replayed), its history (fetched), and its controls when allowed.
 */
export const NodeDetailPanel = memo(function NodeDetailPanel({ client, task, nodes, at, selectedNodeId, onSelectNode, canControl }: TaskPanelProps) {
  const { t, i18n } = useTranslation();
  const formatDuration = useFormatDuration();
  const nodeId = selectedNodeId ?? '';
  const node = nodes.byId.get(nodeId);
  const fetched = useNodeDetail(client, task.taskId, selectedNodeId);
  const liveNow = useNow(at === null && node !== undefined && isTicking(node));
  const now = at ?? liveNow;
  const controlsOn = canControl && at === null;
  const controlsFor = useControlsFor(client);
  const controls = useNodeControls(client, task.taskId);
  const moment = (ms: number | null) => (ms === null ? t('tree.detail.none') : formatMoment(ms, i18n.language, now));
  const history = fetched?.state === 'loaded' ? detailAt(fetched.detail, at) : null;
  const duration = node ? nodeDurationMs(node, now) : null;
  const ruleActed = history ? lastRuleActed(history.transitions) : null;
  // A skip also carries a code and a message; only a failure or a stop is shown as an error.
  const failedOrStopped = node?.status === 'failed' || node?.status === 'stopped';
  if (selectedNodeId === null) return null;
  return (
    <aside className="tree-detail" aria-label={t('tree.detail.label')} data-testid="node-detail">
      <header className="tree-detail-header">
        {node && <StatusIcon status={node.status} />}
        <div className="tree-detail-title">
          <strong data-verbatim="">{node ? nodeLabel(node) : nodeId}</strong>
          {node?.name != null && <code className="muted">{node.nodeId}</code>}
        </div>
        <button type="button" className="icon-button" aria-label={t('tree.detail.close')} onClick={() => onSelectNode(null)}>
          ×
        </button>
      </header>
      {!node ? (
        <p className="tree-detail-body muted">{t('tree.detail.missing')}</p>
      ) : (
        <div className="tree-detail-body">
          {controlsOn && <ControlButtons available={controlsFor(node)} onPick={(control) => controls.ask({ control, nodeId })} />}
          {controlsOn && <NodeLiveActions client={client} taskId={task.taskId} node={node} />}
          {at !== null && <p className="tree-replay-hint">{t('tree.replayHint')}</p>}
          <dl className="tree-facts">
            <Fact label={t('tree.detail.status')}>
              <span style={{ color: `var(--status-${node.status})` }}>{t(`monitor.status.${node.status}`)}</span>
            </Fact>
            <Fact label={t('tree.detail.type')}>{t(`tree.type.${node.nodeType}`)}</Fact>
            {node.agentLoad !== null && (
              <Fact label={t('tree.detail.agentLoad')}>
                <span data-verbatim="">{node.agentLoad}</span>
              </Fact>
            )}
            {node.agentMetaId !== null && <Fact label={t('tree.detail.agentMetaId')}>{node.agentMetaId}</Fact>}
            {node.agentUrl !== null && (
              <Fact label={t('tree.detail.agentUrl')} wide>
                <code>{node.agentUrl}</code>
              </Fact>
            )}
            {node.containerType !== null && <Fact label={t('tree.detail.containerType')}>{node.containerType}</Fact>}
            {node.errorCode !== null && (
              <Fact label={t('tree.detail.errorCode')}>
                <code className={failedOrStopped ? 'tree-error-code' : 'tree-reason-code'}>{node.errorCode}</code>
              </Fact>
            )}
            {ruleActed !== null && (
              <Fact label={t('tree.detail.onErrorRule')} wide>
                <span data-testid="node-detail-on-error-rule"><ReasonText text={ruleActed} /></span>
              </Fact>
            )}
            {node.errorMessage !== null && (
              <Fact label={failedOrStopped ? t('tree.detail.error') : t('tree.detail.reason')} wide>
                <ReasonText className={failedOrStopped ? 'tree-error-message' : undefined} text={node.errorMessage} code={node.errorCode} />
              </Fact>
            )}
            <Fact label={t('tree.detail.batch')}>{node.batch > 0 ? `#${node.batch}` : t('tree.detail.none')}</Fact>
            {node.nodeType === 'agent' && <Fact label={t('tree.detail.progress')}>{wholePercent(agentShare(node))}%</Fact>}
            {node.managedNodes && <Fact label={t('tree.detail.progress')}>{wholePercent(endedShare(node.managedNodes))}%</Fact>}
            <Fact label={t('tree.detail.engine')}>{node.engineId === null ? t('tree.detail.none') : <span data-verbatim="">{node.engineId}</span>}</Fact>
            <Fact label={t('tree.detail.join')}>{t(`tree.detail.joinMode.${node.join}`)}</Fact>
            {node.notBefore !== null && <Fact label={t('tree.detail.notBefore')}>{moment(node.notBefore)}</Fact>}
            <Fact label={t('tree.detail.readyTime')}>{moment(node.readyTime)}</Fact>
            <Fact label={t('tree.detail.startTime')}>{moment(node.startTime)}</Fact>
            <Fact label={t('tree.detail.endTime')}>{moment(node.endTime)}</Fact>
            <Fact label={t('tree.detail.duration')}>{duration === null ? t('tree.detail.none') : formatDuration(duration)}</Fact>
          </dl>
          <NodeForecastFacts client={client} task={task} at={at} nodeId={nodeId} />

          <Section title={t('tree.detail.dependencies')}>
            {node.dependencies.length === 0 ? (
              <p className="muted">{t('tree.detail.noDependencies')}</p>
            ) : (
              <ul className="tree-deps">
                {node.dependencies.map((edge, at) => {
                  const source = nodes.byId.get(edge.sourceNodeId);
                  return (
                    <li key={at} data-testid="node-detail-dependency" data-source={edge.sourceNodeId} data-edge-state={edge.state}>
                      <EdgeStateIcon state={edge.state} />
                      <button type="button" className="link-button" onClick={() => onSelectNode(edge.sourceNodeId)}>
                        {source ? nodeLabel(source) : edge.sourceNodeId}
                      </button>
                      <span className="muted tree-dep-type">
                        {t(`tree.detail.edgeType.${edge.type}`)}
                        {edge.condition !== null && ` · ${t('tree.detail.condition')}`}
                        {source && ` · ${t('tree.detail.sourceStatus', { status: t(`monitor.status.${source.status}`) })}`}
                      </span>
                      <span className={`tree-edge-state is-${edge.state}`} title={t(`tree.detail.edgeStateTitle.${edge.state}`)}>
                        {t(`tree.detail.edgeState.${edge.state}`)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Section>

          {node.envConfig !== null && (
            <Section title={t('tree.detail.envConfig')}>
              <pre className="tree-json" data-testid="node-detail-env-config">{JSON.stringify(node.envConfig, null, 2)}</pre>
            </Section>
          )}
          {node.bizValue !== null && (
            <Section title={t('tree.detail.bizValue')}>
              <pre className="tree-json" data-testid="node-detail-biz-value">{JSON.stringify(node.bizValue, null, 2)}</pre>
            </Section>
          )}

          <Section title={t('tree.detail.result')}>
            {node.result === null ? <p className="muted">{t('tree.detail.noResult')}</p> : <pre className="tree-json">{JSON.stringify(node.result, null, 2)}</pre>}
          </Section>

          {fetched?.state === 'failed' && <p className="tree-detail-error">{t('tree.detail.loadFailed', { message: errorMessage(t, fetched.error) })}</p>}
          {fetched?.state === 'loading' && <p className="muted">{t('tree.detail.loading')}</p>}
          {history && <History history={history} moment={moment} />}
        </div>
      )}
      <ControlLayer controls={controls} nodes={nodes} enabled={controlsOn} />
    </aside>
  );
});

function ExecutionFigures({ figures }: { figures: readonly ExecutionFigure[] }) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return <span className="muted">{figures.map((figure) => t(`tree.detail.figures.${figure.key}`, figure.values)).join(' · ')}</span>;
}

const score = (value: number | null): string => (value === null ? '–' : value.toFixed(3));

/** How the execution was placed (the balancer's choice and scores) and, for a manual step, who decides it. */
function Assignment({ history, batch }: { history: NodeDetail; batch: number }) {
  const { t } = useTranslation();
  const placement = history.placements.find((each) => each.batch === batch);
  const assignee = history.assignees.find((each) => each.batch === batch);
  if (!placement && !assignee) return null;
  return (
    <span className="muted" data-testid="node-detail-assignment">
      {placement && (
        <span title={t('tree.detail.candidates', { list: placement.candidates.map((candidate) => `${candidate.engine} ${score(candidate.score)}`).join(', ') })}>
          {t('tree.detail.placement', { engine: placement.engine, strategy: t(`environments.strategies.${placement.strategy}`) })}
          {placement.score !== null && ` · ${t('tree.detail.placementScore', { score: score(placement.score) })}`}
        </span>
      )}
      {placement && assignee && ' · '}
      {assignee &&
        (assignee.assignee === null
          ? t('tree.detail.assigneeNone', { skills: assignee.requiredSkills.join(', ') })
          : t('tree.detail.assignee', { assignee: assignee.assignee }))}
    </span>
  );
}

function History({ history, moment }: { history: NodeDetail; moment: (ms: number | null) => string }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
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
                  <strong title={execution.engineNodeId === null ? undefined : t('tree.detail.engineNodeId', { id: execution.engineNodeId })}>#{execution.batch}</strong>{' '}
                  <span className={`tree-exec-status is-${execution.status}`}>{t(`tree.detail.executionStatus.${execution.status}`)}</span>
                  {execution.durationMs !== null && <span className="muted"> · {formatDuration(execution.durationMs)}</span>}
                  {execution.exitCode !== null && <span className="muted"> · {t('tree.detail.exitCode', { code: execution.exitCode })}</span>}
                </span>
                <span className="muted">
                  {moment(execution.startTime)}
                  {execution.engineId !== null && (
                    <>
                      {' · '}
                      <span data-verbatim="">{execution.engineId}</span>
                    </>
                  )}
                </span>
                <ExecutionFigures figures={executionFigures(execution, formatDuration)} />
                <Assignment history={history} batch={execution.batch} />
                {(execution.errorCode !== null || execution.errorMessage !== null) && (
                  <span className="tree-error-message">
                    {execution.errorCode !== null && <code className="tree-error-code">{execution.errorCode}</code>} {execution.errorMessage !== null && <ReasonText text={execution.errorMessage} code={execution.errorCode} />}
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
                  <TransitionChange transition={transition} />
                  <span className="muted">
                    {' '}
                    · {t(`tree.detail.trigger.${transition.trigger}`)}
                    {transition.operator !== null && ` · ${t('tree.detail.by', { operator: transition.operator })}`}
                  </span>
                </span>
                <span className="muted">
                  {moment(transition.time)} · #{transition.batch}
                </span>
                {transition.reason !== null && <ReasonText className="tree-reason" text={transition.reason} />}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

/** From and to; a task's pause or resume, recorded on the root without changing its status, says so instead. */
function TransitionChange({ transition }: { transition: TransitionView }) {
  const { t } = useTranslation();
  const audit = taskAuditOf(transition);
  if (audit !== null) return <span data-testid="node-detail-task-audit">{t(`tree.detail.taskAudit.${audit}`)}</span>;
  return (
    <>
      {transition.from !== null && (
        <>
          <StatusIcon status={transition.from} />
          <span aria-hidden="true">→</span>
        </>
      )}
      <StatusIcon status={transition.to} />
      <span>{t(`monitor.status.${transition.to}`)}</span>
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

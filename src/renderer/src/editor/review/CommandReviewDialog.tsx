import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeAction, NodeCommands } from '../../../../shared/workflow/commands';
import { Dialog, DialogButtons } from '../../common/Dialog';
import { shellTokens } from './shell-tokens';
import './command-review.css';

const SHELL_INTERPRETERS = new Set(['sh', 'bash']);

function ShellCode({ source, testId }: { source: string; testId: string }) {
  return (
    <pre className="review-code" data-testid={testId}>
      <code>
        {shellTokens(source).map((token, index) => (
          <span key={index} className={`shell-${token.kind}`}>
            {token.text}
          </span>
        ))}
      </code>
    </pre>
  );
}

/** Each argument in its own box, so spaces, quotes and empty arguments are seen for what they are. */
function Argv({ argv }: { argv: readonly string[] }) {
  return (
    <ol className="review-argv" start={0} data-testid="review-argv">
      {argv.map((arg, index) => (
        <li key={index}>
          <code>{arg}</code>
        </li>
      ))}
    </ol>
  );
}

function Surroundings({ action }: { action: Extract<NodeAction, { env: Record<string, string> }> }) {
  const { t } = useTranslation();
  const env = Object.entries(action.env);
  return (
    <>
      {action.docker && (
        <p className="review-fact">
          {t('review.docker')} <code>{action.docker}</code>
        </p>
      )}
      {action.cwd && (
        <p className="review-fact">
          {t('review.cwd')} <code>{action.cwd}</code>
        </p>
      )}
      {env.length > 0 && (
        <div className="review-fact">
          {t('review.env')}
          <pre className="review-code review-env">{env.map(([key, value]) => `${key}=${value}`).join('\n')}</pre>
        </div>
      )}
    </>
  );
}

function ActionView({ action }: { action: NodeAction }) {
  const { t } = useTranslation();
  switch (action.kind) {
    case 'program':
      return (
        <div className="review-action">
          <h4>{t('review.program')}</h4>
          <Argv argv={[action.program, ...action.args]} />
          <Surroundings action={action} />
        </div>
      );
    case 'shell':
      return (
        <div className="review-action">
          <h4>{t('review.shell')}</h4>
          <ShellCode source={action.line} testId="review-shell" />
          <Surroundings action={action} />
        </div>
      );
    case 'script':
      return (
        <div className="review-action">
          <h4>{t('review.script', { interpreter: action.interpreter })}</h4>
          {SHELL_INTERPRETERS.has(action.interpreter) ? (
            <ShellCode source={action.script} testId="review-script" />
          ) : (
            <pre className="review-code" data-testid="review-script">
              <code>{action.script}</code>
            </pre>
          )}
          {action.args.length > 0 && (
            <>
              <p className="review-fact">{t('review.scriptArgs')}</p>
              <Argv argv={action.args} />
            </>
          )}
          <Surroundings action={action} />
        </div>
      );
    case 'manifest':
      return (
        <div className="review-action">
          <h4>{t('review.manifest', { agentLoad: action.agentLoad })}</h4>
        </div>
      );
    case 'http':
      return (
        <div className="review-action">
          <h4>{t('review.http')}</h4>
          <p className="review-fact" data-testid="review-http">
            <code className="review-method">{action.method}</code> <code>{action.url}</code>
          </p>
        </div>
      );
  }
}

interface CommandReviewDialogProps {
  /** The nodes whose commands the operator has not yet confirmed as they are now. */
  pending: readonly NodeCommands[];
  onConfirm: () => void;
  onClose: () => void;
  onSelectNode: (nodeId: string) => void;
}

/** What a workflow from a file would run, node by node, for the operator to read before it may start. */
export function CommandReviewDialog({ pending, onConfirm, onClose, onSelectNode }: CommandReviewDialogProps) {
  const { t } = useTranslation();
  const [read, setRead] = useState(false);
  return (
    <Dialog
      title={t('review.title')}
      onClose={onClose}
      testId="command-review"
      wide
      actions={
        <>
          <label className="review-check">
            <input type="checkbox" checked={read} onChange={(event) => setRead(event.target.checked)} data-testid="review-read" />
            {t('review.read')}
          </label>
          <DialogButtons onCancel={onClose} cancelLabel={t('review.later')} acceptLabel={t('review.confirm')} disabled={!read} testId="review-confirm" onAccept={onConfirm} />
        </>
      }
    >
      <p className="review-lead">{t('review.body', { count: pending.length })}</p>
      <ul className="review-nodes" data-testid="review-nodes">
        {pending.map((node) => (
          <li key={node.nodeId} className="review-node" data-testid="review-node" data-node-id={node.nodeId}>
            <header className="review-node-header">
              <button type="button" className="link-button" title={t('review.show')} onClick={() => onSelectNode(node.nodeId)}>
                <code>{node.nodeId}</code>
              </button>
              {node.name && <span className="review-node-name">{node.name}</span>}
              <span className="review-node-load">{node.agentLoad}</span>
            </header>
            {node.actions.map((action, index) => (
              <ActionView key={index} action={action} />
            ))}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** The standing reminder over the canvas while a review is owed, with the way back to the list. */
export function CommandReviewBanner({ count, onReview }: { count: number; onReview: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="review-banner" role="status" data-testid="review-banner">
      <span>{t('review.banner', { count })}</span>
      <button type="button" onClick={onReview} data-testid="review-open">
        {t('review.open')}
      </button>
    </div>
  );
}

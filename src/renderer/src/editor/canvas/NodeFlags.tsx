import { useTranslation } from 'react-i18next';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';

/** Small marks for settings that change how a node runs, so they show without opening it. */
export function NodeFlags({ node }: { node: WorkflowNodeDefinition }) {
  const { t } = useTranslation();
  const flags: { key: string; text: string; title: string }[] = [];
  if (node.join === 'one') flags.push({ key: 'join', text: t('editor.flags.joinOne'), title: t('inspector.join.one') });
  if (node.retry && node.retry.maxRetries > 0) flags.push({ key: 'retry', text: `↻${node.retry.maxRetries}`, title: t('editor.flags.retry', { count: node.retry.maxRetries }) });
  if (node.timeoutMs !== undefined) flags.push({ key: 'timeout', text: '⏱', title: t('editor.flags.timeout', { seconds: node.timeoutMs / 1000 }) });
  if (node.pin !== undefined) flags.push({ key: 'pin', text: '📌', title: t('editor.flags.pin') });
  if (node.activation !== undefined) flags.push({ key: 'activation', text: 'ƒ', title: t('editor.flags.activation') });
  if (flags.length === 0) return null;
  return (
    <span className="wf-flags">
      {flags.map((flag) => (
        <span key={flag.key} className={`wf-flag wf-flag-${flag.key}`} title={flag.title}>
          {flag.text}
        </span>
      ))}
    </span>
  );
}

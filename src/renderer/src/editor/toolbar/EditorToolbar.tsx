import { useTranslation } from 'react-i18next';

export type ToolbarAction = 'new' | 'open' | 'save' | 'import' | 'exportJson' | 'exportBpmn' | 'undo' | 'redo' | 'autoLayout' | 'find' | 'start' | 'help';

const GROUPS: readonly (readonly ToolbarAction[])[] = [
  ['new', 'open', 'save'],
  ['import', 'exportJson', 'exportBpmn'],
  ['undo', 'redo', 'autoLayout', 'find'],
  ['start'],
  ['help'],
];

interface EditorToolbarProps {
  title: string;
  dirty: boolean;
  origin: string | undefined;
  disabled: ReadonlySet<ToolbarAction>;
  /** Why the actions that need the console core are disabled, when they are. */
  offlineReason: string | undefined;
  busy: boolean;
  onAction: (action: ToolbarAction) => void;
}

export function EditorToolbar({ title, dirty, origin, disabled, offlineReason, busy, onAction }: EditorToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid="editor-toolbar">
      <div className="editor-doc" data-testid="editor-doc-title">
        <span className="editor-doc-name" title={title}>
          {title}
        </span>
        {origin && <span className="editor-doc-origin">{origin}</span>}
        {dirty && (
          <span className="editor-doc-dirty" title={t('toolbar.unsaved')} data-testid="editor-dirty">
            ● {t('toolbar.unsaved')}
          </span>
        )}
      </div>
      {GROUPS.map((group) => (
        <div key={group.join()} className="toolbar-group">
          {group.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'start' ? 'primary-button' : undefined}
              disabled={busy || disabled.has(action)}
              title={disabled.has(action) && offlineReason ? offlineReason : t(`toolbar.tips.${action}`)}
              onClick={() => onAction(action)}
              data-testid={`toolbar-${action}`}
            >
              {t(`toolbar.${action}`)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

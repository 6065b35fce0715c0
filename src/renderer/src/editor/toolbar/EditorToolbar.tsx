import { useTranslation } from 'react-i18next';
import { invokeCommand, type CommandTable, type ToolbarAction } from '../commands/command-table';

const GROUPS: readonly (readonly ToolbarAction[])[] = [
  ['new', 'open', 'save'],
  ['import', 'exportJson', 'exportBpmn', 'exportItops'],
  ['undo', 'redo', 'autoLayout', 'find'],
  ['start'],
  ['help'],
];

interface EditorToolbarProps {
  title: string;
  dirty: boolean;
  origin: string | undefined;
  commands: CommandTable;
  busy: boolean;
}

export function EditorToolbar({ title, dirty, origin, commands, busy }: EditorToolbarProps) {
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
          {group.map((action) => {
            const command = commands.get(action);
            if (!command) return null;
            return (
              <button
                key={action}
                type="button"
                className={action === 'start' ? 'primary-button' : undefined}
                disabled={busy || !command.enabled()}
                title={command.reason() ?? command.tip}
                onClick={() => invokeCommand(commands, action)}
                data-testid={`toolbar-${action}`}
              >
                {command.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

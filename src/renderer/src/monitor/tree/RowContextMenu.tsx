import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_CONTROLS, type NodeControl } from './model/available-controls';

interface RowContextMenuProps {
  x: number;
  y: number;
  nodeLabel: string;
  available: ReadonlySet<NodeControl>;
  onPick: (control: NodeControl) => void;
  onClose: () => void;
}

/** The row's controls at the pointer (or the focused row, from the keyboard); Esc, a click elsewhere or a pick closes it. */
export function RowContextMenu({ x, y, nodeLabel, available, onPick, onClose }: RowContextMenuProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', away);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  const items = NODE_CONTROLS.filter((control) => (control === 'approve' || control === 'reject' ? available.has(control) : true));
  return (
    <div
      ref={ref}
      className="tree-menu"
      role="menu"
      aria-label={t('tree.menu.label', { node: nodeLabel })}
      style={{ left: Math.min(x, window.innerWidth - 200), top: Math.min(y, window.innerHeight - 40 * items.length) }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
          return;
        }
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      }}
    >
      <div className="tree-menu-title">{nodeLabel}</div>
      {items.map((control) => (
        <button
          key={control}
          type="button"
          role="menuitem"
          disabled={!available.has(control)}
          data-control={control}
          onClick={() => {
            onClose();
            onPick(control);
          }}
        >
          {t(`tree.controls.${control}`)}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { NODE_CONTROLS, type NodeControl } from './model/available-controls';

/** Every control, the ones the node's state allows enabled; an operator sees what exists and what is possible now. */
export function ControlButtons({ available, onPick }: { available: ReadonlySet<NodeControl>; onPick: (control: NodeControl) => void }) {
  const { t } = useTranslation();
  return (
    <div className="tree-controls" role="group" aria-label={t('tree.controls.label')}>
      {NODE_CONTROLS.filter((control) => (control === 'approve' || control === 'reject' ? available.has(control) : true)).map((control) => (
        <button
          key={control}
          type="button"
          className={control === 'stop' || control === 'reject' ? 'danger-button' : control === 'approve' ? 'primary-button' : undefined}
          disabled={!available.has(control)}
          data-control={control}
          onClick={() => onPick(control)}
        >
          {t(`tree.controls.${control}`)}
        </button>
      ))}
    </div>
  );
}

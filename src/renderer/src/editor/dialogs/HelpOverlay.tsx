import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../model/shortcuts';
import { Dialog } from '../../common/Dialog';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help-overlay" wide>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.command}>
              <td>
                {shortcut.keys.map((keys) => (
                  <kbd key={keys}>{keys}</kbd>
                ))}
              </td>
              <td>{t(`commands.${shortcut.command}`)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Shift</kbd> + {t('help.drag')}
            </td>
            <td>{t('help.boxSelect')}</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd> + {t('help.click')}
            </td>
            <td>{t('help.multiSelect')}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('help.howTo')}</h3>
      <ul className="help-list">
        <li>{t('help.add')}</li>
        <li>{t('help.nest')}</li>
        <li>{t('help.connect')}</li>
        <li>{t('help.types')}</li>
        <li>{t('help.validate')}</li>
      </ul>
    </Dialog>
  );
}

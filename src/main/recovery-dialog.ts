import { dialog } from 'electron';
import type { RecoveryUi } from './core/store/recovery';

/** The database recovery offer as native dialogs; shown before any window exists. */
export function recoveryDialogs(): RecoveryUi {
  return {
    async choose(plan) {
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        title: plan.title,
        message: plan.message,
        detail: plan.detail,
        buttons: plan.options.map((option) => option.label),
        defaultId: plan.defaultIndex,
        cancelId: plan.cancelIndex,
        noLink: true,
      });
      return response;
    },
    async pickBackup(folder) {
      const { canceled, filePaths } = await dialog.showOpenDialog({
        title: 'Choose a backup to restore',
        defaultPath: folder,
        properties: ['openFile', 'showHiddenFiles'],
        filters: [
          { name: 'Database backups', extensions: ['backup', 'sqlite'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    async tell(kind, message, detail) {
      await dialog.showMessageBox({ type: kind, message, detail, buttons: ['OK'] });
    },
  };
}

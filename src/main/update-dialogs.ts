import { dialog } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from './core/settings/settings-store';
import type { Store } from './core/store/store';
import { createUpdater, describeUpdateCheck } from './updater';

export interface DesktopUpdater {
  /** Help → Check for Updates…: checks now and tells the outcome. */
  checkFromMenu(): void;
  /** Checks quietly if the settings ask for a check at start. */
  checkOnStart(): void;
}

function readAppUpdateConfig(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

/** The updater with the settings of `store`, its outcomes and install offer as native dialogs. */
export function desktopUpdater(store: Store): DesktopUpdater {
  const updater = createUpdater({
    settings: () => readSettings(store).updates,
    platform: process.platform,
    readAppUpdateConfig,
    logger: console,
    onDownloaded: (version, install) => {
      void dialog
        .showMessageBox({
          type: 'info',
          message: `Deduction Console ${version} is ready to install.`,
          detail: 'Restart now to install it, or it is installed when you quit. Running deductions resume after the restart.',
          buttons: ['Restart and install', 'Later'],
          defaultId: 1,
          cancelId: 1,
        })
        .then(({ response }) => response === 0 && install());
    },
  });
  return {
    checkFromMenu: () => {
      void updater.check().then((check) => {
        const shown = describeUpdateCheck(check);
        return dialog.showMessageBox({ type: shown.type, message: shown.message, detail: shown.detail, buttons: ['OK'] });
      });
    },
    checkOnStart: () => void updater.checkOnStart(),
  };
}

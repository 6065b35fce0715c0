import type { ConsoleApi } from '../../../shared/api/contract';
import { backupDirectory } from '../backups/backup-directory';
import { deleteTasks, previewTaskDeletion, setTasksArchived } from '../tasks/task-removal';
import { archiveTemplate, deleteTemplate, setTemplateStatus, setTemplateTags } from '../workflow/template-catalog';
import type { ConsoleServiceDeps } from './console-service';
import { consoleLogger } from '../../../shared/logger';

type MaintenanceMethods = Pick<
  ConsoleApi,
  | 'setTemplateStatus'
  | 'setTemplateTags'
  | 'archiveTemplate'
  | 'deleteTemplate'
  | 'archiveTasks'
  | 'unarchiveTasks'
  | 'previewTaskDeletion'
  | 'deleteTasks'
  | 'listBackups'
  | 'backupNow'
  | 'restoreBackup'
>;

/** Keeping the database tidy: templates' status and tags, archived and deleted tasks, backups. */
export function maintenanceApi({ store, scheduler, backups }: ConsoleServiceDeps): MaintenanceMethods {
  const directory = backups ?? backupDirectory(store, null, consoleLogger);
  return {
    setTemplateStatus: async (name, status) => setTemplateStatus(store, name, status),
    setTemplateTags: async (name, tags) => setTemplateTags(store, name, tags),
    archiveTemplate: async (name) => archiveTemplate(store, name),
    deleteTemplate: async (name) => deleteTemplate(store, name),
    archiveTasks: async (selection) => setTasksArchived(store, selection, true),
    unarchiveTasks: async (selection) => setTasksArchived(store, selection, false),
    previewTaskDeletion: async (selection) => previewTaskDeletion(store, selection),
    // A deleted task leaves the scheduler's memory too, batch by batch.
    deleteTasks: (selection) => deleteTasks(store, selection, { onBatch: (ids) => ids.forEach((taskId) => scheduler.forget(taskId)) }),
    listBackups: async () => directory.list(),
    backupNow: () => directory.runNow(),
    restoreBackup: ({ file }) => directory.stageRestore(file),
  };
}

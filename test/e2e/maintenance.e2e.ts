import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

// The e2e host's database is shared by every test of the run: names carry a suffix of their own.
const suffix = randomBytes(3).toString('hex');
const definition = (name: string) => ({
  name,
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'quick', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 } },
  ],
});

test('templates are tagged, searched, archived and deleted; an ended task is deleted after a confirmation counting its log lines; a backup is made and listed', async ({ page }, testInfo) => {
  await callHost('saveTemplate', { definition: definition(`patch-${suffix}`) });
  await callHost('saveTemplate', { definition: definition(`reboot-${suffix}`) });
  await callHost('setTemplateTags', `reboot-${suffix}`, ['nightly']);
  const created = await callHost('createTask', definition(`cleanup-${suffix}`));
  await callHost('startTask', created.task_id);
  await expect.poll(async () => (await callHost('getTask', created.task_id)).status, { timeout: 15_000 }).toBe('completed');

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-editor').click();
  await page.getByTestId('toolbar-open').click();
  const open = page.getByTestId('open-dialog');
  await open.getByTestId('template-search').fill(suffix);
  await expect(open.getByTestId(`template-row-patch-${suffix}`)).toBeVisible();
  await open.getByTestId('template-tag-filter').fill('NIGHTLY');
  await expect(open.getByTestId(`template-row-patch-${suffix}`)).toHaveCount(0);
  await expect(open.getByTestId(`template-row-reboot-${suffix}`)).toContainText('nightly');
  await open.getByTestId('template-tag-filter').fill('');
  await open.getByTestId(`template-archive-patch-${suffix}`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(open.getByTestId(`template-row-patch-${suffix}`)).toHaveCount(0);
  await open.getByTestId('template-show-archived').check();
  await expect(open.getByTestId(`template-row-patch-${suffix}`)).toContainText('Archived');
  await open.getByTestId(`template-delete-patch-${suffix}`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(open.getByRole('status')).toHaveText(`Template “patch-${suffix}” deleted.`);
  await expect(open.getByTestId(`template-row-patch-${suffix}`)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('templates.png') });
  await open.getByRole('button', { name: 'Close' }).click();
  await expect(open).toBeHidden();

  const lines = (await callHost('previewTaskDeletion', { taskIds: [created.task_id] })).logLines;
  await page.getByTestId('nav-tasks').click();
  const row = page.locator(`[data-task-id="${created.task_id}"]`);
  // The actions sit in their row's cell, in line with the row (a flex cell would leave it).
  const cell = row.getByTestId('task-delete').locator('xpath=ancestor::td[1]');
  expect(await cell.evaluate((element) => getComputedStyle(element).display)).toBe('table-cell');
  const [rowBox, cellBox] = [await row.boundingBox(), await cell.boundingBox()];
  expect(Math.abs(cellBox!.y - rowBox!.y)).toBeLessThan(1);
  await row.getByTestId('task-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`1 task and its ${lines} log lines will be deleted for good`);
  await page.screenshot({ path: testInfo.outputPath('task-delete.png') });
  await page.getByTestId('confirm-accept').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('dashboard').getByRole('status')).toHaveText(`Deleted 1 task(s) and ${lines} log lines.`);

  await page.getByTestId('nav-environments').click();
  const backups = page.getByTestId('backups-section');
  const before = await backups.getByTestId('backup-row').count();
  await backups.getByTestId('backup-now').click();
  await expect(backups.getByTestId('backup-row')).toHaveCount(before + 1);
  await expect(backups.getByTestId('backup-row').first()).toContainText(/verified/);
  await expect(backups.getByTestId('backup-row').first()).toContainText(/\d+(\.\d)? KB/);
  await expect(backups).toContainText('Next backup:');
  await page.screenshot({ path: testInfo.outputPath('backups.png'), fullPage: true });
});

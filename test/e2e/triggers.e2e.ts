import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { E2E_OPERATOR_TOKEN, E2E_VIEWER_TOKEN } from './global-setup';
import { callHost } from './host-api';

// The e2e host's database is shared by every test of the run: names carry a suffix of their own.
const suffix = randomBytes(3).toString('hex');
const definition = (name: string) => ({
  name,
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true },
    { nodeId: 'a', nodeType: 'agent', parentId: 'root', agentLoad: 'sim' },
  ],
});

test('the triggers screen lists triggers, adds one through its dialog, refuses a bad cron with the reason, pauses and deletes', async ({ page }, testInfo) => {
  const template = `patch-${suffix}`;
  await callHost('saveTemplate', { definition: { ...definition(template), triggers: [{ type: 'schedule', name: `nightly-${suffix}`, cron: '0 3 * * *', timezone: 'Asia/Shanghai' }] } });

  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await page.getByTestId('nav-triggers').click();
  await expect(page).toHaveURL(/#\/triggers$/);
  const declared = page.getByTestId('triggers-table').locator('tr').filter({ hasText: `nightly-${suffix}` });
  await expect(declared).toContainText('0 3 * * *');
  await expect(declared).toContainText('Asia/Shanghai');
  await expect(declared).toContainText('Declared by the template');

  await page.getByTestId('trigger-create').click();
  const dialog = page.getByTestId('trigger-dialog');
  await dialog.getByTestId('trigger-template').selectOption(template);
  await dialog.getByTestId('trigger-cron').fill('0 25 * * *');
  await dialog.getByTestId('trigger-save').click();
  await expect(dialog.getByRole('alert')).toContainText('Invalid value for hour: 25');
  await dialog.getByTestId('trigger-kind').selectOption('file');
  await dialog.getByTestId('trigger-folder').fill(`/srv/inbox-${suffix}`);
  await dialog.getByTestId('trigger-save').click();
  await expect(dialog).toBeHidden();
  const watched = page.getByTestId('triggers-table').locator('tr').filter({ hasText: `/srv/inbox-${suffix}` });
  await expect(watched).toContainText('New file');
  await page.screenshot({ path: testInfo.outputPath('triggers.png'), fullPage: true });

  const [made] = (await callHost('listTriggers', { templateName: template })).filter((trigger) => trigger.kind === 'file');
  await page.getByTestId(`trigger-pause-${made!.id}`).click();
  await page.getByTestId('confirm-accept').click();
  await expect(watched).toContainText('Paused');
  await expect(page.getByTestId(`trigger-resume-${made!.id}`)).toBeVisible();

  await watched.getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-accept').click();
  await expect(watched).toHaveCount(0);
});

test('a viewer sees the triggers but no control to change them, in Chinese too', async ({ page }) => {
  const template = `viewed-${suffix}`;
  await callHost('saveTemplate', { definition: { ...definition(template), triggers: [{ type: 'http', name: `hook-${suffix}` }] } });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_VIEWER_TOKEN}`);
  await page.getByTestId('nav-triggers').click();
  await expect(page.getByTestId('triggers-table').locator('tr').filter({ hasText: `hook-${suffix}` })).toContainText('/fire');
  await expect(page.getByTestId('trigger-create')).toHaveCount(0);
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '触发器' })).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';
import { callHost } from './host-api';

const WORKFLOW_NAME = 'Red versus blue, drawn by hand';

async function openEditor(page: Page): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem('deduction-console-language', 'en');
    localStorage.setItem('deduction-console-theme', 'light');
  });
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
  await expect(page.getByTestId('palette-item-red-team')).toBeVisible();
}

/** Adds a node from the palette into the selected container and gives it an id and a name. */
async function add(page: Page, paletteItem: string, nodeId: string, name: string): Promise<void> {
  await page.getByTestId(paletteItem).click();
  await page.getByTestId('inspector-node-id').fill(nodeId);
  await page.getByTestId('inspector-node-id').press('Enter');
  await page.getByTestId('inspector-name').fill(name);
}

async function selectContainer(page: Page, nodeId: string): Promise<void> {
  await page.getByTestId(`container-node-${nodeId}`).click({ position: { x: 60, y: 12 } });
  await expect(page.getByTestId('inspector-node-id')).toHaveValue(nodeId);
}

async function connectNodes(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId(`agent-node-${from}`).locator('.react-flow__handle-right').dragTo(page.getByTestId(`agent-node-${to}`).locator('.react-flow__handle-left'));
  await expect(page.getByTestId(`edge-label-${from}-${to}`)).toBeVisible();
}

test('builds a deduction by mouse and keyboard, saves it, finds it intact after a reload, and starts it', async ({ page }, testInfo) => {
  await openEditor(page);
  await page.getByTestId('inspector-workflow-name').fill(WORKFLOW_NAME);

  await add(page, 'palette-container', 'red', 'Red force');
  await add(page, 'palette-item-red-team', 'scout', 'Scout the crossing');
  await selectContainer(page, 'red');
  await add(page, 'palette-item-red-team', 'strike', 'Strike');
  await expect(page.getByTestId('container-node-red')).toContainText('2 nodes');

  await connectNodes(page, 'scout', 'strike');
  await page.getByTestId('edge-label-scout-strike').click({ force: true });
  await page.getByTestId('inspector-condition').fill('{"bogus": [1]}');
  await expect(page.getByTestId('dependency-inspector')).toContainText('bogus');
  await page.getByTestId('inspector-condition').fill('{">": [{"var": "result.losses"}, 1]}');
  await expect(page.getByTestId('inspector-condition-preview')).toContainText('result.losses > 1');

  // A cycle is an error the moment it is drawn, and undo takes it away again.
  await connectNodes(page, 'strike', 'scout');
  await expect(page.getByTestId('problems-summary')).toContainText('1 error');
  await page.getByTestId('palette').getByRole('heading').first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edge-label-strike-scout')).toBeHidden();
  await expect(page.getByTestId('problems-summary')).not.toContainText('error');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('edge-label-strike-scout')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('edge-label-strike-scout')).toBeHidden();

  await page.getByTestId('toolbar-save').click();
  await expect(page.getByTestId('editor-notice')).toContainText('Saved as version 1');
  await page.screenshot({ path: testInfo.outputPath('editor-en.png') });
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('toolbar-save')).toHaveText('保存');
  await page.screenshot({ path: testInfo.outputPath('editor-zh-CN.png') });
  await page.getByTestId('language-select').selectOption('en');

  await page.reload();
  await expect(page.getByTestId('container-node-root')).toBeVisible();
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${WORKFLOW_NAME}`).click();
  await expect(page.getByTestId('editor-doc-title')).toContainText(WORKFLOW_NAME);
  await expect(page.getByTestId('container-node-red')).toContainText('2 nodes');
  await expect(page.getByTestId('agent-node-scout')).toContainText('Scout the crossing');
  await page.getByTestId('edge-label-scout-strike').click({ force: true });
  await expect(page.getByTestId('inspector-condition-preview')).toContainText('result.losses > 1');
  await expect(page.getByTestId('edge-label-strike-scout')).toBeHidden();

  await page.getByTestId('toolbar-start').click();
  // Starting jumps to the task's monitor, which shows it running.
  await expect(page.getByTestId('task-monitor')).toBeVisible();
  const taskId = /#\/tasks\/(\d+)/.exec(page.url())![1]!;
  await expect(page.getByTestId('task-name')).toHaveText(WORKFLOW_NAME);
  await expect(page.getByTestId('task-monitor')).toHaveAttribute('data-task-status', /running|completed/, { timeout: 15_000 });
  await expect.poll(() => callHost('getTask', taskId).then((task) => task.status), { timeout: 15_000 }).toMatch(/running|completed/);
});

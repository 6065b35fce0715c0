import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from './global-setup';

/** Issue 21, items 4 to 6: the inspector keeps what was typed, opens broken files for repair, and says what each field is. */

async function openEditor(page: Page, language: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    localStorage.setItem('deduction-console-language', lang);
    localStorage.setItem('deduction-console-theme', 'light');
  }, language);
  await page.goto(`${process.env['E2E_HOST_URL']}/#token=${E2E_OPERATOR_TOKEN}`);
  await expect(page.getByTestId('container-node-root')).toBeVisible();
}

async function importJson(page: Page, name: string, content: unknown): Promise<void> {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function openProblems(page: Page): Promise<void> {
  if ((await page.getByTestId('problems-toggle').getAttribute('aria-expanded')) !== 'true') await page.getByTestId('problems-toggle').click();
}

const TWO_AGENTS = {
  name: 'Two agents',
  nodes: [
    { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['first', 'second'], containerName: 'Root' },
    { nodeId: 'first', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 } },
    { nodeId: 'second', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 }, dependencies: [{ sourceNodeId: 'first' }] },
  ],
};

test('an invalid condition stays as typed, marked, in the problems list, and blocks saving until fixed', async ({ page }, testInfo) => {
  await openEditor(page);
  await importJson(page, 'two-agents.json', TWO_AGENTS);
  // The first import loads the layout engine, which takes a while on a busy machine.
  await expect(page.getByTestId('agent-node-second')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('agent-node-second').click();
  const activation = page.getByTestId('inspector-activation');
  const typed = '{"nope": [1, 2]}';
  await activation.fill(typed);
  await activation.press('Tab');
  await expect(activation).toHaveValue(typed);
  await expect(activation).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('node-inspector')).toContainText('Unknown JSON Logic operator: nope');
  await openProblems(page);
  const problems = page.getByTestId('problems-list');
  await expect(problems).toContainText('not applied until it is fixed');
  await expect(problems).toContainText('second');

  // Another selection and back: the text is still there, and still listed.
  await page.getByTestId('container-node-root').click({ position: { x: 20, y: 12 } });
  await expect(page.getByTestId('node-inspector')).not.toContainText('nope');
  await page.getByTestId('agent-node-second').click();
  await expect(page.getByTestId('inspector-activation')).toHaveValue(typed);
  await page.screenshot({ path: testInfo.outputPath('invalid-activation.png') });

  await page.getByTestId('toolbar-save').click();
  await expect(page.getByTestId('refused-dialog')).toBeVisible();
  await expect(page.getByTestId('refused-problems')).toContainText('not applied until it is fixed');
  await page.getByTestId('refused-dialog').getByRole('button', { name: 'Close' }).last().click();

  await page.getByTestId('inspector-activation').fill('{"==": [{"var": "variables.mode"}, "full"]}');
  await expect(page.getByTestId('inspector-activation')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('problem-item').filter({ hasText: 'not applied' })).toHaveCount(0);

  // A dependency's condition the same way, listed at the dependency.
  await page.getByTestId('edge-label-first-second').click({ force: true });
  const condition = page.getByTestId('inspector-condition');
  await condition.fill('{">": [1,');
  await condition.press('Tab');
  await expect(condition).toHaveValue('{">": [1,');
  await expect(condition).toHaveAttribute('aria-invalid', 'true');
  await expect(problems).toContainText('node "second" › dependencies[0].condition');
  await page.screenshot({ path: testInfo.outputPath('invalid-condition.png') });
});

test('a file with two structural errors opens in the editor with both listed; an unreadable one is refused with every reason', async ({ page }, testInfo) => {
  await openEditor(page);
  await importJson(page, 'broken.json', {
    name: 'Broken',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['kept'], containerName: 'Root' },
      { nodeId: 'kept', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', agentConfig: { durationMs: 10 }, dependencies: [{ sourceNodeId: 'ghost' }] },
      { nodeId: 'stray', nodeType: 'agent', parentId: 'missing', agentLoad: 'sim', agentConfig: { durationMs: 10 } },
    ],
  });
  await expect(page.getByTestId('agent-node-stray')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('agent-node-kept')).toBeVisible();
  await expect(page.getByTestId('editor-notice')).toContainText('Opened broken.json with');
  await openProblems(page);
  const problems = page.getByTestId('problems-list');
  await expect(problems).toContainText('"missing"');
  await expect(problems).toContainText('"ghost"');
  await page.screenshot({ path: testInfo.outputPath('broken-file-opened.png') });

  await importJson(page, 'not-a-workflow.json', { name: 7, nodes: 'none' });
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toContainText('not-a-workflow.json could not be imported (2 problems)');
  await expect(notice).toContainText('name: must be text, not 7');
  await expect(notice).toContainText('nodes: must be an array of nodes');
  // The open document is left as it was.
  await expect(page.getByTestId('agent-node-stray')).toBeVisible();
});

test('the root offers only what applies to it, versions say which is which, and a clean import mentions no remarks', async ({ page }, testInfo) => {
  await openEditor(page);
  await importJson(page, 'two-agents.json', TWO_AGENTS);
  await expect(page.getByTestId('editor-notice')).toHaveText(/^Imported two-agents\.json\.\s*×?$/, { timeout: 20_000 });

  await page.getByTestId('agent-node-second').click();
  for (const id of ['inspector-priority', 'inspector-retry-max', 'inspector-pin-mode', 'inspector-join']) await expect(page.getByTestId(id)).toBeVisible();
  await page.getByTestId('container-node-root').click({ position: { x: 20, y: 12 } });
  await expect(page.getByTestId('node-inspector')).toContainText('Root container');
  for (const id of ['inspector-priority', 'inspector-retry-max', 'inspector-pin-mode', 'inspector-join']) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.getByTestId('node-inspector')).not.toContainText('Dependencies');
  await page.screenshot({ path: testInfo.outputPath('root-inspector.png') });

  await page.keyboard.press('Escape');
  await page.getByTestId('toolbar-save').click();
  await expect(page.getByTestId('editor-doc-title')).toContainText('Template version 1 (saved)');
  await page.getByTestId('inspector').getByText('Workflow version (your label)').waitFor();
  await page.screenshot({ path: testInfo.outputPath('versions-en.png') });

  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('editor-doc-title')).toContainText('模板版本 1（已保存）');
  await expect(page.getByTestId('inspector')).toContainText('工作流版本（自定标签）');
  await page.screenshot({ path: testInfo.outputPath('versions-zh.png') });
});

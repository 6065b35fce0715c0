import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/shared/api/errors';
import { exportWorkflowText } from '../../../../src/main/core/service/export-workflow';
import { builtHeavyWorkEntry, HEAVY_WORK_THREAD_FILE, startHeavyWork, type HeavyWork } from '../../../../src/main/core/service/heavy-work';
import { agentChain } from '../../../helpers/chain-workflow';
import { REPO_ROOT } from '../../../helpers/paths';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
let work: HeavyWork | undefined;
afterEach(async () => {
  await work?.close();
  work = undefined;
});

function builtEntry(): string {
  const entry = builtHeavyWorkEntry(join(REPO_ROOT, 'out/node'));
  if (!entry) throw new Error(`out/node/${HEAVY_WORK_THREAD_FILE} is missing: run \`npm run build\` first (npm test does)`);
  return entry;
}

describe('heavy-work thread', () => {
  it('exports a large definition while the calling thread keeps turning, with the same text as inline', async () => {
    work = startHeavyWork(builtEntry());
    const definition = agentChain(150);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 10);
    const text = await work.exportWorkflow(definition, 'bpmn').finally(() => clearInterval(ticker));
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('n149');
    // On the calling thread the ticker could not have run until the export was done.
    expect(turns).toBeGreaterThanOrEqual(20);
    expect(await work.exportWorkflow(definition, 'json')).toBe(await exportWorkflowText(definition, 'json'));
  });

  it('answers an invalid definition with the same coded error as inline work', async () => {
    work = startHeavyWork(builtEntry());
    const refused = await work.exportWorkflow({ name: 'bad', nodes: [{ nodeId: 'a', nodeType: 'agent' }] }, 'json').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/cannot be exported: \d+ problem/), reason: { key: 'workflow.notExportable' } });
  });

  it('fails the waiting call when the thread dies, and starts a new one for the next', async () => {
    const entry = join(tempDir(), 'dying.mjs');
    writeFileSync(entry, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));");
    work = startHeavyWork(entry);
    await expect(work.exportWorkflow({}, 'json')).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/stopped \(exit code 3\)/) });
    await expect(work.exportWorkflow({}, 'json')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('finds no built entry where none was built', () => {
    expect(builtHeavyWorkEntry(tempDir())).toBeUndefined();
  });
});

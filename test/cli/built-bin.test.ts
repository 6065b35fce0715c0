import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { flat } from '../helpers/workflow';

const run = promisify(execFile);

/**
 * Builds the CLI with `npm run build:node` into a folder of its own (inside the project, so
 * the bundle's dependencies resolve from node_modules), beside a copy of bin/deduction.mjs:
 * other tests use out/node at the same time, and a rebuild there would pull it from under them.
 */
const buildRoot = join(REPO_ROOT, 'test-results', `built-bin-${process.pid}`);
const bin = join(buildRoot, 'bin', 'deduction.mjs');

beforeAll(async () => {
  mkdirSync(join(buildRoot, 'bin'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'bin', 'deduction.mjs'), bin);
  await run('npm', ['run', 'build:node', '--', '--outDir', join(buildRoot, 'out', 'node')], { cwd: REPO_ROOT });
}, 120_000);

afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));

async function deduction(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the built deduction bin', () => {
  it('keeps every module beside the thread entries, which a module finds beside itself', () => {
    const out = join(buildRoot, 'out', 'node');
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(['cli.js', 'engine-thread.js', 'heavy-work-thread.js']));
    // A chunk in a folder below would look for engine-thread.js there, miss it, and run the Engine on the console's own thread.
    expect(files.filter((file) => file.endsWith('.js') && /[\\/]/.test(file))).toEqual([]);
  });

  it('validates an example (exit 0) and an invalid workflow (exit 2) in a child process', async () => {
    const valid = await deduction('validate', 'examples/red-vs-blue.json');
    expect(valid).toMatchObject({ code: 0, stdout: expect.stringMatching(/valid JSON workflow "Red vs Blue: strait crossing"/) });

    const bad = join(buildRoot, 'bad.json');
    writeFileSync(bad, JSON.stringify(flat(['a', { dependencies: [{ sourceNodeId: 'b' }] }], ['b', { dependencies: [{ sourceNodeId: 'a' }] }])));
    const invalid = await deduction('validate', bad);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(/dependency cycle: "a" → "b" → "a"/);

    const missing = await deduction('validate', 'examples/none.json');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/deduction: examples\/none\.json does not exist/) });
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { WORKFLOW_LIMITS } from '../../src/shared/workflow/limits';
import { buildTree } from '../../src/shared/workflow/tree';
import { validateWorkflow } from '../../src/shared/workflow/validate';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';
import { deepChain, EXAMPLES_DIR, exampleText, flat, wideWorkflow } from '../helpers/workflow';

const tempDir = useTempDirs();

async function run(...args: string[]) {
  const io = recordingIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('deduction convert', () => {
  it('writes JSON as BPMN and reads it back with the same nodes, tree and dependencies', async () => {
    const dir = tempDir();
    const bpmn = join(dir, 'it-ops.bpmn');
    const written = await run('convert', join(EXAMPLES_DIR, 'it-ops-maintenance.json'), '--to', 'bpmn', '--out', bpmn);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^wrote .*it-ops\.bpmn: BPMN workflow "IT operations: patch the order service": 14 nodes/);
    expect(readFileSync(bpmn, 'utf8')).toMatch(/^<\?xml[^]*<bpmn:definitions/);

    const json = join(dir, 'back.json');
    expect((await run('convert', bpmn, '--to', 'json', '--out', json)).code).toBe(0);
    const back = validateWorkflow(JSON.parse(readFileSync(json, 'utf8')));
    const original = validateWorkflow(JSON.parse(exampleText('it-ops-maintenance.json')));
    const shape = (result: typeof back) =>
      result.definition!.nodes
        .map((node) => [node.nodeId, node.nodeType, node.parentId, node.dependencies.map((dependency) => `${dependency.type}:${dependency.sourceNodeId}`).sort().join(',')].join(' '))
        .sort();
    expect(back.ok).toBe(true);
    expect(shape(back)).toEqual(shape(original));
  });

  it('writes the normalized JSON to stdout with --out -', async () => {
    const dir = tempDir();
    const source = join(dir, 'small.json');
    writeFileSync(source, JSON.stringify(flat(['a'])));
    const result = await run('convert', source, '--to', 'json', '--out', '-');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(validateWorkflow(flat(['a'])).definition);
  });

  it('writes nothing for an invalid workflow and exits 2, with the problems on stderr', async () => {
    const dir = tempDir();
    const source = join(dir, 'bad.json');
    writeFileSync(source, JSON.stringify(flat(['a', { dependencies: [{ sourceNodeId: 'a' }] }])));
    const out = join(dir, 'out.bpmn');
    const result = await run('convert', source, '--to', 'bpmn', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/node "a" › dependencies\[0\]\.sourceNodeId: "a" depends on itself/);
    expect(result.stderr).toMatch(/is not a valid workflow; nothing was written/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('exits 1 when the output cannot be written, leaving no partial file', async () => {
    const dir = tempDir();
    const out = join(dir, 'no-such-folder', 'out.json');
    const result = await run('convert', join(EXAMPLES_DIR, 'red-vs-blue.json'), '--to', 'json', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not write .*out\.json: ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 for an unknown target format or a missing --out', async () => {
    const unknown = await run('convert', join(EXAMPLES_DIR, 'red-vs-blue.json'), '--to', 'yaml', '--out', '-');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/argument 'yaml' is invalid\. Allowed choices are json, bpmn/);
    const noOut = await run('convert', join(EXAMPLES_DIR, 'red-vs-blue.json'), '--to', 'json');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/required option '--out <file>' not specified/);
  });

  it('converts a 10,000-node dependency chain to BPMN and back', async () => {
    const dir = tempDir();
    const source = join(dir, 'chain.json');
    writeFileSync(source, JSON.stringify(wideWorkflow(10_000)));
    const bpmn = join(dir, 'chain.bpmn');
    const there = await run('convert', source, '--to', 'bpmn', '--out', bpmn);
    expect([there.code, there.stderr]).toEqual([0, '']);
    const json = join(dir, 'chain-back.json');
    expect((await run('convert', bpmn, '--to', 'json', '--out', json)).code).toBe(0);
    const back = validateWorkflow(JSON.parse(readFileSync(json, 'utf8')));
    expect(back.definition!.nodes).toHaveLength(10_001);
    expect(back.definition!.nodes.find((node) => node.nodeId === 'n9999')!.dependencies).toEqual([{ sourceNodeId: 'n9998', type: 'success' }]);
  }, 120_000);

  it('converts containers nested as deep as the limit allows to BPMN and back', async () => {
    const dir = tempDir();
    const source = join(dir, 'deep.json');
    writeFileSync(source, JSON.stringify(deepChain(WORKFLOW_LIMITS.nestingDepth)));
    const bpmn = join(dir, 'deep.bpmn');
    expect((await run('convert', source, '--to', 'bpmn', '--out', bpmn)).code).toBe(0);
    const json = join(dir, 'deep-back.json');
    expect((await run('convert', bpmn, '--to', 'json', '--out', json)).code).toBe(0);
    const back = validateWorkflow(JSON.parse(readFileSync(json, 'utf8')));
    expect(buildTree(back.definition!).depth.get('leaf')).toBe(WORKFLOW_LIMITS.nestingDepth);
  }, 120_000);
});

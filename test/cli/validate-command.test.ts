import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';
import { useTempDirs } from '../helpers/temp';
import { EXAMPLES_DIR, flat, MINIMAL_BPMN } from '../helpers/workflow';

const tempDir = useTempDirs();

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function validate(...args: string[]) {
  const io = recordingIo();
  const code = await main(['validate', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('deduction validate', () => {
  it('exits 0 on each example and says what it holds', async () => {
    const red = await validate(join(EXAMPLES_DIR, 'red-vs-blue.json'));
    expect(red.code).toBe(0);
    expect(red.stdout).toMatch(/red-vs-blue\.json: valid JSON workflow "Red vs Blue: strait crossing": 16 nodes \(4 containers, 12 agents\), 13 dependencies$/);
    expect(red.stderr).toBe('');
    expect((await validate(join(EXAMPLES_DIR, 'it-ops-maintenance.json'))).code).toBe(0);
  });

  it('exits 2 on an invalid workflow and prints every problem with its path', async () => {
    const path = file('bad.json', JSON.stringify(flat(['a', { dependencies: [{ sourceNodeId: 'ghost' }, { sourceNodeId: 'b', condition: { nope: 1 } }] }], ['b', { timeoutMs: -5 }])));
    const result = await validate(path);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')).toEqual([
      'error    node "b" › timeoutMs: must be more than 0 [SCHEMA]',
      'error    node "a" › dependencies[0].sourceNodeId: depends on "ghost", but no node has that id [UNKNOWN_DEPENDENCY]',
      'error    node "a" › dependencies[1].condition.nope: unknown JSON Logic operator "nope" [INVALID_JSON_LOGIC]',
      `${path}: invalid JSON workflow: 3 errors`,
    ]);
  });

  it('exits 0 with warnings, and prints them', async () => {
    const path = file('warn.json', JSON.stringify({ ...flat(['a']), nodes: [...flat(['a']).nodes, { nodeId: 'box', nodeType: 'container', parentId: 'root' }] }));
    const result = await validate(path);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^warning {2}node "box": the container "box" holds no nodes/);
    expect(result.stdout).toMatch(/valid JSON workflow .*; 1 warning$/);
  });

  it('exits 2 with a clear message for a missing file, malformed JSON or a 50 MB file', async () => {
    const missing = await validate(join(tempDir(), 'nope.json'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/^deduction: .*nope\.json does not exist$/)]);

    const malformed = await validate(file('broken.json', '{"name": "x",\n "nodes": [}'));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/broken\.json is not valid JSON: unexpected "}" where a value was expected, at line 2, column 12$/);

    const huge = join(tempDir(), 'huge.json');
    const handle = openSync(huge, 'w');
    ftruncateSync(handle, 50 * 1024 * 1024);
    closeSync(handle);
    const started = performance.now();
    const refused = await validate(huge);
    expect(performance.now() - started).toBeLessThan(2000);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/huge\.json is 50 MiB .*the workflow file limit is 32 MiB/)]);
  });

  it('validates BPMN files too', async () => {
    const result = await validate(file('review.bpmn', MINIMAL_BPMN));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/review\.bpmn: valid BPMN workflow "Review"/);
  });

  it('prints JSON with --json', async () => {
    const path = file('bad.json', JSON.stringify(flat(['a', { parentId: 'nowhere' }])));
    const result = await validate(path, '--json');
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as { ok: boolean; format: string; problems: { code: string; path: unknown[] }[] };
    expect(report).toMatchObject({ file: path, format: 'json', ok: false });
    expect(report.problems.map((problem) => problem.code)).toEqual(['UNKNOWN_PARENT', 'EMPTY_CONTAINER']);
  });

  it('exits 2 when the file argument is missing', async () => {
    const result = await validate();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing required argument 'file'/);
  });

  it('checks agent configs against the shipped catalog', async () => {
    const result = await validate(file('no-url.json', JSON.stringify(flat(['fetch', { agentLoad: 'http', agentConfig: {} }]))));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/error {4}node "fetch" › agentConfig\.url: the "http" agent "fetch" needs agentConfig\.url, which its manifest requires \[MISSING_CONFIG_FIELD\]/);
  });

  it('refuses a file under the file limit whose Engine submission would pass the Engine message limit, naming that limit', async () => {
    // 20 agents of 900 KiB config each: under the 32 MiB file limit and the 1 MiB config limit, over the 16 MiB message limit.
    const blob = 'x'.repeat(900 * 1024);
    const many = Array.from({ length: 20 }, (_, index) => [`a${index}`, { agentConfig: { blob } }] as [string, { agentConfig: { blob: string } }]);
    const result = await validate(file('big.json', JSON.stringify(flat(...many))));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/the task tree sent to an Engine for this workflow would be 17\.6 MiB; the Engine's message limit leaves 15\.9 MiB for it\. .* \[SUBMISSION_TOO_LARGE\]/);
  });

  it('names the node and the code point of an id with a bidirectional or invisible character', async () => {
    const result = await validate(file('bidi.json', JSON.stringify(flat(['pay\u202Egnp.exe'], ['ok\u200B']))));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('the node id "pay\\u{202E}gnp.exe" holds U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(result.stdout).toContain('the node id "ok\\u{200B}" holds U+200B ZERO WIDTH SPACE');
  });
});

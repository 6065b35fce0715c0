import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEM } from '../../../../src/main/core/workflow/file-problems';
import { detectWorkflowFormat, MAX_WORKFLOW_FILE_BYTES, parseWorkflowJson, parseWorkflowText, readWorkflowFile } from '../../../../src/main/core/workflow/json-file';
import { WORKFLOW_PROBLEM as P } from '../../../../src/shared/workflow/problem-codes';
import { useTempDirs } from '../../../helpers/temp';
import { codes, EXAMPLE_FILES, EXAMPLES_DIR, exampleText, MINIMAL_BPMN } from '../../../helpers/workflow';

const tempDir = useTempDirs();

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('parseWorkflowJson', () => {
  it.each(EXAMPLE_FILES)('reads and validates %s', (name) => {
    const result = parseWorkflowJson(exampleText(name), name);
    expect(result.problems).toEqual([]);
    expect(result.format).toBe('json');
    expect(result.definition!.nodes.length).toBeGreaterThan(8);
  });

  it('says where malformed JSON breaks, by line and column', () => {
    const result = parseWorkflowJson('{\n  "name": "w",\n  "nodes": [1 2]\n}', 'broken.json');
    expect(result.definition).toBeUndefined();
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: FILE_PROBLEM.jsonSyntax,
        path: [],
        message: 'broken.json is not valid JSON: expected "," or "]", found "2", at line 3, column 15',
        params: { context: 'located', source: 'broken.json', detail: 'expected "," or "]", found "2"', line: 3, column: 15 },
      },
    ]);
    expect(parseWorkflowJson('{"name": NaN}', 'nan.json').problems[0]!.message).toBe(
      'nan.json is not valid JSON: unexpected "N" where a value was expected (JSON has no NaN, Infinity or undefined), at line 1, column 10',
    );
    expect(codes(parseWorkflowJson('', 'empty.json').problems)).toEqual([FILE_PROBLEM.empty]);
    expect(codes(parseWorkflowJson('\uFEFF  \n', 'bom.json').problems)).toEqual([FILE_PROBLEM.empty]);
  });

  it('offers a workflow whose fields are well formed but whose tree is broken as a draft to repair, with every problem', () => {
    const broken = {
      name: 'Broken',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: ['kept'] },
        { nodeId: 'kept', nodeType: 'agent', parentId: 'root', agentLoad: 'sim', dependencies: [{ sourceNodeId: 'ghost' }] },
        { nodeId: 'stray', nodeType: 'agent', parentId: 'missing', agentLoad: 'sim' },
      ],
    };
    const result = parseWorkflowJson(JSON.stringify(broken), 'broken.json');
    expect(result.definition).toBeUndefined();
    expect(codes(result.problems)).toEqual(expect.arrayContaining([P.unknownParent, P.unknownDependency]));
    expect(result.draft?.nodes.map((node) => node.nodeId)).toEqual(['root', 'kept', 'stray']);
    expect(result.draft?.nodes[2]?.parentId).toBe('missing');
  });

  it('offers no draft when a field does not match the schema or the input is unsafe to hold', () => {
    expect(parseWorkflowJson(JSON.stringify({ name: 7, nodes: 'none' }), 'bad.json').draft).toBeUndefined();
    const evil = exampleText('it-ops-maintenance.json').replace('"variables": {', '"variables": { "__proto__": { "polluted": true },');
    expect(parseWorkflowJson(evil, 'evil.json').draft).toBeUndefined();
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseWorkflowJson(`\uFEFF${exampleText('red-vs-blue.json')}`).definition).toBeDefined();
  });

  it('refuses __proto__ keys in JSON text without polluting Object.prototype', () => {
    const text = exampleText('it-ops-maintenance.json').replace('"variables": {', '"variables": { "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } },');
    const result = parseWorkflowJson(text, 'evil.json');
    expect(result.problems).toEqual([expect.objectContaining({ code: P.forbiddenKey, path: ['variables', '__proto__'] })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses 10,000 levels of nested JSON with a clear message and no stack overflow', () => {
    const text = `{"name":"deep","nodes":[{"nodeId":"r","nodeType":"container","containerConfig":{"a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}]}`;
    const result = parseWorkflowJson(text, 'deep.json');
    expect(codes(result.problems)).toEqual([P.tooDeep]);
    expect(result.problems[0]!.message).toMatch(/nested deeper than 128 levels/);
  });

  it('refuses text over the limit before parsing it', () => {
    const huge = ' '.repeat(MAX_WORKFLOW_FILE_BYTES + 1);
    const started = performance.now();
    const result = parseWorkflowJson(huge, 'huge.json');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.problems).toEqual([expect.objectContaining({ code: FILE_PROBLEM.tooLarge, message: expect.stringMatching(/huge\.json is 32 MiB .* the workflow file limit is 32 MiB/) })]);
  });
});

describe('detectWorkflowFormat', () => {
  it('goes by content first, then by extension', () => {
    expect(detectWorkflowFormat('  {"a":1}', 'x.bpmn')).toBe('json');
    expect(detectWorkflowFormat('\uFEFF<?xml version="1.0"?>', 'x.json')).toBe('bpmn');
    expect(detectWorkflowFormat('garbage', 'x.JSON')).toBe('json');
    expect(detectWorkflowFormat('garbage', 'x.bpmn')).toBe('bpmn');
    expect(detectWorkflowFormat('garbage', 'x.txt')).toBeUndefined();
  });
});

describe('readWorkflowFile', () => {
  it('reads the examples from disk', async () => {
    const result = await readWorkflowFile(join(EXAMPLES_DIR, 'red-vs-blue.json'));
    expect(result.format).toBe('json');
    expect(result.definition!.name).toBe('Red vs Blue: strait crossing');
  });

  it('imports BPMN, then validates and normalizes what the import built', async () => {
    const result = await readWorkflowFile(file('review.bpmn', MINIMAL_BPMN));
    expect(result.format).toBe('bpmn');
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const definition = result.definition!;
    const ids = definition.nodes.map((node) => node.nodeId);
    expect(ids).toEqual(expect.arrayContaining(['draft', 'approve']));
    expect(definition.nodes.filter((node) => node.isRoot)).toHaveLength(1);
    const approve = definition.nodes.find((node) => node.nodeId === 'approve')!;
    expect(approve.dependencies.map((dependency) => dependency.sourceNodeId)).toEqual(['draft']);
    expect(approve.parentId).not.toBeNull();
  });

  it('reports each finding about an imported BPMN workflow once', async () => {
    const withEmptyPool = MINIMAL_BPMN.replace('</bpmn:process>', '<bpmn:subProcess id="empty" name="Empty"/></bpmn:process>');
    const result = await readWorkflowFile(file('empty-sub.bpmn', withEmptyPool));
    const empty = result.problems.filter((problem) => problem.code === P.emptyContainer);
    expect(empty).toHaveLength(1);
    expect(result.definition).toBeDefined();
  });

  it('reports a malformed BPMN file through the import, without a definition', async () => {
    const result = await readWorkflowFile(file('broken.bpmn', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">'));
    expect(result.format).toBe('bpmn');
    expect(result.definition).toBeUndefined();
    expect(result.problems.some((problem) => problem.severity === 'error')).toBe(true);
  });

  it('says clearly when the file is missing, a folder, UTF-16, binary or of no known format', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.json'));
    const cases: [string, string, RegExp][] = [
      [join(dir, 'missing.json'), FILE_PROBLEM.notFound, /missing\.json does not exist/],
      [join(dir, 'folder.json'), FILE_PROBLEM.notAFile, /is a folder/],
      [file('utf16.json', Buffer.from('\uFEFF{"name":"x"}', 'utf16le')), FILE_PROBLEM.notUtf8, /UTF-16/],
      [file('binary.json', Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3])), FILE_PROBLEM.notUtf8, /not UTF-8/],
      [file('notes.txt', 'hello there'), FILE_PROBLEM.unknownFormat, /neither JSON nor BPMN XML: it starts with "hello there"/],
    ];
    for (const [path, code, message] of cases) {
      const result = await readWorkflowFile(path);
      expect(result.problems, path).toEqual([expect.objectContaining({ code, message: expect.stringMatching(message) })]);
      expect(result.definition).toBeUndefined();
    }
  });

  it('refuses a 50 MB file at once, without reading it', async () => {
    const path = join(tempDir(), 'huge.json');
    const handle = openSync(path, 'w');
    ftruncateSync(handle, 50 * 1024 * 1024);
    closeSync(handle);
    const started = performance.now();
    const result = await readWorkflowFile(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.problems).toEqual([expect.objectContaining({ code: FILE_PROBLEM.tooLarge, message: expect.stringMatching(/huge\.json is 50 MiB \(52,428,800 bytes\); the workflow file limit is 32 MiB/) })]);
  });

  it('reads JSON content whatever the extension, and unknown text by extension', async () => {
    const result = await parseWorkflowText(exampleText('it-ops-maintenance.json'), { fileName: 'looks-like.bpmn' });
    expect(result.format).toBe('json');
    expect(result.definition).toBeDefined();
  });
});

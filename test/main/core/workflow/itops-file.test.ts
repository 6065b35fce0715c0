import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkflowText } from '../../../../src/main/core/service/export-workflow';
import { parseWorkflowText } from '../../../../src/main/core/workflow/json-file';
import { EXAMPLES_DIR, exampleText } from '../../../helpers/workflow';

/** IT-ops templates where workflow files are read (the CLI, the editor's import through the ConsoleApi) and written. */

const rollout = readFileSync(join(EXAMPLES_DIR, 'itops-patch-rollout.json'), 'utf8');

describe('IT-ops templates among workflow files', () => {
  it('tells a template from a definition by its content, whatever the file is called', async () => {
    const read = await parseWorkflowText(rollout, { source: 'rollout.bpmn', fileName: 'rollout.bpmn' });
    expect(read.format).toBe('itops');
    expect(read.problems).toEqual([]);
    expect(read.definition?.nodes).toHaveLength(9);
    expect((await parseWorkflowText(exampleText('red-vs-blue.json'), { fileName: 'x.json' })).format).toBe('json');
  });

  it('refuses JSON that mixes the two formats, saying what it mixes', async () => {
    const mixed = JSON.stringify({ name: 'm', nodes: [{ nodeId: 'r', nodeType: 'container', isRoot: true }], edges: [] });
    const read = await parseWorkflowText(mixed, { source: 'mixed.json', fileName: 'mixed.json' });
    expect(read.definition).toBeUndefined();
    expect(read.problems.map((found) => [found.code, found.message])).toEqual([
      [
        'ITOPS_AMBIGUOUS_FORMAT',
        'mixed.json mixes the two JSON workflow formats: nodes with "nodeId" and nodes with "nodeType" (the Deduction definition) and "edges" (the IT-ops template); write it in one of them',
      ],
    ]);
  });

  it('exports any valid definition as a template that reads back', async () => {
    const text = await exportWorkflowText(JSON.parse(exampleText('it-ops-maintenance.json')), 'itops');
    const template = JSON.parse(text);
    expect(template.nodes.find((node: { id: string }) => node.id === 'preflight')).toMatchObject({ type: 'parallel', children: ['health-before', 'disk-space'] });
    expect(template.edges).toContainEqual({ source: 'maintenance', target: 'rollback', deduction: { type: 'failure' } });
    const back = await parseWorkflowText(text, { fileName: 'back.json' });
    expect(back.format).toBe('itops');
    expect(back.problems.filter((found) => found.severity === 'error')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNode, createWorkflow, findNode } from '../../../src/renderer/src/editor/model/document';
import { kindDefaultsOf, kindPaletteEntries } from '../../../src/renderer/src/editor/model/node-kinds';
import { PALETTE_MIME, readPaletteItem } from '../../../src/renderer/src/editor/palette/palette-drag';
import { NODE_KIND_DEFAULTS, NODE_KINDS } from '../../../src/shared/status';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { REPO_ROOT } from '../../helpers/paths';

const transfer = (data: string) => ({ getData: (type: string) => (type === PALETTE_MIME ? data : '') }) as unknown as DataTransfer;
const locale = (language: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'src/renderer/src/i18n/locales', `${language}.json`), 'utf8')) as Record<string, Record<string, string>>;

describe('the palette’s node kinds', () => {
  it('offers the five kinds with their node type, agent load and defaults', () => {
    expect(kindPaletteEntries().map(({ kind, item, timeoutSeconds, retries }) => [kind, item, timeoutSeconds, retries])).toEqual([
      ['manual', { nodeType: 'agent', kind: 'manual', agentLoad: 'manual' }, 3600, 0],
      ['script', { nodeType: 'agent', kind: 'script', agentLoad: 'script' }, 1800, 3],
      ['api_call', { nodeType: 'agent', kind: 'api_call', agentLoad: 'http' }, 300, 3],
      ['decision', { nodeType: 'agent', kind: 'decision', agentLoad: 'decision' }, 60, 0],
      ['parallel', { nodeType: 'container', kind: 'parallel' }, 7200, 1],
    ]);
    expect(kindDefaultsOf('api_call')).toEqual({ timeoutSeconds: 300, retries: 3 });
    expect(kindDefaultsOf(undefined)).toBeUndefined();
  });

  it('drops a node with its kind, node type and agent load; the validator then gives it the kind’s timeout and retries', () => {
    let definition = createWorkflow('Kinds', 'Main');
    for (const { kind, item } of kindPaletteEntries()) {
      const dragged = readPaletteItem(transfer(JSON.stringify(item)))!;
      expect(dragged).toEqual(item);
      definition = addNode(definition, { nodeType: dragged.nodeType, parentId: 'root', position: { x: 0, y: 0 }, name: kind, idBase: kind, ...(dragged.agentLoad && { agentLoad: dragged.agentLoad }), ...(dragged.kind && { kind: dragged.kind }) }).definition;
    }
    expect(findNode(definition, 'api_call')).toMatchObject({ nodeType: 'agent', kind: 'api_call', agentLoad: 'http' });
    expect(findNode(definition, 'parallel')).toMatchObject({ nodeType: 'container', kind: 'parallel' });
    expect(findNode(definition, 'script')!.timeoutMs).toBeUndefined();
    const normalized = validateWorkflow(definition).definition!;
    for (const kind of NODE_KINDS) {
      expect(normalized.nodes.find((node) => node.nodeId === kind)).toMatchObject({ kind, timeoutMs: NODE_KIND_DEFAULTS[kind].timeoutMs, retry: { maxRetries: NODE_KIND_DEFAULTS[kind].maxRetries } });
    }
  });

  it('drops no kind that does not exist', () => {
    expect(readPaletteItem(transfer(JSON.stringify({ nodeType: 'agent', agentLoad: 'sim', kind: 'teleport' })))).toEqual({ nodeType: 'agent', agentLoad: 'sim' });
  });

  it('names the kinds in English and as the design does in Chinese', () => {
    expect(Object.keys(locale('en')['nodeKinds']!)).toEqual([...NODE_KINDS]);
    expect(locale('zh-CN')['nodeKinds']).toEqual({ manual: '手动任务', script: '脚本任务', api_call: 'API 调用', decision: '决策节点', parallel: '并行执行' });
  });
});

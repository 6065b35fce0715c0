import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowNodeDefinition } from '../../../src/shared/workflow/definition';
import { importBpmn } from '../../../src/main/core/workflow/bpmn/import';
import { actionsFingerprint, workflowCommands, type CommandCatalog } from '../../../src/shared/workflow/commands';

const CATALOG: CommandCatalog = [
  { agentLoad: 'script', kind: 'process' },
  { agentLoad: 'tool', kind: 'process' },
  { agentLoad: 'http', kind: 'http', defaults: { method: 'GET' } },
  { agentLoad: 'health', kind: 'http', defaults: { url: 'http://127.0.0.1:7300/health' } },
  { agentLoad: 'sim', kind: 'sim', defaults: { command: 'not-a-command' } },
  { agentLoad: 'manual', kind: 'manual' },
];

function workflow(...agents: Partial<WorkflowNodeDefinition>[]): WorkflowDefinition {
  const nodes: WorkflowNodeDefinition[] = agents.map((agent, index) => ({ nodeId: `n${index}`, nodeType: 'agent', parentId: 'root', ...agent }) as WorkflowNodeDefinition);
  return {
    name: 'W',
    nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true, parentId: null, children: nodes.map((node) => node.nodeId) }, ...nodes],
  } as WorkflowDefinition;
}

const only = (definition: WorkflowDefinition, catalog: CommandCatalog = CATALOG) => workflowCommands(definition, catalog).map((node) => node.actions);

describe('workflowCommands', () => {
  it('lists a program with its argv as given, never split', () => {
    const found = workflowCommands(workflow({ nodeId: 'scan', name: 'Scan', agentLoad: 'script', agentConfig: { command: 'nmap', args: ['-sV', 'a b; rm -rf /'] } }), CATALOG);
    expect(found).toEqual([{ nodeId: 'scan', name: 'Scan', agentLoad: 'script', actions: [{ kind: 'program', program: 'nmap', args: ['-sV', 'a b; rm -rf /'], env: {} }] }]);
  });

  it('lists a shell line, with its cwd, environment and docker image', () => {
    expect(only(workflow({ agentLoad: 'script', agentConfig: { command: 'ls | wc -l', shell: true, cwd: 'work', env: { NODE_OPTIONS: '--require=x' }, docker: { image: 'alpine:3' } } }))).toEqual([
      [{ kind: 'shell', line: 'ls | wc -l', cwd: 'work', env: { NODE_OPTIONS: '--require=x' }, docker: 'alpine:3' }],
    ]);
  });

  it('lists an inline script with its interpreter, sh when none is named, and its args', () => {
    expect(only(workflow({ agentLoad: 'script', agentConfig: { script: 'print(1)\nprint(2)', interpreter: 'python3', args: ['x'] } }, { agentLoad: 'script', agentConfig: { script: 'id' } }))).toEqual([
      [{ kind: 'script', interpreter: 'python3', script: 'print(1)\nprint(2)', args: ['x'], env: {} }],
      [{ kind: 'script', interpreter: 'sh', script: 'id', args: [], env: {} }],
    ]);
  });

  it('shows what a config the Engine would refuse names: a program that looks like an option, and script beside command', () => {
    expect(only(workflow({ agentLoad: 'script', agentConfig: { command: '--eval=x' } }, { agentLoad: 'script', agentConfig: { command: 'a', script: 'b' } }))).toEqual([
      [{ kind: 'program', program: '--eval=x', args: [], env: {} }],
      [{ kind: 'script', interpreter: 'sh', script: 'b', args: [], env: {} }],
    ]);
  });

  it('names a catalog process agent whose command line its manifest fixes', () => {
    expect(only(workflow({ agentLoad: 'tool', agentConfig: { file: 'x' } }))).toEqual([[{ kind: 'manifest', agentLoad: 'tool' }]]);
  });

  it('lists HTTP calls with their method and url, from the config or the catalog defaults', () => {
    expect(only(workflow({ agentLoad: 'http', agentConfig: { method: 'post', url: 'https://example.test/a' } }, { agentLoad: 'health' }, { agentLoad: 'http' }))).toEqual([
      [{ kind: 'http', method: 'POST', url: 'https://example.test/a' }],
      [{ kind: 'http', method: 'GET', url: 'http://127.0.0.1:7300/health' }],
    ]);
  });

  it('leaves out simulations, manual steps and containers, whatever their config says', () => {
    expect(workflowCommands(workflow({ agentLoad: 'sim', agentConfig: { script: 'id' } }, { agentLoad: 'manual' }), CATALOG)).toEqual([]);
  });

  it('judges an agent no catalog describes by its config', () => {
    expect(only(workflow({ agentLoad: 'script', agentConfig: { script: 'id' } }, { agentLoad: 'mystery', agentConfig: { url: 'http://x.test' } }, { agentLoad: 'quiet', agentConfig: { n: 1 } }), [])).toEqual([
      [{ kind: 'script', interpreter: 'sh', script: 'id', args: [], env: {} }],
      [{ kind: 'http', method: 'GET', url: 'http://x.test' }],
    ]);
  });

  it('turns non-string args and env values into their JSON text rather than dropping them', () => {
    expect(only(workflow({ agentLoad: 'script', agentConfig: { command: 'p', args: [1, { a: 1 }], env: { N: 2 } } }))).toEqual([
      [{ kind: 'program', program: 'p', args: ['1', '{"a":1}'], env: { N: '2' } }],
    ]);
  });

  it('gives a fingerprint that changes with any part of what would run', () => {
    const [a] = workflowCommands(workflow({ agentLoad: 'script', agentConfig: { command: 'p', args: ['1'] } }), CATALOG);
    const [b] = workflowCommands(workflow({ agentLoad: 'script', agentConfig: { command: 'p', args: ['2'] } }), CATALOG);
    const [c] = workflowCommands(workflow({ agentLoad: 'script', agentConfig: { command: 'p', args: ['1'], timeoutMs: 5 } }), CATALOG);
    expect(actionsFingerprint(a!)).not.toBe(actionsFingerprint(b!));
    expect(actionsFingerprint(a!)).toBe(actionsFingerprint(c!));
  });

  it('lists the script of a BPMN scriptTask as the import maps it, even an option-looking one', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
        <bpmn:process id="p"><bpmn:scriptTask id="run" name="Run" scriptFormat="javascript"><bpmn:script>--eval=require('child_process').execSync('id')</bpmn:script></bpmn:scriptTask></bpmn:process>
      </bpmn:definitions>`;
    const { definition } = await importBpmn(xml);
    expect(workflowCommands(definition!, CATALOG)).toEqual([
      { nodeId: 'run', name: 'Run', agentLoad: 'script', actions: [{ kind: 'script', interpreter: 'node', script: "--eval=require('child_process').execSync('id')", args: [], env: {} }] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../../../../../src/main/core/workflow/bpmn/export';
import { importBpmn } from '../../../../../src/main/core/workflow/bpmn/import';
import { createModdle } from '../../../../../src/main/core/workflow/bpmn/moddle';
import type { WorkflowDefinition } from '../../../../../src/shared/workflow/definition';
import { about, importValid, node } from './bpmn-test-kit';

function processWith(tasks: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
      <bpmn:process id="p">${tasks}</bpmn:process>
    </bpmn:definitions>`;
}

function scriptTask(id: string, format: string | undefined, body: string): string {
  return `<bpmn:scriptTask id="${id}" name="Run ${id}"${format === undefined ? '' : ` scriptFormat="${format}"`}><bpmn:script>${body}</bpmn:script></bpmn:scriptTask>`;
}

describe('BPMN import: script tasks', () => {
  it.each([
    ['sh', 'sh'],
    ['bash', 'bash'],
    ['python', 'python3'],
    ['Python3', 'python3'],
    ['text/x-python', 'python3'],
    ['javascript', 'node'],
    ['JavaScript', 'node'],
    ['application/javascript', 'node'],
    ['node', 'node'],
    ['powershell', 'pwsh'],
  ])('runs the inline script of scriptFormat "%s" with %s, as a script, not a path', async (format, interpreter) => {
    const { definition, problems } = await importValid(processWith(scriptTask('run', format, 'echo hi &gt; out.txt')));
    expect(node(definition, 'run')).toMatchObject({ agentLoad: 'script', agentConfig: { script: 'echo hi > out.txt', interpreter } });
    expect(problems).toEqual([]);
  });

  it('keeps a multi-line CDATA script exactly', async () => {
    const body = 'import sys\nif 1 < 2 and "&" in "a&b":\n    print("ok")\n';
    const { definition } = await importValid(processWith(`<bpmn:scriptTask id="py" scriptFormat="python"><bpmn:script><![CDATA[${body}]]></bpmn:script></bpmn:scriptTask>`));
    expect(node(definition, 'py').agentConfig).toEqual({ script: body, interpreter: 'python3' });
  });

  it('reports an unknown scriptFormat naming the task and the format, and keeps it as an interpreter the agent refuses', async () => {
    const { definition, problems } = await importValid(processWith(scriptTask('groovy', 'groovy', "println 'hi'")));
    expect(node(definition, 'groovy').agentConfig).toEqual({ script: "println 'hi'", interpreter: 'groovy' });
    const [warning] = about(problems, 'groovy');
    expect(warning).toMatchObject({ severity: 'warning', code: 'BPMN_SCRIPT_UNSUPPORTED', nodeId: 'groovy' });
    expect(warning?.message).toContain('bpmn:ScriptTask "Run groovy" (groovy)');
    expect(warning?.message).toContain('scriptFormat "groovy"');
  });

  it('runs a script without scriptFormat with sh, and says so', async () => {
    const { definition, problems } = await importValid(processWith(scriptTask('bare', undefined, 'ls')));
    expect(node(definition, 'bare').agentConfig).toEqual({ script: 'ls', interpreter: 'sh' });
    expect(about(problems, 'bare').map((problem) => problem.code)).toEqual(['BPMN_SEMANTICS_APPROXIMATED']);
  });

  it('runs a Camunda script resource (a file) as the interpreter with the path as its argument', async () => {
    const { definition, problems } = await importValid(processWith('<bpmn:scriptTask id="file" scriptFormat="python" camunda:resource="scripts/check.py" />'));
    expect(node(definition, 'file').agentConfig).toEqual({ command: 'python3', args: ['scripts/check.py'] });
    const [warning] = about(problems, 'file');
    expect(warning?.code).toBe('BPMN_SEMANTICS_APPROXIMATED');
    expect(warning?.message).toContain('"python3 scripts/check.py"');
    expect(problems.map((problem) => problem.code)).not.toContain('BPMN_EXTENSION_IGNORED');
  });

  it('reports a deployment or classpath resource, a FEEL zeebe:script and a script task without any script', async () => {
    const xml = processWith(`
      <bpmn:scriptTask id="deployed" scriptFormat="javascript" camunda:resource="deployment://check.js" />
      <bpmn:scriptTask id="feel"><bpmn:extensionElements><zeebe:script expression="=a + b" resultVariable="sum" /></bpmn:extensionElements></bpmn:scriptTask>
      <bpmn:scriptTask id="empty" scriptFormat="sh" />`);
    const { definition, problems } = await importValid(xml);
    for (const [id, text] of [
      ['deployed', 'deployment://check.js'],
      ['feel', 'FEEL'],
      ['empty', 'no inline script'],
    ] as const) {
      expect(node(definition, id).agentLoad).toBe('script');
      expect(node(definition, id).agentConfig).toBeUndefined();
      const [warning] = about(problems, id);
      expect(warning, id).toMatchObject({ code: 'BPMN_SCRIPT_UNSUPPORTED', nodeId: id });
      expect(warning?.message).toContain(text);
    }
  });

  it('takes the agent of a Camunda 8 job-worker script task from its job type', async () => {
    const { definition, problems } = await importValid(
      processWith('<bpmn:scriptTask id="job"><bpmn:extensionElements><zeebe:taskDefinition type="render" /></bpmn:extensionElements></bpmn:scriptTask>'),
    );
    expect(node(definition, 'job')).toMatchObject({ agentLoad: 'render', agentConfig: { bpmnType: 'scriptTask' } });
    expect(problems).toEqual([]);
  });
});

describe('BPMN export: script nodes', () => {
  const definition: WorkflowDefinition = {
    name: 'Scripts',
    nodes: [
      { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['sh', 'py', 'js', 'plain', 'cmd'] },
      { nodeId: 'sh', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: 'echo "<hi>" && exit 0', interpreter: 'bash' } },
      { nodeId: 'py', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: 'print(1 < 2)\n', interpreter: 'python3' }, dependencies: [{ sourceNodeId: 'sh', type: 'success' }] },
      { nodeId: 'js', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: 'console.log(1)', interpreter: 'node', timeoutMs: 5000 } },
      { nodeId: 'plain', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: 'true' } },
      { nodeId: 'cmd', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { command: 'df', args: ['-h', '/'] } },
    ],
  };

  it('writes an inline script as a scriptTask with its script and the scriptFormat of its interpreter', async () => {
    const { elementsById: byId } = await createModdle().fromXML(await exportBpmn(definition));
    expect(byId['sh']).toMatchObject({ $type: 'bpmn:ScriptTask', script: 'echo "<hi>" && exit 0', scriptFormat: 'bash' });
    expect(byId['py']).toMatchObject({ $type: 'bpmn:ScriptTask', script: 'print(1 < 2)\n', scriptFormat: 'python' });
    expect(byId['js']).toMatchObject({ $type: 'bpmn:ScriptTask', scriptFormat: 'javascript' });
    expect(byId['plain']).toMatchObject({ $type: 'bpmn:ScriptTask', script: 'true', scriptFormat: 'sh' });
    expect(byId['cmd']?.$type).toBe('bpmn:ScriptTask');
    expect(byId['cmd']?.script).toBeUndefined();
  });

  it('comes back the same through its own import, a command node included, with nothing to report', async () => {
    const back = await importBpmn(await exportBpmn(definition));
    expect(back.definition?.nodes.map((found) => [found.nodeId, found.agentLoad, found.agentConfig])).toEqual(definition.nodes.map((found) => [found.nodeId, found.agentLoad, found.agentConfig]));
    expect(back.problems).toEqual([]);
  });

  it('names an interpreter the agent does not know when the exported file comes back', async () => {
    const ruby: WorkflowDefinition = {
      name: 'Ruby',
      nodes: [
        { nodeId: 'root', nodeType: 'container', isRoot: true, children: ['rb'] },
        { nodeId: 'rb', nodeType: 'agent', parentId: 'root', agentLoad: 'script', agentConfig: { script: 'puts 1', interpreter: 'ruby' } },
      ],
    };
    const xml = await exportBpmn(ruby);
    const { elementsById } = await createModdle().fromXML(xml);
    expect(elementsById['rb']).toMatchObject({ script: 'puts 1', scriptFormat: 'ruby' });
    const back = await importBpmn(xml);
    expect(back.definition?.nodes[1]?.agentConfig).toEqual({ script: 'puts 1', interpreter: 'ruby' });
    expect(back.problems.map((problem) => [problem.code, problem.nodeId])).toEqual([['BPMN_SCRIPT_UNSUPPORTED', 'rb']]);
    expect(back.problems[0]?.message).toContain('"ruby"');
  });

  it('comes back with the same script and interpreter through a tool that drops the deduction extensions', async () => {
    const xml = (await exportBpmn(definition)).replace(/<bpmn:extensionElements>[\s\S]*?<\/bpmn:extensionElements>/g, '');
    expect(xml).not.toContain('deduction:field');
    const { definition: back } = await importValid(xml);
    expect(node(back, 'sh').agentConfig).toEqual({ script: 'echo "<hi>" && exit 0', interpreter: 'bash' });
    expect(node(back, 'py').agentConfig).toEqual({ script: 'print(1 < 2)\n', interpreter: 'python3' });
    expect(node(back, 'js').agentConfig).toEqual({ script: 'console.log(1)', interpreter: 'node' });
    expect(node(back, 'plain').agentConfig).toEqual({ script: 'true', interpreter: 'sh' });
  });
});

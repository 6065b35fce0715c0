import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/cli/run-report';
import { exitOf, spawnCli } from '../helpers/built-cli';
import { useTempDirs } from '../helpers/temp';
import { EXAMPLES_DIR, ITOPS_EXAMPLE_FILES } from '../helpers/workflow';
import { parseWorkflowText } from '../../src/main/core/workflow/json-file';
import { main } from '../../src/cli/index';
import { recordingIo } from '../helpers/cli-io';

/** The IT-ops design's template format through the built `deduction` bin: validate, convert both ways, run. */

const tempDir = useTempDirs();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await exitOf(child);
  return { code, stdout, stderr };
}

function healthServer(): Promise<string> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`)));
}

function resultOf(db: string, nodeId: string): unknown {
  const reader = new BetterSqlite3(db, { readonly: true });
  const text = reader.prepare('SELECT result FROM node_execution WHERE node_id = ? ORDER BY batch DESC LIMIT 1').pluck().get(nodeId) as string | null | undefined;
  reader.close();
  return text === undefined || text === null ? undefined : JSON.parse(text);
}

const example = join(EXAMPLES_DIR, 'itops-patch-rollout.json');

describe('the IT-ops template format in the CLI', () => {
  it.each(ITOPS_EXAMPLE_FILES)('validates the shipped example %s without problems', async (file) => {
    const { code, stdout, stderr } = await cli('validate', join(EXAMPLES_DIR, file));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/: valid IT-ops template workflow "IT-ops template: patch rollout": 9 nodes \(2 containers, 7 agents\), 7 dependencies$/)]);
    expect(stderr).toBe('');
  });

  it('converts the example to JSON, and that JSON back to a template that reads as the same definition', async () => {
    const dir = tempDir();
    const json = join(dir, 'rollout.json');
    expect((await cli('convert', example, '--to', 'json', '--out', json)).code).toBe(0);
    const definition = JSON.parse(readFileSync(json, 'utf8'));
    expect(definition.inputs.map((input: { name: string }) => input.name)).toEqual(['needPatch', 'release', 'healthUrl']);
    expect(definition.nodes.find((node: { nodeId: string }) => node.nodeId === 'health-checks')).toMatchObject({ nodeType: 'container', kind: 'parallel', children: ['service-health', 'disk-space'] });

    const back = await cli('convert', json, '--to', 'itops', '--out', '-');
    expect(back.code).toBe(0);
    expect(back.stderr).toBe('');
    // Read back in-process: the same reader the CLI uses, without two more process starts.
    const reread = await parseWorkflowText(back.stdout, { fileName: 'rollout.json' });
    expect(reread.format).toBe('itops');
    expect(reread.definition).toEqual(definition);
  }, 60_000);

  it('writes any workflow as a template, warning on stderr of each node it has to give a kind', async () => {
    const io = recordingIo();
    const out = join(tempDir(), 'maintenance.itops.json');
    expect(await main(['convert', join(EXAMPLES_DIR, 'it-ops-maintenance.json'), '--to', 'itops', '--out', out], io)).toBe(0);
    expect(io.stdout()).toMatch(/^wrote .*maintenance\.itops\.json: IT-ops template workflow "IT operations: patch the order service": 14 nodes/);
    const warned = io.stderr().trim().split('\n');
    expect(warned).toHaveLength(13);
    expect(warned).toContain('warning  nodes[2]: the container "preflight" is written as a parallel node, the only container the template has; it reads back with kind "parallel" and its default timeout and retries [ITOPS_EXPORT_APPROXIMATED]');
    const template = JSON.parse(readFileSync(out, 'utf8'));
    expect(template.deduction).toMatchObject({ rootId: 'maintenance-run', root: { containerName: 'Order service maintenance', containerConfig: { workDir: true } }, variables: { service: 'order-service' } });
  });

  it('runs the example with no operator: needPatch is false, so the approval and the patch are skipped', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const { code, stdout } = await cli('run', example, '--var', `healthUrl=${await healthServer()}`, '--db', db, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as RunReport;
    expect(report.task.status).toBe('completed');
    const status = Object.fromEntries(report.nodes.map((node) => [node.nodeId, node.status]));
    expect(status).toMatchObject({ 'need-patch': 'completed', 'approve-window': 'skipped', 'apply-patch': 'skipped', 'health-checks': 'completed', 'service-health': 'completed', 'disk-space': 'completed', report: 'completed' });
    expect(resultOf(db, 'report')).toEqual({ outcome: 'checked, not patched' });
    expect(resultOf(db, 'service-health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 90_000);

  it('runs the patch branch when needPatch is true and the operator approves', async () => {
    const db = join(tempDir(), 'db.sqlite');
    const { code, stdout } = await cli('run', example, '--approve', '--var', 'needPatch=true', '--var', 'release=2026.06.0', '--var', `healthUrl=${await healthServer()}`, '--db', db, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as RunReport;
    expect(report.nodes.filter((node) => node.status !== 'completed').map((node) => node.nodeId)).toEqual([]);
    expect(resultOf(db, 'apply-patch')).toEqual({ applied: '2026.06.0' });
    expect(resultOf(db, 'report')).toEqual({ outcome: 'patched to 2026.06.0' });
  }, 90_000);

  it('refuses to run, exit 2, without the required variable or with a variable of the wrong type, naming it', async () => {
    const dir = tempDir();
    const missing = await cli('run', example, '--db', join(dir, 'a.sqlite'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The workflow requires the variable "healthUrl" (string), and the task gives it no value');
    const wrong = await cli('run', example, '--var', 'healthUrl=http://127.0.0.1:1/health', '--var', 'needPatch=7', '--db', join(dir, 'b.sqlite'), '--json');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The variable "needPatch" must be of type boolean, not the whole number 7');
  }, 60_000);

  it('reports every problem of a bad template with its path in the file', async () => {
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'bad',
        nodes: [
          { id: 'a', type: 'script', config: { script: 'true' } },
          { id: 'b', type: 'robot' },
          { id: 'a', type: 'manual' },
          { id: 'c', type: 'decision' },
        ],
        edges: [
          { source: 'a', target: 'c' },
          { source: 'c', target: 'ghost', condition: 'variables.ok == true' },
          { source: 'c', target: 'a', condition: 'variables.ok +* 2' },
        ],
        variables: [{ name: 'ok', type: 'bool', default: 'yes' }],
        triggers: [{ type: 'schedule' }],
      }),
    );
    const { code, stdout } = await cli('validate', bad);
    expect(code).toBe(2);
    expect(stdout.trim().split('\n')).toEqual([
      'error    nodes[1].type: must be one of "manual", "script", "api_call", "decision", "parallel", not "robot" [SCHEMA]',
      'error    variables[0].default: the default of the input "ok" must be of type boolean, not the text "yes" [INPUT_DEFAULT_TYPE]',
      'error    triggers[0].cron: is required (text) [SCHEMA]',
      'error    nodes[2].id: the node id "a" is already used by nodes[0]; node ids must be unique [DUPLICATE_NODE_ID]',
      'error    edges[1].target: the edge leads to "ghost", but no node has that id [ITOPS_UNKNOWN_NODE]',
      'error    edges[2].condition: the condition "variables.ok +* 2" cannot be read: write comparisons, &&, ||, !, literals and variable paths (variables.needPatch == true, ${ok}), or JSON Logic [ITOPS_CONDITION]',
      `${bad}: invalid IT-ops template workflow: 6 errors`,
    ]);
  });
});

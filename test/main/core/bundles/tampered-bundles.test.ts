import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleKey } from '../../../../src/main/core/bundles/bundle-key';
import { exportRun } from '../../../../src/main/core/bundles/export-run';
import { importRun } from '../../../../src/main/core/bundles/import-run';
import type { Store } from '../../../../src/main/core/store/store';
import { bundleLines, lineOf, rechain, rowLine, seedRun, writeLines } from '../../../helpers/run-bundle';
import { insertNode, insertTask } from '../../../helpers/rows';
import { openTestStore } from '../../../helpers/store';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();

/** A seeded source task exported to dir/run.ndjson, and its lines. */
async function exported(dir: string, options: Parameters<typeof seedRun>[1] = {}, key?: string): Promise<{ taskId: string; lines: string[] }> {
  const source = await openTestStore();
  const taskId = seedRun(source, options);
  exportRun(source, taskId, join(dir, 'run.ndjson'), key ? { key: readBundleKey(key) } : {});
  source.close();
  return { taskId, lines: bundleLines(join(dir, 'run.ndjson')) };
}

function rowsOf(store: Store, table: string, taskId: string): unknown[] {
  return store.db.prepare(`SELECT * FROM ${table} WHERE task_id = ? ORDER BY id`).all(BigInt(taskId));
}

describe('tampered run bundles', () => {
  it('refuses a row of another task, naming its line, and leaves that task as it was', async () => {
    const dir = tempDir();
    const { lines } = await exported(dir);
    const target = await openTestStore();
    const victim = insertTask(target, target.ids.next(), 'completed');
    insertNode(target, victim, 'root', { type: 'container', status: 'completed' });
    insertNode(target, victim, 'a', { parent: 'root', status: 'completed' });
    const before = { transitions: rowsOf(target, 'node_state_transition', victim), logs: rowsOf(target, 'node_execution_log', victim) };

    const transition = lineOf(lines, /"t":"node_state_transition"/);
    const forged = [...lines];
    forged[transition - 1] = lines[transition - 1]!.replace(/"task_id":"\d+"/, `"task_id":"${victim}"`).replace('"node_id":"strike"', '"node_id":"a"').replace('"operator":"张三"', '"operator":"admin"');
    expect(() => importRun(target, writeLines(dir, 'forged-transition.ndjson', rechain(forged)))).toThrow(
      new RegExp(`forged-transition\\.ndjson:${transition}: this node_state_transition row belongs to task ${victim}, not to the bundle's task`),
    );

    const logLine = lineOf(lines, /"t":"node_execution_log"/);
    const planted = [...lines];
    planted[logLine - 1] = lines[logLine - 1]!.replace(/"task_id":"\d+"/, `"task_id":"${victim}"`);
    expect(() => importRun(target, writeLines(dir, 'planted-log.ndjson', rechain(planted)))).toThrow(new RegExp(`planted-log\\.ndjson:${logLine}: this node_execution_log row belongs to task ${victim}`));

    expect({ transitions: rowsOf(target, 'node_state_transition', victim), logs: rowsOf(target, 'node_execution_log', victim) }).toEqual(before);
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(1n);
    target.close();
  });

  it('refuses rows that name a node or an execution outside the bundle, and a task id this database already has', async () => {
    const dir = tempDir();
    const { taskId, lines } = await exported(dir);
    const target = await openTestStore();
    const transition = lineOf(lines, /"t":"node_state_transition"/);
    const strangerNode = [...lines.slice(0, transition), rowLine('node_state_transition', { task_id: taskId, node_id: 'elsewhere', to_status: 'running', trigger_type: 'user', operator: 'admin', created_at: 1 }), ...lines.slice(transition)];
    expect(() => importRun(target, writeLines(dir, 'stranger-node.ndjson', rechain(strangerNode)))).toThrow(
      new RegExp(`stranger-node\\.ndjson:${transition + 1}: this node_state_transition row names node "elsewhere", which is not in the bundle`),
    );
    const logLine = lineOf(lines, /"t":"node_execution_log"/);
    const strangerExecution = [...lines];
    strangerExecution[logLine - 1] = lines[logLine - 1]!.replace(/"execution_id":"\d+"/, '"execution_id":"42"');
    expect(() => importRun(target, writeLines(dir, 'stranger-execution.ndjson', rechain(strangerExecution)))).toThrow(
      new RegExp(`stranger-execution\\.ndjson:${logLine}: this log line names execution 42, which is not in the bundle`),
    );
    const nodeLine = lineOf(lines, /"node_id":"strike"/);
    const orphan = [...lines];
    orphan[nodeLine - 1] = lines[nodeLine - 1]!.replace('"parent_node_id":"root"', '"parent_node_id":"nowhere"');
    expect(() => importRun(target, writeLines(dir, 'orphan.ndjson', rechain(orphan)))).toThrow(new RegExp(`orphan\\.ndjson:${nodeLine}: the parent node "nowhere" is not in the bundle`));
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(0n);

    insertTask(target, taskId, 'pending');
    expect(() => importRun(target, join(dir, 'run.ndjson'))).toThrow(new RegExp(`task ${taskId} is already in this database \\(a task of this database\\); nothing was imported`));
    expect(target.db.prepare('SELECT status, imported_at FROM deduction_task WHERE id = ?').get(BigInt(taskId))).toEqual({ status: 'pending', imported_at: null });
    target.close();
  });

  it('recomputes counters from the node rows, never taking them as written', async () => {
    const dir = tempDir();
    const { taskId, lines } = await exported(dir);
    const inflated = [...lines];
    inflated[1] = lines[1]!.replace('"completed_nodes":0', '"completed_nodes":9999').replace('"failed_nodes":0', '"failed_nodes":9999').replace('"total_nodes":2', '"total_nodes":9999');
    expect(inflated[1]).toContain('"completed_nodes":9999');
    const target = await openTestStore();
    importRun(target, writeLines(dir, 'inflated.ndjson', rechain(inflated)));
    expect(target.db.prepare('SELECT total_nodes, total_containers, total_agents, completed_nodes, failed_nodes, running_nodes, skipped_nodes FROM deduction_task WHERE id = ?').get(BigInt(taskId))).toEqual({
      total_nodes: 3n,
      total_containers: 1n,
      total_agents: 2n,
      completed_nodes: 3n,
      failed_nodes: 0n,
      running_nodes: 0n,
      skipped_nodes: 0n,
    });
    target.close();
  });

  it('names the first row that does not match the digest, and refuses an end line that does not match the rows', async () => {
    const dir = tempDir();
    const { lines } = await exported(dir);
    const target = await openTestStore();
    const edited = [...lines];
    const line = lineOf(lines, /敌情 line 40 /);
    edited[line - 1] = lines[line - 1]!.replace('敌情 line 40', '敌情 line 41');
    expect(() => importRun(target, writeLines(dir, 'edited.ndjson', edited))).toThrow(new RegExp(`edited\\.ndjson:${line}: this row does not match the bundle's digest`));

    const removed = [...lines.slice(0, line - 1), ...lines.slice(line)];
    expect(() => importRun(target, writeLines(dir, 'removed.ndjson', removed))).toThrow(new RegExp(`removed\\.ndjson:${line}: this row does not match the bundle's digest`));

    const forgedEnd = [...lines];
    forgedEnd[lines.length - 1] = lines.at(-1)!.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`);
    expect(() => importRun(target, writeLines(dir, 'forged-end.ndjson', forgedEnd))).toThrow(new RegExp(`forged-end\\.ndjson:${lines.length}: the bundle's digest in its end line does not match its rows`));
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(0n);
    target.close();
  });

  it('signs with a shared secret or an Ed25519 key and refuses a bundle whose signature does not match', async () => {
    const dir = tempDir();
    const secret = join(dir, 'secret.key');
    writeFileSync(secret, randomBytes(32));
    const otherSecret = join(dir, 'other.key');
    writeFileSync(otherSecret, randomBytes(32));
    const { lines } = await exported(dir, {}, secret);
    const bundle = join(dir, 'run.ndjson');
    expect(JSON.parse(lines.at(-1)!).end.signature.alg).toBe('hmac-sha256');

    const target = await openTestStore();
    expect(() => importRun(target, bundle, { key: readBundleKey(otherSecret) })).toThrow(/run\.ndjson:111: the bundle's signature does not match the key in .*other\.key/);
    const line = lineOf(lines, /"operator":"张三"/);
    const forged = [...lines];
    forged[line - 1] = lines[line - 1]!.replace('"operator":"张三"', '"operator":"admin"');
    expect(() => importRun(target, writeLines(dir, 'resigned.ndjson', rechain(forged)), { key: readBundleKey(secret) })).toThrow(/resigned\.ndjson:111: the bundle's signature does not match/);
    expect(() => importRun(target, writeLines(dir, 'unsigned.ndjson', rechain(forged, { dropSignature: true })), { key: readBundleKey(secret) })).toThrow(
      /unsigned\.ndjson:111: the bundle is not signed, and a key .* was given/,
    );
    expect(target.db.prepare('SELECT count(*) FROM deduction_task').pluck().get()).toBe(0n);
    expect(importRun(target, bundle, { key: readBundleKey(secret) })).toMatchObject({ status: 'imported', signature: 'verified' });
    target.close();

    const edDir = tempDir();
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(join(edDir, 'private.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(edDir, 'public.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    const ed = await exported(edDir, {}, join(edDir, 'private.pem'));
    const edTarget = await openTestStore();
    expect(() => importRun(edTarget, join(edDir, 'run.ndjson'), { key: readBundleKey(secret) })).toThrow(/signed with ed25519, but the key in .*secret\.key is an hmac-sha256 key/);
    const edForged = [...ed.lines];
    edForged[line - 1] = ed.lines[line - 1]!.replace('"operator":"张三"', '"operator":"admin"');
    expect(() => importRun(edTarget, writeLines(edDir, 'forged.ndjson', rechain(edForged)), { key: readBundleKey(join(edDir, 'public.pem')) })).toThrow(/the bundle's signature does not match/);
    expect(importRun(edTarget, join(edDir, 'run.ndjson'))).toMatchObject({ status: 'imported', signature: 'unchecked' });
    expect(() => exportRun(edTarget, ed.taskId, join(edDir, 'again.ndjson'), { key: readBundleKey(join(edDir, 'public.pem')) })).toThrow(/holds a public key; signing a bundle needs the private key/);
    edTarget.close();
  });

  it('refuses key files it cannot use, in words', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'short.key'), 'secret');
    expect(() => readBundleKey(join(dir, 'short.key'))).toThrow(/short\.key: a shared key file must hold at least 32 bytes \(it holds 6\)/);
    expect(() => readBundleKey(join(dir, 'none.key'))).toThrow(/none\.key: the key file does not exist$/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(join(dir, 'rsa.pem'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => readBundleKey(join(dir, 'rsa.pem'))).toThrow(/holds an rsa key; run bundles are signed with Ed25519 keys/);
  });

  it('imports a version 1 bundle (no digest) only when asked to', async () => {
    const dir = tempDir();
    const { taskId, lines } = await exported(dir);
    const legacy = [lines[0]!.replace('"version":2', '"version":1'), ...lines.slice(1, -1).map((line) => line.replace(/,"h":"[0-9a-f]+"\}$/, '}'))];
    const file = writeLines(dir, 'legacy.ndjson', legacy);
    const target = await openTestStore();
    expect(() => importRun(target, file)).toThrow(/legacy\.ndjson:1: this is a version 1 bundle, which carries no digest.*--allow-undigested/);
    const forged = [...legacy, rowLine('resource_sample', { task_id: '1', node_id: 'a', engine_id: 'e1', cpu_percent: 1, memory_bytes: 1, sample_time: 1 })];
    expect(() => importRun(target, writeLines(dir, 'legacy-forged.ndjson', forged), { allowUndigested: true })).toThrow(/legacy-forged\.ndjson:111: this resource_sample row belongs to task 1/);
    expect(importRun(target, file, { allowUndigested: true })).toMatchObject({ taskId, status: 'imported', signature: 'none' });
    expect(importRun(target, file, { allowUndigested: true })).toMatchObject({ status: 'already-present' });
    target.close();
  });
});

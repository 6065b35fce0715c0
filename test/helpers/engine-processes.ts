import BetterSqlite3 from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canTransitionNode, type NodeStatus, type NodeType } from '../../src/shared/status';
import type { WorkflowDefinitionInput } from '../../src/shared/workflow/definition';
import { exitOf, spawnCli, waitForOutput } from './built-cli';

export const ENGINE_TOKEN = 'real-engine-token-0123456789';

/** One `deduction engine` process; `restart` kills it and starts a new one on the same port. */
export class EngineProcess {
  child!: ReturnType<typeof spawnCli>;
  port = 0;

  private constructor(private readonly id: string) {}

  static async start(id: string, port = 0): Promise<EngineProcess> {
    const engine = new EngineProcess(id);
    await engine.spawn(port);
    return engine;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await exitOf(this.child);
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.spawn(this.port);
  }

  /** Nodes the Engine runs now, as its /health says. */
  async running(): Promise<number> {
    const health = (await (await fetch(`${this.url}/health`)).json()) as { running: number };
    return health.running;
  }

  private async spawn(port: number): Promise<void> {
    this.child = spawnCli(['engine', '--port', String(port), '--token', ENGINE_TOKEN, '--id', this.id]);
    const [, found] = await waitForOutput(this.child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    this.port = Number(found);
  }
}

export function writeWorkflow(dir: string, definition: WorkflowDefinitionInput): string {
  const file = join(dir, 'workflow.json');
  writeFileSync(file, JSON.stringify(definition));
  return file;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `deduction run` and collects its output; `done` resolves when it exits. */
export function startRun(args: string[]): { child: ReturnType<typeof spawnCli>; done: Promise<CliRun> } {
  const child = spawnCli(['run', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: exitOf(child).then((code) => ({ code, stdout, stderr })) };
}

/** Agents completed so far in a run's database (0 while the run has not created it yet). */
export function completedAgents(dbFile: string): number {
  if (!existsSync(dbFile)) return 0;
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM workflow_node WHERE node_type = 'agent' AND status = 'completed'`).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

interface TransitionRow {
  node_id: string;
  node_type: NodeType;
  from_status: NodeStatus | null;
  to_status: NodeStatus;
  reason: string | null;
}

/**
 * What a finished run's database says: each node's final status, the node executions that
 * ended for an Engine's sake, and every transition that repeats the node's status or that
 * its state machine does not allow (or that does not start where the previous one ended).
 */
export function runRecord(dbFile: string): { statuses: Record<string, string>; engineLosses: number; failedForEngine: string[]; badTransitions: string[] } {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    const statuses: Record<string, string> = {};
    for (const row of db.prepare('SELECT node_id, status, error_code FROM workflow_node ORDER BY node_id').all() as { node_id: string; status: string; error_code: string | null }[]) {
      statuses[row.node_id] = row.status;
    }
    const failedForEngine = (db.prepare(`SELECT node_id FROM workflow_node WHERE error_code = 'ENGINE_LOST' OR (status = 'failed' AND error_message LIKE '%Engine%')`).all() as { node_id: string }[]).map(
      (row) => row.node_id,
    );
    const engineLosses = (db.prepare(`SELECT COUNT(*) AS n FROM node_execution WHERE error_code = 'ENGINE_LOST'`).get() as { n: number }).n;
    const rows = db
      .prepare(
        `SELECT t.node_id, n.node_type, t.from_status, t.to_status, t.reason FROM node_state_transition t
         JOIN workflow_node n ON n.task_id = t.task_id AND n.node_id = t.node_id ORDER BY t.task_id, t.node_id, t.id`,
      )
      .all() as TransitionRow[];
    const badTransitions: string[] = [];
    let previous: TransitionRow | undefined;
    for (const row of rows) {
      const sameNode = previous?.node_id === row.node_id;
      const describe = `${row.node_id}: ${row.from_status ?? '∅'} → ${row.to_status} (${row.reason ?? ''})`;
      if (row.from_status !== null && row.from_status === row.to_status) badTransitions.push(`repeated: ${describe}`);
      else if (row.from_status !== null && !canTransitionNode(row.node_type, row.from_status, row.to_status)) badTransitions.push(`impossible: ${describe}`);
      else if (sameNode && row.from_status !== previous!.to_status) badTransitions.push(`does not follow ${previous!.to_status}: ${describe}`);
      previous = row;
    }
    return { statuses, engineLosses, failedForEngine, badTransitions };
  } finally {
    db.close();
  }
}

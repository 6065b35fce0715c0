import { afterEach, describe, expect, it } from 'vitest';
import type { StartNodeCommand } from '../../../../src/shared/engine/protocol';
import { TestEngine } from '../../../helpers/test-engine';
import { harness, waitForTask, workflow, type Harness } from '../../../helpers/scheduler';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

/** A TestEngine keeping every start command it is sent. */
class Recording extends TestEngine {
  readonly starts: StartNodeCommand[] = [];
  override startNode(command: StartNodeCommand): Promise<void> {
    this.starts.push(command);
    return super.startNode(command);
  }
}

describe('required skills and priority in start commands', () => {
  it('asks the Engine for an agent’s required skills and sends its priority, but keeps a manual step’s skills for its operator', async () => {
    const engine = new Recording({
      catalog: [
        { agentLoad: 'sim', kind: 'sim', name: 'sim' },
        { agentLoad: 'approval', kind: 'manual', name: 'approval' },
      ],
    });
    h = await harness({}, { engine });
    const { task_id } = h.scheduler.createTask(
      workflow([
        { nodeId: 'gpu', requiredSkills: ['gpu', 'linux', 'gpu'], priority: 40 },
        { nodeId: 'plain' },
        { nodeId: 'approve', agentLoad: 'approval', requiredSkills: ['db'] },
      ]),
    );
    expect(h.store.db.prepare(`SELECT node_id, required_skills FROM workflow_node WHERE task_id = ? ORDER BY node_id`).raw().all(BigInt(task_id))).toEqual([
      ['approve', '["db"]'],
      ['gpu', '["gpu","linux"]'],
      ['plain', null],
      ['root', null],
    ]);
    await h.scheduler.startTask(task_id);
    expect(await waitForTask(h.scheduler, h.store, task_id)).toBe('completed');
    const byNode = new Map(engine.starts.map((command) => [command.nodeId, command]));
    expect(byNode.get('gpu')).toMatchObject({ requiredSkills: ['gpu', 'linux'], priority: 40 });
    expect(byNode.get('plain')).not.toHaveProperty('requiredSkills');
    expect(byNode.get('plain')).not.toHaveProperty('priority');
    expect(byNode.get('approve')).not.toHaveProperty('requiredSkills');
    engine.close();
  });
});

import { describe, expect, it } from 'vitest';
import { bar, RunView } from '../../src/cli/run-view';
import type { NodeView } from '../../src/shared/task/nodes';
import { nodeChange } from '../helpers/node-change';

const node = (nodeId: string, parentId: string | null): NodeView =>
  ({ nodeId, parentId, name: null, status: 'pending', progress: 0, batch: 0, nodeType: parentId ? 'agent' : 'container' }) as NodeView;

const snapshot = { taskId: '1', status: 'running' as const, totalNodes: 3, completedNodes: 1, failedNodes: 0, runningNodes: 1, skippedNodes: 1, startTime: 0, endTime: null, errorMessage: null, engineTaskId: null, engineUrl: null };
const change = (nodeId: string, status: NodeView['status'], batch = 1, progress = 0) => nodeChange(nodeId, status, { batch, progress });

describe('the run view', () => {
  it('draws progress bars to scale', () => {
    expect(bar(0, 10)).toBe('[----------]');
    expect(bar(0.5, 10)).toBe('[#####-----]');
    expect(bar(2, 4)).toBe('[####]');
  });

  it('prints one plain line per status change when piped', () => {
    const lines: string[] = [];
    const view = new RunView([node('root', null), node('a', 'root')], (text) => lines.push(text), false);
    view.apply(snapshot, [change('a', 'running')]);
    view.apply(null, [change('a', 'running', 1, 0.5)]);
    view.apply(null, [change('a', 'failed'), change('a', 'running', 2)]);
    view.draw();
    expect(lines.map((line) => line.replace(/^\S+ /, ''))).toEqual(['a running', 'a failed', 'a running (batch 2)']);
    expect(view.summary()).toMatch(/^running\s+\[#{20}-{10}\] 2\/3 ended · 1 running · 0 failed · 1 skipped$/);
  });

  it('redraws the tree in place on a terminal, indented by depth', () => {
    const frames: string[] = [];
    const view = new RunView([node('root', null), node('a', 'root')], (text) => frames.push(text), true);
    view.apply(snapshot, [change('a', 'running', 1, 0.25)]);
    view.draw();
    view.draw();
    expect(frames[0]).toContain('  ▶ a');
    expect(frames[0]).toContain('[#####---------------] running');
    expect(frames[1]!.startsWith('\u001b[3F')).toBe(true);
  });

  it('shows the kind of a node that has one beside its name', () => {
    const frames: string[] = [];
    const view = new RunView([node('root', null), { ...node('approve', 'root'), kind: 'manual' }, node('plain', 'root')], (text) => frames.push(text), true);
    view.draw();
    expect(frames[0]).toContain('· approve [manual]');
    expect(frames[0]).toMatch(/· plain\s+\[-+\] pending/);
  });
});

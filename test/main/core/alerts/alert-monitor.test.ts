import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../src/shared/api/alerts';
import type { EngineState } from '../../../../src/shared/engine/engine-state';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings/settings';
import type { NodeChange } from '../../../../src/shared/task/changes';
import { AlertMonitor } from '../../../../src/main/core/alerts/alert-monitor';
import { nodeChange } from '../../../helpers/node-change';

const node = (nodeId: string, status: NodeChange['status'], errorCode: string | null = null): NodeChange =>
  nodeChange(nodeId, status, { errorCode, errorMessage: errorCode ? 'boom' : null });

function monitor(settings = DEFAULT_SETTINGS.alerts) {
  const raised: Alert[] = [];
  return { raised, alerts: new AlertMonitor(() => settings, (alert) => raised.push(alert), () => 42) };
}

describe('alerts', () => {
  it('raises one alert per failure and timeout, and counts a retried node by how it ended last', () => {
    const { raised, alerts } = monitor();
    alerts.onTaskChanges([{ taskId: '7', task: null, nodes: [node('a', 'completed'), node('b', 'failed', 'EXIT_CODE'), node('c', 'failed', 'TIMEOUT')] }]);
    expect(raised.map((alert) => [alert.kind, alert.nodeId])).toEqual([
      ['node-failed', 'b'],
      ['node-timeout', 'c'],
      ['failure-rate', null],
      ['health-score', null],
    ]);
    expect(alerts.health('7')).toMatchObject({ ended: 3, failed: 2, timedOut: 1, healthScore: 0 });
    alerts.onTaskChanges([{ taskId: '7', task: null, nodes: [node('b', 'running'), node('c', 'running')] }]);
    alerts.onTaskChanges([{ taskId: '7', task: null, nodes: [node('b', 'completed'), node('c', 'completed')] }]);
    expect(alerts.health('7')).toMatchObject({ ended: 3, failed: 0, failureRate: 0, healthScore: 100 });
    expect(raised).toHaveLength(4);
  });

  it('respects the switches and thresholds of the settings', () => {
    const { raised, alerts } = monitor({ ...DEFAULT_SETTINGS.alerts, onNodeFailure: false, failureRateThreshold: 0.5, healthScoreThreshold: 10 });
    alerts.onTaskChanges([{ taskId: '1', task: null, nodes: [node('a', 'completed'), node('b', 'failed', 'EXIT_CODE')] }]);
    expect(raised).toEqual([]);
    alerts.onTaskChanges([{ taskId: '1', task: null, nodes: [node('c', 'failed', 'EXIT_CODE')] }]);
    expect(raised.map((alert) => alert.kind)).toEqual(['failure-rate']);
  });

  it('raises a lost Engine once until it comes back', () => {
    const { raised, alerts } = monitor();
    const state = (status: EngineState['status']) => ({ endpoint: 'e', url: 'http://e', engineId: 'e1', status, lastError: 'refused' }) as EngineState;
    alerts.onEngineStates([state('down')]);
    alerts.onEngineStates([state('down')]);
    alerts.onEngineStates([state('connected')]);
    alerts.onEngineStates([state('down')]);
    expect(raised.map((alert) => [alert.kind, alert.engine])).toEqual([
      ['engine-lost', 'e1'],
      ['engine-lost', 'e1'],
    ]);
    expect(alerts.list()).toHaveLength(2);
  });
});

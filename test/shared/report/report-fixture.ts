import { healthOf } from '../../../src/shared/api/alerts';
import type { ReportNode, RunReport } from '../../../src/shared/report/run-report';

export const T0 = Date.UTC(2026, 10, 22, 14, 0, 0);
export const HOSTILE = '<script>alert("x")</script>';

export function reportNode(nodeId: string, extra: Partial<ReportNode> = {}): ReportNode {
  return {
    nodeId,
    name: null,
    nodeType: 'agent',
    kind: null,
    parentId: 'root',
    level: 1,
    status: 'completed',
    agentLoad: 'sim',
    agentMetaId: null,
    agentUrl: null,
    containerType: null,
    envConfig: null,
    bizValue: null,
    engineId: 'embedded',
    attempts: 1,
    startTime: T0,
    endTime: T0 + 1500,
    durationMs: 1500,
    errorCode: null,
    errorMessage: null,
    peakCpuPercent: null,
    peakMemoryBytes: null,
    queueTimeMs: null,
    meanCpuPercent: null,
    meanMemoryMb: null,
    managedNodesTotal: null,
    managedNodesCompleted: null,
    ...extra,
  };
}

/** A small ended run with one hostile node name everywhere a name can appear. */
export function sampleReport(extra: Partial<RunReport> = {}): RunReport {
  return {
    generatedAt: T0 + 120_000,
    timeZone: 'UTC',
    task: {
      taskId: '7001',
      name: `红蓝对抗 ${HOSTILE}`,
      description: `drill ${HOSTILE}`,
      status: 'failed',
      rootNodeId: 'root',
      createdBy: 'analyst',
      createdAt: T0 - 5000,
      startTime: T0,
      endTime: T0 + 90_000,
      durationMs: 90_000,
      errorMessage: `node ${HOSTILE} failed`,
      engineIds: ['embedded'],
      engineTaskId: '7001',
      engineUrl: null,
    },
    counters: { totalNodes: 3, totalContainers: 1, totalAgents: 2, completedNodes: 1, failedNodes: 2, runningNodes: 0, skippedNodes: 0 },
    health: healthOf('7001', { ended: 2, failed: 1, timedOut: 0 }, 90_000, 0),
    nodeStatusCounts: { completed: 1, failed: 2 },
    executionStatusCounts: { completed: 2, failed: 1 },
    executionsTotal: 3,
    nodes: [
      reportNode('root', { nodeType: 'container', parentId: null, level: 0, status: 'failed', agentLoad: null, endTime: T0 + 90_000, durationMs: 90_000 }),
      reportNode('scout', { name: '侦察', attempts: 2, peakCpuPercent: 55.5, peakMemoryBytes: 64 * 1024 * 1024, queueTimeMs: 40, meanCpuPercent: 20.5, meanMemoryMb: 32 }),
      reportNode(HOSTILE, { name: `name ${HOSTILE}`, status: 'failed', errorCode: 'SIMULATED', errorMessage: `boom ${HOSTILE}` }),
    ],
    failures: {
      items: [
        {
          nodeId: HOSTILE,
          name: `name ${HOSTILE}`,
          batch: 1,
          errorCode: 'SIMULATED',
          errorMessage: `boom ${HOSTILE}`,
          endTime: T0 + 1500,
          logs: [{ time: T0 + 1400, level: 'error', batch: 1, message: `stack ${HOSTILE} & more` }],
        },
      ],
      total: 1,
    },
    retries: {
      items: [
        {
          nodeId: 'scout',
          name: '侦察',
          status: 'completed',
          attempts: [
            { batch: 1, status: 'failed', errorCode: 'SIMULATED', startTime: T0, endTime: T0 + 500 },
            { batch: 2, status: 'completed', errorCode: null, startTime: T0 + 1000, endTime: T0 + 2500 },
          ],
        },
      ],
      total: 1,
    },
    operatorActions: {
      items: [{ time: T0 + 60_000, operator: `op ${HOSTILE}`, nodeId: HOSTILE, batch: 1, from: 'running', to: 'stopped', reason: `why ${HOSTILE}` }],
      total: 1,
    },
    resources: {
      taskPeakCpuPercent: 60,
      taskPeakMemoryBytes: 80 * 1024 * 1024,
      topCpu: [{ nodeId: 'scout', name: '侦察', value: 55.5 }],
      topMemory: [{ nodeId: 'scout', name: '侦察', value: 64 * 1024 * 1024 }],
    },
    timeline: {
      items: [
        {
          nodeId: 'scout',
          name: '侦察',
          bars: [
            { batch: 1, status: 'failed', errorCode: 'SIMULATED', startTime: T0, endTime: T0 + 500 },
            { batch: 2, status: 'completed', errorCode: null, startTime: T0 + 1000, endTime: T0 + 2500 },
          ],
        },
        { nodeId: HOSTILE, name: `name ${HOSTILE}`, bars: [{ batch: 1, status: 'failed', errorCode: 'SIMULATED', startTime: T0 + 500, endTime: T0 + 1500 }] },
      ],
      total: 2,
      start: T0,
      end: T0 + 2500,
    },
    bookmarks: [{ bookmarkId: '9', taskId: '7001', kind: 'annotation', taskTimeMs: 1500, nodeId: 'scout', text: `note ${HOSTILE}`, author: `observer ${HOSTILE}`, createdAt: T0 + 90_000 }],
    ...extra,
  };
}

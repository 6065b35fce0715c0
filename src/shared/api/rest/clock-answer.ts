import type { ClockAnchor } from '../../clock/clock-model';
import type { SetClockResult, TaskClockView } from '../../clock/clock-view';
import { isoTime } from './iso-time';

const reading = (anchor: ClockAnchor) => ({ sim_ms: Math.round(anchor.simMs), rate: anchor.rate, paused: anchor.paused });

/** A task's exercise clock as the REST API writes it: task time in simulation ms, times in ISO 8601. */
export function clockAnswer(clock: TaskClockView) {
  return {
    task_id: clock.taskId,
    time_base: clock.timeBase,
    sim_ms: Math.round(clock.simMs),
    rate: clock.rate,
    paused: clock.paused,
    started_at: isoTime(clock.startedAtMs),
    read_at: isoTime(clock.wallMs),
    changes: clock.changes.map((change) => ({
      action: change.action,
      operator: change.operator,
      at: isoTime(change.atMs),
      task_time_ms: change.taskTimeMs,
      ...(change.stepMs === undefined ? {} : { step_ms: change.stepMs }),
      old: reading(change.old),
      new: reading(change.new),
    })),
  };
}

export function setClockAnswer(result: SetClockResult) {
  return {
    clock: clockAnswer(result.clock),
    not_honouring: result.notHonouring.map((agent) => ({
      node_id: agent.nodeId,
      batch: agent.batch,
      agent_load: agent.agentLoad,
      kind: agent.kind,
      ...(agent.why === undefined ? {} : { why: agent.why }),
    })),
  };
}

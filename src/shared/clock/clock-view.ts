import type { ClockAction, ClockAnchor, TimeBase } from './clock-model';

/** A recorded clock change: who made it, when (wall time), and the clock before and after. */
export interface ClockChangeView {
  action: ClockAction;
  operator: string | null;
  atMs: number;
  /** Task time when the change was made. */
  taskTimeMs: number;
  old: ClockAnchor;
  new: ClockAnchor;
  /** A step's length in simulation time. */
  stepMs?: number;
}

/** A task's exercise clock as it stands now (`simMs` read at `wallMs`), with its history. */
export interface TaskClockView {
  taskId: string;
  timeBase: TimeBase;
  /** Task time now: simulation time since the task started (0 before it starts). */
  simMs: number;
  wallMs: number;
  rate: number;
  paused: boolean;
  /** The anchor the clock runs on; with it a window advances the shown time between reads. */
  anchor: ClockAnchor;
  startedAtMs: number | null;
  changes: ClockChangeView[];
}

/** A running agent whose Engine cannot make it follow the clock (it runs on real time). */
export interface UnhonouredAgent {
  nodeId: string;
  batch: number;
  agentLoad: string;
  kind: string;
  /** Why, when its Engine could not be told of the change at all. */
  why?: string;
}

export interface SetClockResult {
  clock: TaskClockView;
  /** Running agents that keep real time through this change; empty when every one follows it. */
  notHonouring: UnhonouredAgent[];
}

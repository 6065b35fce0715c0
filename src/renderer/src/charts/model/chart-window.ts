/** The time range a task's charts show and the range whose data is fetched. */
export interface ChartWindow {
  /** Fetched from here; the axis starts here. */
  from: number;
  /** Fetched up to here: now while live, the replay moment while replaying. */
  to: number;
  /** Where the axis ends: the task's end (or now), so a replay line shows how far along it is. */
  axisEnd: number;
}

interface TaskTimes {
  createdAt: number;
  startTime: number | null;
  endTime: number | null;
}

export function chartWindow(task: TaskTimes, at: number | null, now: number): ChartWindow {
  const from = task.startTime ?? task.createdAt;
  const end = Math.max(from + 1, task.endTime ?? now);
  const to = at === null ? end : Math.min(Math.max(at, from + 1), end);
  return { from, to, axisEnd: end };
}

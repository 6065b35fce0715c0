import { readSchedule } from '../triggers/cron';
import type { TriggerSpec } from '../triggers/trigger-spec';
import { WORKFLOW_PROBLEM } from './problem-codes';
import { problem, type Problem } from './problems';

/**
 * What the schema cannot say about a workflow's triggers: that a schedule's cron expression
 * parses, fires at all, and that its time zone exists. Each problem names the field
 * (`triggers[0].cron`), so the editor and `deduction validate` point at it.
 */
export function checkTriggers(triggers: readonly TriggerSpec[] | undefined): Problem[] {
  const problems: Problem[] = [];
  triggers?.forEach((trigger, index) => {
    if (trigger.type === 'file') {
      if (!isAbsolutePath(trigger.folder)) problems.push(problem('error', WORKFLOW_PROBLEM.invalidWatch, ['triggers', index, 'folder'], { context: 'folder', folder: JSON.stringify(trigger.folder) }));
      if (trigger.pattern !== undefined && /[\\/]/.test(trigger.pattern)) {
        problems.push(problem('error', WORKFLOW_PROBLEM.invalidWatch, ['triggers', index, 'pattern'], { context: 'pattern', pattern: JSON.stringify(trigger.pattern) }));
      }
    }
    if (trigger.type !== 'schedule') return;
    const found = scheduleProblem(trigger.cron, trigger.timezone, ['triggers', index]);
    if (found) problems.push(found);
  });
  return problems;
}

/** The problem with one schedule, at `base` (the trigger's path); undefined when it reads. */
export function scheduleProblem(cron: string, timezone: string | undefined, base: (string | number)[]): Problem | undefined {
  const reading = readSchedule(cron, timezone);
  if (reading.ok) return undefined;
  if (reading.problem === 'timezone') return problem('error', WORKFLOW_PROBLEM.invalidTimeZone, [...base, 'timezone'], { zone: JSON.stringify(reading.detail) });
  if (reading.problem === 'never') return problem('error', WORKFLOW_PROBLEM.invalidCron, [...base, 'cron'], { context: 'never', cron: JSON.stringify(reading.detail) });
  return problem('error', WORKFLOW_PROBLEM.invalidCron, [...base, 'cron'], { detail: reading.detail });
}

/** POSIX (/data), Windows drive (C:\data) or UNC (\\server\share) paths; read without node:path, since the editor runs this too. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

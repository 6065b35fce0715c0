import { errorReason } from '../../../shared/api/error-reasons';
import { jsonEqual } from '../../../shared/workflow/json-equal';
import { describeValueType, fitsInputType } from '../../../shared/workflow/inputs';
import type { VariableChange, VariablesPatch } from '../../../shared/task/live-changes';
import { reasonText } from '../../../shared/task/reason-wordings';
import type { Control } from './controls';
import { SchedulerError } from './errors';
import { readLiveDefinition } from './live-graph';
import { refuseUnlessChangeable } from './live-task';
import type { TaskImage } from './task-image';
import { auditOnRoot } from './transitions';

const SHOWN_VALUE_MAX = 80;

/**
 * Sets variables of a task while it runs. Config references resolve when a node starts, so
 * nodes not started yet see the new values and nodes already started keep what they resolved;
 * edges already decided stay decided. The change is audited on the root with every variable's
 * old and new value. A declared input keeps its declared type. Returns what changed (nothing,
 * when every value given equals the one held: then nothing is written).
 */
export function setTaskVariables(control: Control, task: TaskImage, patch: VariablesPatch, reason: string | undefined): VariableChange[] {
  refuseUnlessChangeable(task);
  const inputs = readLiveDefinition(control.core.store, task.id).inputs ?? [];
  for (const [name, value] of Object.entries(patch)) {
    const input = inputs.find((each) => each.name === name);
    if (input && !fitsInputType(input.type, value)) {
      throw new SchedulerError('INVALID_ARGUMENT', errorReason('task.variableType', { name, type: input.type, received: describeValueType(value) }));
    }
  }
  const variables = task.scope.variables;
  const changes: VariableChange[] = [];
  for (const [name, after] of Object.entries(patch)) {
    const had = Object.hasOwn(variables, name);
    if (had && jsonEqual(variables[name], after)) continue;
    changes.push(had ? { name, before: variables[name]!, after } : { name, after });
  }
  if (changes.length === 0) return changes;
  // Listed in the step first, so that a step that fails reloads the task's variables from the store.
  control.step.task(task);
  for (const change of changes) variables[change.name] = change.after;
  const { store } = control.core;
  store.run(store.kysely.updateTable('deduction_task').set({ variables: JSON.stringify(variables), updated_at: control.step.now }).where('id', '=', task.id));
  const listed = changes.map(describeChange).join('; ');
  auditOnRoot(control.core, control.step, task, reason ? reasonText('variablesChangedBecause', { what: listed, reason }) : reasonText('variablesChanged', { what: listed }), control.operator);
  return changes;
}

function describeChange(change: VariableChange): string {
  return `${change.name}: ${'before' in change ? shown(change.before) : '(unset)'} → ${shown(change.after)}`;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > SHOWN_VALUE_MAX ? `${text.slice(0, SHOWN_VALUE_MAX - 1)}…` : text;
}

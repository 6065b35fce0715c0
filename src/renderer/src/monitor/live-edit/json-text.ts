import { errorText } from '../../../../shared/error-text';
import type { VariablesPatch } from '../../../../shared/task/live-changes';

/** JSON typed into a box: its value, or why it is not a JSON object. */
export function readJsonObject(text: string): { ok: true; value: VariablesPatch } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  // JSON.parse makes nothing but JSON.
  return { ok: true, value: value as VariablesPatch };
}

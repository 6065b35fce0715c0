import type { TriggerKind, TriggerSpecInput } from '../../../../shared/triggers/trigger-spec';
import type { TriggerView } from '../../../../shared/triggers/trigger-view';

/** The trigger dialog's fields, as text; one form for every kind, the fields of the others kept while switching. */
export interface TriggerForm {
  templateName: string;
  kind: TriggerKind;
  name: string;
  cron: string;
  timezone: string;
  catchUp: 'skip' | 'once';
  folder: string;
  pattern: string;
  /** The variables as a JSON object. */
  variables: string;
}

export type TriggerFormError = 'templateRequired' | 'cronRequired' | 'folderRequired' | 'variablesInvalid';

export function triggerForm(trigger?: TriggerView, templateName = ''): TriggerForm {
  const spec = trigger?.spec;
  return {
    templateName: trigger?.templateName ?? templateName,
    kind: spec?.type ?? 'schedule',
    name: spec?.name ?? '',
    cron: spec?.type === 'schedule' ? spec.cron : '0 3 * * *',
    timezone: spec?.type === 'schedule' ? (spec.timezone ?? '') : '',
    catchUp: spec?.type === 'schedule' ? spec.catchUp : 'skip',
    folder: spec?.type === 'file' ? spec.folder : '',
    pattern: spec?.type === 'file' ? (spec.pattern ?? '') : '',
    variables: spec?.variables ? JSON.stringify(spec.variables, null, 2) : '',
  };
}

/** The spec the form describes, or what is missing; the core checks the cron, zone and folder and says what is wrong in them. */
export function parseTriggerForm(form: TriggerForm): { ok: true; templateName: string; spec: TriggerSpecInput } | { ok: false; error: TriggerFormError } {
  const templateName = form.templateName.trim();
  if (templateName === '') return { ok: false, error: 'templateRequired' };
  let variables: Record<string, never> | undefined;
  if (form.variables.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(form.variables);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'variablesInvalid' };
      variables = parsed as Record<string, never>;
    } catch {
      return { ok: false, error: 'variablesInvalid' };
    }
  }
  const common = { ...(form.name.trim() !== '' && { name: form.name.trim() }), ...(variables && { variables }) };
  switch (form.kind) {
    case 'schedule':
      if (form.cron.trim() === '') return { ok: false, error: 'cronRequired' };
      return { ok: true, templateName, spec: { type: 'schedule', cron: form.cron.trim(), catchUp: form.catchUp, ...(form.timezone.trim() !== '' && { timezone: form.timezone.trim() }), ...common } };
    case 'file':
      if (form.folder.trim() === '') return { ok: false, error: 'folderRequired' };
      return { ok: true, templateName, spec: { type: 'file', folder: form.folder.trim(), ...(form.pattern.trim() !== '' && { pattern: form.pattern.trim() }), ...common } };
    case 'http':
      return { ok: true, templateName, spec: { type: 'http', ...common } };
  }
}

import { describe, expect, it } from 'vitest';
import { parseTriggerForm, triggerForm } from '../../../src/renderer/src/triggers/model/trigger-form';
import type { TriggerView } from '../../../src/shared/triggers/trigger-view';

const view = (spec: TriggerView['spec']): TriggerView => ({
  id: '7',
  templateName: 'nightly',
  kind: spec.type,
  spec,
  source: 'manual',
  owner: 'alice',
  paused: false,
  nextFireAt: null,
  lastFiredAt: null,
  lastTaskId: null,
  lastError: null,
  createdAt: 1,
  updatedAt: 1,
});

describe('the trigger form', () => {
  it('reads back the spec of every kind it was filled from', () => {
    for (const spec of [
      { type: 'schedule', name: 'at three', cron: '0 3 * * *', timezone: 'Asia/Shanghai', catchUp: 'once', variables: { region: 'east' } },
      { type: 'file', folder: '/srv/inbox', pattern: '*.csv' },
      { type: 'http', name: 'hook' },
    ] as TriggerView['spec'][]) {
      expect(parseTriggerForm(triggerForm(view(spec)))).toEqual({ ok: true, templateName: 'nightly', spec });
    }
  });

  it('names what is missing or not a JSON object, and leaves out empty optional fields', () => {
    const blank = triggerForm(undefined, 'nightly');
    expect(parseTriggerForm({ ...blank, templateName: ' ' })).toEqual({ ok: false, error: 'templateRequired' });
    expect(parseTriggerForm({ ...blank, cron: '' })).toEqual({ ok: false, error: 'cronRequired' });
    expect(parseTriggerForm({ ...blank, kind: 'file' })).toEqual({ ok: false, error: 'folderRequired' });
    expect(parseTriggerForm({ ...blank, variables: '[1]' })).toEqual({ ok: false, error: 'variablesInvalid' });
    expect(parseTriggerForm({ ...blank, variables: '{oops' })).toEqual({ ok: false, error: 'variablesInvalid' });
    expect(parseTriggerForm(blank)).toEqual({ ok: true, templateName: 'nightly', spec: { type: 'schedule', cron: '0 3 * * *', catchUp: 'skip' } });
  });
});

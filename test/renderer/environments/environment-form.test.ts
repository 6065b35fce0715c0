import { describe, expect, it } from 'vitest';
import { environmentForm, parseEnvironmentForm, parseSchemeForm, schemeForm } from '../../../src/renderer/src/environments/model/environment-form';
import type { EnvironmentView } from '../../../src/shared/environments/environments';

const LAB: EnvironmentView = {
  id: '7',
  name: 'lab',
  description: null,
  engines: [{ name: 'alpha', url: 'ws://a:7300', token: '********', weight: 2 }],
  strategy: 'weighted',
  status: 'active',
  createdAt: 1,
  updatedAt: 1,
  taskCount: 0,
};

describe('environment and scheme forms', () => {
  it('round-trip an environment, keeping the token placeholder that keeps the stored token', () => {
    expect(parseEnvironmentForm(environmentForm(LAB))).toEqual({
      ok: true,
      value: { name: 'lab', description: '', strategy: 'weighted', engines: [{ name: 'alpha', url: 'ws://a:7300', token: '********', weight: 2 }] },
    });
  });

  it('keep the skills an environment lends an Engine, typed comma- or space-separated', () => {
    const skilled: EnvironmentView = { ...LAB, engines: [{ ...LAB.engines[0]!, skills: ['gpu', 'linux'] }] };
    const form = environmentForm(skilled);
    expect(form.engines[0]!.skills).toBe('gpu, linux');
    expect(parseEnvironmentForm(form)).toMatchObject({ ok: true, value: { engines: [{ skills: ['gpu', 'linux'] }] } });
    expect(parseEnvironmentForm({ ...form, engines: [{ ...form.engines[0]!, skills: ' fpga  cuda,' }] })).toMatchObject({ ok: true, value: { engines: [{ skills: ['fpga', 'cuda'] }] } });
  });

  it('say which Engine row is incomplete', () => {
    const form = environmentForm();
    expect(parseEnvironmentForm({ ...form, name: ' ' })).toEqual({ ok: false, error: 'nameRequired' });
    expect(parseEnvironmentForm({ ...form, name: 'x', engines: [] })).toEqual({ ok: false, error: 'engineRequired' });
    const rows = [{ name: '', url: 'ws://a', token: 't', weight: '1', skills: '' }, { name: '', url: 'ws://b', token: '', weight: '1', skills: '' }];
    expect(parseEnvironmentForm({ ...form, name: 'x', engines: rows })).toEqual({ ok: false, error: 'tokenRequired', row: 1 });
    expect(parseEnvironmentForm({ ...form, name: 'x', engines: [{ ...rows[0]!, weight: '0.5' }] })).toEqual({ ok: false, error: 'weightInvalid', row: 0 });
  });

  it('take a scheme’s settings as a JSON object only', () => {
    expect(parseSchemeForm({ ...schemeForm(), name: 'drill', config: '{"rounds": 3}' })).toEqual({ ok: true, value: { name: 'drill', description: '', config: { rounds: 3 } } });
    expect(parseSchemeForm({ ...schemeForm(), name: 'drill', config: '[3]' })).toEqual({ ok: false, error: 'configInvalid' });
    expect(parseSchemeForm({ ...schemeForm(), name: 'drill', config: '{' })).toEqual({ ok: false, error: 'configInvalid' });
  });
});

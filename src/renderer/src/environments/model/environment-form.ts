import { BALANCING_STRATEGIES, type BalancingStrategy, type EngineEndpointInput } from '../../../../shared/engine/endpoints';
import type { EnvironmentInput, EnvironmentView } from '../../../../shared/environments/environments';
import type { SchemeInput, SchemeView } from '../../../../shared/environments/schemes';

/** One Engine row as typed: weight and skills (comma- or space-separated) as text until saved. An existing Engine's token shows as the placeholder, which keeps it. */
export interface EngineRow {
  name: string;
  url: string;
  token: string;
  weight: string;
  skills: string;
}

export interface EnvironmentForm {
  name: string;
  description: string;
  strategy: BalancingStrategy;
  engines: EngineRow[];
}

export interface SchemeForm {
  name: string;
  description: string;
  config: string;
}

export type FormError = 'nameRequired' | 'engineRequired' | 'urlRequired' | 'tokenRequired' | 'weightInvalid' | 'configInvalid';

export const STRATEGIES = BALANCING_STRATEGIES;

export function emptyEngine(): EngineRow {
  return { name: '', url: '', token: '', weight: '1', skills: '' };
}

export function environmentForm(environment?: EnvironmentView): EnvironmentForm {
  if (!environment) return { name: '', description: '', strategy: 'round_robin', engines: [emptyEngine()] };
  return {
    name: environment.name,
    description: environment.description ?? '',
    strategy: environment.strategy,
    engines: environment.engines.map((engine) => ({ name: engine.name ?? '', url: engine.url, token: engine.token, weight: String(engine.weight), skills: (engine.skills ?? []).join(', ') })),
  };
}

/** What the form says, for the core to check in full (URLs, limits); only what it cannot send at all is refused here. */
export function parseEnvironmentForm(form: EnvironmentForm): { ok: true; value: EnvironmentInput } | { ok: false; error: FormError; row?: number } {
  if (form.name.trim() === '') return { ok: false, error: 'nameRequired' };
  if (form.engines.length === 0) return { ok: false, error: 'engineRequired' };
  const engines: EngineEndpointInput[] = [];
  for (const [row, engine] of form.engines.entries()) {
    if (engine.url.trim() === '') return { ok: false, error: 'urlRequired', row };
    if (engine.token === '') return { ok: false, error: 'tokenRequired', row };
    const weight = Number(engine.weight);
    if (!Number.isInteger(weight) || weight < 1) return { ok: false, error: 'weightInvalid', row };
    const skills = engine.skills.split(/[\s,]+/).filter((skill) => skill !== '');
    engines.push({ url: engine.url.trim(), token: engine.token, weight, ...(engine.name.trim() === '' ? {} : { name: engine.name.trim() }), ...(skills.length === 0 ? {} : { skills }) });
  }
  return { ok: true, value: { name: form.name.trim(), description: form.description, strategy: form.strategy, engines } };
}

export function schemeForm(scheme?: SchemeView): SchemeForm {
  return scheme ? { name: scheme.name, description: scheme.description ?? '', config: JSON.stringify(scheme.config, null, 2) } : { name: '', description: '', config: '{}' };
}

export function parseSchemeForm(form: SchemeForm): { ok: true; value: Required<SchemeInput> } | { ok: false; error: FormError } {
  if (form.name.trim() === '') return { ok: false, error: 'nameRequired' };
  let config: unknown;
  try {
    config = JSON.parse(form.config.trim() === '' ? '{}' : form.config);
  } catch {
    return { ok: false, error: 'configInvalid' };
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return { ok: false, error: 'configInvalid' };
  return { ok: true, value: { name: form.name.trim(), description: form.description, config: config as Required<SchemeInput>['config'] } };
}

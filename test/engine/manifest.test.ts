import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/engine/catalog';
import { agentManifestSchema } from '../../src/engine/manifest';
import { recordingLogger, SHIPPED_CATALOG } from '../helpers/engine';

const processAgent = (extra: Record<string, unknown>) => ({ agentLoad: 'p', kind: 'process', name: 'P', ...extra });
const firstIssue = (raw: unknown): string => {
  const parsed = agentManifestSchema.safeParse(raw);
  return parsed.success ? 'valid' : `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`;
};

describe('agent manifests', () => {
  it('take a {config.NAME} placeholder only as a whole argument', () => {
    expect(firstIssue(processAgent({ command: ['{node}', 'run.mjs', '{config.map}'] }))).toBe('valid');
    expect(firstIssue(processAgent({ command: ['{node}', '--map={config.map}'] }))).toBe('command.1: a {config.NAME} placeholder must be a whole argument, e.g. "{config.file}", not part of one');
    expect(firstIssue(processAgent({ command: ['{config.program}x'] }))).toMatch(/^command\.0: a \{config\.NAME\} placeholder must be a whole argument/);
  });

  it('give a process agent either a command or commandFromConfig, never both or neither', () => {
    expect(firstIssue(processAgent({ commandFromConfig: true }))).toBe('valid');
    expect(firstIssue(processAgent({}))).toBe('command: a process agent needs either a command or "commandFromConfig": true, not both');
    expect(firstIssue(processAgent({ command: ['x'], commandFromConfig: true }))).toBe('command: a process agent needs either a command or "commandFromConfig": true, not both');
  });

  it('ship script as the command agent, and keep how it runs out of the catalog consoles see', () => {
    const logger = recordingLogger();
    const catalog = loadCatalog(SHIPPED_CATALOG, logger);
    expect(logger.messages('warn')).toEqual([]);
    expect(catalog.get('script')).toMatchObject({ kind: 'process', commandFromConfig: true });
    const entry = catalog.entries().find((found) => found.agentLoad === 'script')!;
    expect(entry).not.toHaveProperty('commandFromConfig');
    expect(entry.configSchema).toMatchObject({ oneOf: [{ required: ['command'] }, { required: ['script'] }] });
  });
});

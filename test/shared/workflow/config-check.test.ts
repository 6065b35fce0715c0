import { describe, expect, it } from 'vitest';
import { loadCatalog, shippedCatalogDir } from '../../../src/engine/catalog';
import type { AgentCatalogEntry } from '../../../src/shared/engine/protocol';
import { configGaps } from '../../../src/shared/workflow/config-requirements';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { formatPath, formatPlace } from '../../../src/shared/workflow/problems';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { codes, errors, EXAMPLE_FILES, exampleText, flat } from '../../helpers/workflow';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const shipped = loadCatalog(shippedCatalogDir(), quiet).entries();

const command: AgentCatalogEntry = {
  agentLoad: 'command',
  kind: 'process',
  name: 'Command',
  configSchema: { type: 'object', oneOf: [{ required: ['command'] }, { required: ['script'] }], properties: { command: { type: 'string' }, script: { type: 'string' } } },
};

describe('agent configs against their manifest (the catalog)', () => {
  it('makes an http node without url a validation error, named by node id', () => {
    const definition = flat(['probe', { agentLoad: 'http', agentConfig: { method: 'GET' } }]);
    const result = validateWorkflow(definition, { agents: shipped });
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      expect.objectContaining({
        code: P.missingConfigField,
        path: ['nodes', 1, 'agentConfig', 'url'],
        nodeId: 'probe',
        pathNodeId: 'probe',
        message: 'the "http" agent "probe" needs agentConfig.url, which its manifest requires',
      }),
    ]);
    expect(formatPlace(errors(result)[0]!)).toBe('node "probe" › agentConfig.url');
    expect(validateWorkflow(flat(['probe', { agentLoad: 'http', agentConfig: { url: 'http://127.0.0.1:1/' } }]), { agents: shipped }).ok).toBe(true);
  });

  it('checks nothing without a catalog, and nothing for loads the catalog does not know', () => {
    expect(validateWorkflow(flat(['probe', { agentLoad: 'http' }])).ok).toBe(true);
    expect(validateWorkflow(flat(['probe', { agentLoad: 'http' }]), { agents: [] }).ok).toBe(true);
    expect(validateWorkflow(flat(['x', { agentLoad: 'elsewhere' }]), { agents: shipped }).ok).toBe(true);
  });

  it('counts a field the manifest gives a default for as given', () => {
    const withDefault: AgentCatalogEntry = { ...command, agentLoad: 'defaulted', configSchema: { type: 'object', required: ['url'] }, defaults: { url: 'http://127.0.0.1:1/' } };
    expect(validateWorkflow(flat(['a', { agentLoad: 'defaulted' }]), { agents: [withDefault] }).ok).toBe(true);
  });

  it('needs exactly one of the oneOf alternatives, and at least one of anyOf', () => {
    const check = (config: Record<string, unknown>, entry = command) => validateWorkflow(flat(['run', { agentLoad: entry.agentLoad, agentConfig: config }]), { agents: [entry] });
    const none = check({});
    expect(errors(none)).toEqual([
      expect.objectContaining({
        code: P.configAlternatives,
        path: ['nodes', 1, 'agentConfig'],
        message: 'the "command" agent "run" needs exactly one of these in its agentConfig: "command", "script"',
        params: expect.objectContaining({ context: 'noneOfExactlyOne' }),
      }),
    ]);
    expect(errors(check({ command: 'sh', script: 'echo hi' }))[0]).toMatchObject({ code: P.configAlternatives, params: { context: 'severalOf' } });
    expect(check({ command: 'sh' }).ok).toBe(true);
    expect(check({ script: 'echo hi' }).ok).toBe(true);
    const either: AgentCatalogEntry = { ...command, agentLoad: 'either', configSchema: { anyOf: [{ required: ['a', 'b'] }, { required: ['c'] }] } };
    expect(errors(check({ a: 1 }, either))[0]!.message).toBe('the "either" agent "run" needs at least one of these in its agentConfig: "a" + "b", "c"');
    expect(check({ a: 1, b: 2, c: 3 }, either).ok).toBe(true);
  });

  it('reads required fields inside allOf, and ignores alternatives that require nothing', () => {
    expect(configGaps({ allOf: [{ required: ['x'] }, { oneOf: [{ required: ['y'] }, { type: 'object' }] }] }, {}, undefined)).toEqual([{ kind: 'missing', field: 'x' }]);
  });

  it('accepts the shipped examples against the shipped catalog', () => {
    for (const file of EXAMPLE_FILES) {
      const result = validateWorkflow(JSON.parse(exampleText(file)), { agents: shipped });
      expect(codes(errors(result)), file).toEqual([]);
    }
  });
});

describe('problem places', () => {
  it('name the node by id and keep the machine path for jumping to it', () => {
    const definition = flat(['scout'], ['recon'], ['strike', { dependencies: [{ sourceNodeId: 'ghost' }] }]);
    const [problem] = errors(validateWorkflow(definition));
    expect(problem).toMatchObject({ code: P.unknownDependency, path: ['nodes', 3, 'dependencies', 0, 'sourceNodeId'], pathNodeId: 'strike' });
    expect(formatPlace(problem!)).toBe('node "strike" › dependencies[0].sourceNodeId');
    expect(formatPath(problem!.path)).toBe('nodes[3].dependencies[0].sourceNodeId');
  });

  it('name a node by itself, and fall back to the path outside nodes or where the node has no readable id', () => {
    const empty = validateWorkflow({ ...flat(['a']), nodes: [...flat(['a']).nodes, { nodeId: 'box', nodeType: 'container', parentId: 'root' }] });
    expect(formatPlace(empty.problems[0]!)).toBe('node "box"');
    const headless = validateWorkflow({ ...flat(['a']), name: '' });
    expect(formatPlace(errors(headless)[0]!)).toBe('name');
    const noId = validateWorkflow({ ...flat(['a']), nodes: [...flat(['a']).nodes, { nodeType: 'agent', parentId: 'root', agentLoad: 'sim' }] });
    expect(formatPlace(errors(noId)[0]!)).toBe('nodes[2].nodeId');
  });
});

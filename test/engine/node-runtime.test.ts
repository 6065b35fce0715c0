import { describe, expect, it } from 'vitest';
import { nodeRuntime, type NodeRuntimeContext } from '../../src/engine/agents/node-runtime';

function context(extra: Partial<NodeRuntimeContext> = {}, files: string[] = []): NodeRuntimeContext {
  return { env: { PATH: '/usr/local/bin:/usr/bin' }, electron: undefined, execPath: '/opt/node/bin/node', platform: 'linux', exists: (path) => files.includes(path), ...extra };
}

describe('the Node that runs {node} agents', () => {
  it('is the Engine’s own Node when the Engine runs standalone', () => {
    expect(nodeRuntime(context())).toEqual({ ok: true, file: '/opt/node/bin/node', env: {} });
  });

  it('is the desktop binary acting as Node while developing', () => {
    expect(nodeRuntime(context({ electron: '41.0.0', execPath: '/dev/electron' }))).toEqual({ ok: true, file: '/dev/electron', env: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('is a Node found on the PATH in an installed build, never the app binary', () => {
    const installed = { electron: '41.0.0', execPath: '/opt/Deduction Console/deduction-console', env: { PATH: '/usr/local/bin:/usr/bin', DEDUCTION_NO_APP_NODE: '1' } };
    expect(nodeRuntime(context(installed, ['/usr/bin/node']))).toEqual({ ok: true, file: '/usr/bin/node', env: {} });
    const refused = nodeRuntime(context(installed));
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/install Node\.js 20 or later, or set DEDUCTION_NODE/);
  });

  it('is the one the user names, which must exist', () => {
    expect(nodeRuntime(context({ env: { DEDUCTION_NODE: '/tools/node' }, electron: '41.0.0' }, ['/tools/node']))).toEqual({ ok: true, file: '/tools/node', env: {} });
    expect(nodeRuntime(context({ env: { DEDUCTION_NODE: '/missing/node' } }))).toEqual({ ok: false, message: 'DEDUCTION_NODE names /missing/node, which does not exist' });
  });

  it('looks for node.exe on a Windows PATH', () => {
    const windows = context({ platform: 'win32', electron: '41.0.0', env: { PATH: 'C:\\Tools;C:\\Node', DEDUCTION_NO_APP_NODE: '1' } }, ['C:\\Node/node.exe']);
    expect(nodeRuntime(windows)).toMatchObject({ ok: true });
  });
});

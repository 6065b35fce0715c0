import { describe, expect, it, vi } from 'vitest';
import { callControl } from '../../../../../src/renderer/src/monitor/tree/model/call-control';
import { ApiError } from '../../../../../src/shared/api/errors';

function fakeClient() {
  return {
    stopNode: vi.fn(async () => undefined),
    restartNode: vi.fn(async () => undefined),
    skipNode: vi.fn(async () => undefined),
    rerunFrom: vi.fn(async () => 7),
    decideManual: vi.fn(async () => undefined),
    holdNode: vi.fn(async () => undefined),
    releaseNode: vi.fn(async () => undefined),
  };
}

describe('calling a control', () => {
  it('sends each control to its API method with the reason or comment, blank meaning none', async () => {
    const client = fakeClient();
    expect(await callControl(client, '5', 'scout', 'stop', '  enemy spotted ')).toBeNull();
    expect(client.stopNode).toHaveBeenCalledWith('5', 'scout', 'enemy spotted');
    await callControl(client, '5', 'scout', 'stop', '   ');
    expect(client.stopNode).toHaveBeenLastCalledWith('5', 'scout', undefined);
    await callControl(client, '5', 'scout', 'restart');
    expect(client.restartNode).toHaveBeenCalledWith('5', 'scout');
    await callControl(client, '5', 'scout', 'skip');
    expect(client.skipNode).toHaveBeenCalledWith('5', 'scout');
    expect(await callControl(client, '5', 'scout', 'rerun')).toBe(7);
    await callControl(client, '5', 'judge', 'approve');
    expect(client.decideManual).toHaveBeenLastCalledWith('5', 'judge', { approved: true });
    await callControl(client, '5', 'judge', 'reject', 'not convincing');
    expect(client.decideManual).toHaveBeenLastCalledWith('5', 'judge', { approved: false, comment: 'not convincing' });
    await callControl(client, '5', 'scout', 'hold', ' wait for the brief ');
    expect(client.holdNode).toHaveBeenLastCalledWith('5', 'scout', { reason: 'wait for the brief' });
    await callControl(client, '5', 'scout', 'hold', '  ');
    expect(client.holdNode).toHaveBeenLastCalledWith('5', 'scout', undefined);
    await callControl(client, '5', 'scout', 'release');
    expect(client.releaseNode).toHaveBeenLastCalledWith('5', 'scout');
  });

  it('passes the API refusal on unchanged', async () => {
    const client = fakeClient();
    client.restartNode.mockRejectedValueOnce(new ApiError('CONFLICT', 'node scout is running; only a stopped or failed node can be restarted'));
    await expect(callControl(client, '5', 'scout', 'restart')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

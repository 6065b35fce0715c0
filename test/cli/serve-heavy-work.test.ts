import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_SOCKET } from '../../src/shared/api/host-protocol';
import type { CallResult } from '../../src/shared/api/errors';
import { agentChain } from '../helpers/chain-workflow';
import { exitOf, spawnCli, waitForOutput } from '../helpers/built-cli';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
const children: ReturnType<typeof spawnCli>[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function open(url: string, token: string): Promise<Socket> {
  const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('deduction serve: heavy work', () => {
  it("keeps answering the operator while a viewer's large export runs", async () => {
    const child = spawnCli(['serve', '--port', '0', '--db', join(tempDir(), 'db.sqlite')]);
    children.push(child);
    const [, url, operatorToken, viewerToken] = await waitForOutput(child, /operator: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)\n\s+viewer:\s+\S+#token=(\S+)/);
    const operator = await open(url!, operatorToken!);
    const viewer = await open(url!, viewerToken!);
    let done = false;
    const exported = new Promise<CallResult>((resolve) => viewer.emit(HOST_SOCKET.call, 'exportWorkflow', [{ definition: agentChain(1000), format: 'bpmn' }], resolve)).finally(() => {
      done = true;
    });
    let answered = 0;
    while (!done) {
      await operator.timeout(60_000).emitWithAck(HOST_SOCKET.ping);
      if (!done) answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await exported).toMatchObject({ ok: true, result: expect.stringContaining('n999') });
    // On the host's own loop the export would hold every ping until it was done (a couple got through there, between its phases).
    expect(answered).toBeGreaterThanOrEqual(20);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });
});

import { commandAckSchema, ENGINE_SOCKET, type CommandAck, type EngineCommand } from '../../../shared/engine/protocol';
import { EngineCommandError } from './engine-errors';
import type { EngineLink } from './engine-link';

export type CommandOk = Extract<CommandAck, { ok: true }>;

/**
 * Sends a command over the link, repeating it over reconnections (commands are idempotent)
 * until the Engine acknowledges it or `timeoutMs` runs out. Rejects at once when the link is
 * down, refused or closed, and with ENGINE_LOST when the Engine restarted in between.
 */
export async function sendCommand(link: EngineLink, command: EngineCommand, timeoutMs: number): Promise<CommandOk> {
  const deadline = Date.now() + timeoutMs;
  // A command is meant for the Engine process it was first sent to: repeated to a restarted
  // one, it would meet an Engine that never heard of its task or container.
  const session = link.engineRun;
  for (;;) {
    if (link.closed || link.state.status === 'down') throw link.unavailable(command.name);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timedOut(link, command.name, timeoutMs);
    if (link.state.status !== 'connected') {
      await link.statusChange(remaining);
      continue;
    }
    if (session !== null && session !== link.engineRun) {
      throw new EngineCommandError('ENGINE_LOST', `${command.name}: ${link.label} restarted before acknowledging it`);
    }
    let answer: unknown;
    try {
      answer = await link.socket.timeout(remaining).emitWithAck(ENGINE_SOCKET.command, command);
    } catch {
      if (Date.now() >= deadline) throw timedOut(link, command.name, timeoutMs);
      continue;
    }
    link.heard();
    const ack = commandAckSchema.safeParse(answer);
    if (!ack.success) throw new EngineCommandError('PROTOCOL', `${link.label} answered ${command.name} outside the protocol`);
    if (!ack.data.ok) throw new EngineCommandError(ack.data.error.code, `${link.label}: ${ack.data.error.message}`);
    return ack.data;
  }
}

function timedOut(link: EngineLink, name: string, timeoutMs: number): EngineCommandError {
  return new EngineCommandError('TIMEOUT', `${link.label} did not acknowledge ${name} within ${timeoutMs} ms`);
}

import type { JsonValue } from './types';

export interface AgentMessage {
  message: JsonValue;
  /** Who sent it (the inject's id, an operator); as the console gives it. */
  from?: string;
  time: number;
}

/** The agent kinds that listen to their inbox; a message to any other is refused as NOT_HANDLED, so the sender records that instead of believing it delivered. */
export const MESSAGE_AGENT_KINDS: ReadonlySet<string> = new Set(['sim']);

/**
 * Where messages to one running execution arrive (the messageNode command). The agent listens
 * once it runs; what arrives before (the console sees the node running from the start's
 * acknowledgement, a moment before the agent starts) is kept and handed over then.
 */
export class AgentInbox {
  private handler: ((message: AgentMessage) => void) | null = null;
  private readonly early: AgentMessage[] = [];

  listen(handler: (message: AgentMessage) => void): void {
    this.handler = handler;
    for (const message of this.early.splice(0)) handler(message);
  }

  deliver(message: AgentMessage): void {
    if (this.handler) this.handler(message);
    else this.early.push(message);
  }
}

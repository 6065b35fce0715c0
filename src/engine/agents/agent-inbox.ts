import type { JsonValue } from './types';

export interface AgentMessage {
  message: JsonValue;
  /** Who sent it (the inject's id, an operator); as the console gives it. */
  from?: string;
  time: number;
}

/**
 * Where messages to one running execution arrive (the messageNode command). An agent that
 * handles messages listens once, at its start; a message to one that does not is refused as
 * NOT_HANDLED, so the sender records that instead of believing it delivered.
 */
export class AgentInbox {
  private handler: ((message: AgentMessage) => void) | null = null;

  listen(handler: (message: AgentMessage) => void): void {
    this.handler = handler;
  }

  /** False when the agent does not listen. */
  deliver(message: AgentMessage): boolean {
    if (!this.handler) return false;
    this.handler(message);
    return true;
  }
}

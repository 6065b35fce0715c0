import { ENGINE_BATCH_LIMITS, type StartNodeCommand, type StartResult } from '../../../shared/engine/protocol';
import { EngineCommandError } from './engine-errors';

interface PendingStart {
  command: StartNodeCommand;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the starts asked for in one turn of the event loop (a scheduler step sends all its
 * starts together, after its commit) into startMany commands, and settles each start with its
 * own answer, as if it had been sent alone. Nothing waits on a timer: the batch goes out in a
 * microtask, once the caller's synchronous sends are done.
 */
export class StartBatch {
  private pending: PendingStart[] = [];

  constructor(
    private readonly sendMany: (nodes: StartNodeCommand[]) => Promise<{ results?: StartResult[] | undefined }>,
    private readonly label: string,
  ) {}

  start(command: StartNodeCommand): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ command, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.flush());
    });
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = [];
    for (let offset = 0; offset < pending.length; offset += ENGINE_BATCH_LIMITS.maxStartsPerCommand) {
      void this.send(pending.slice(offset, offset + ENGINE_BATCH_LIMITS.maxStartsPerCommand));
    }
  }

  private async send(chunk: PendingStart[]): Promise<void> {
    let results: StartResult[] | undefined;
    try {
      results = (await this.sendMany(chunk.map((entry) => entry.command))).results;
    } catch (error) {
      for (const entry of chunk) entry.reject(error);
      return;
    }
    if (results?.length !== chunk.length) {
      const error = new EngineCommandError('PROTOCOL', `${this.label} answered startMany of ${chunk.length} with ${results?.length ?? 'no'} results`);
      for (const entry of chunk) entry.reject(error);
      return;
    }
    chunk.forEach((entry, index) => {
      const result = results[index]!;
      if (result.ok) entry.resolve();
      else entry.reject(new EngineCommandError(result.error.code, `${this.label}: ${result.error.message}`));
    });
  }
}

import { RETRYABLE_ENGINE_ERRORS, type EngineErrorCode } from '../../../shared/engine/protocol';

/** Why an EnginePort command was refused or could not be delivered. */
export class EngineCommandError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineCommandError';
    this.retryable = RETRYABLE_ENGINE_ERRORS.includes(code);
  }
}

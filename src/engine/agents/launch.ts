import type { AgentOutcome } from './types';

/** A process ready to start: what runProcess spawns, and what it undoes afterwards. */
export interface ProcessLaunch {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** The program in messages ("df", "sh script", "docker image alpine:3"). */
  label: string;
  /** The process left something to tidy once it ended (a script's temporary folder). */
  cleanup?: () => void;
  /** Besides ending the process tree, what a stop or timeout must end (a docker container). */
  onAbort?: () => void;
  /** An exit code and the last stderr line that mean something else than the program failing. */
  explainFailure?: (code: number | null, lastStderr: string) => AgentOutcome | null;
}

export type PreparedLaunch = { ok: true; launch: ProcessLaunch } | { ok: false; outcome: AgentOutcome };

export const refuse = (errorCode: string, errorMessage: string): PreparedLaunch => ({ ok: false, outcome: { status: 'failed', errorCode, errorMessage } });

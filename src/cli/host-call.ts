import { Option } from 'commander';
import { errorText } from '../shared/error-text';
import { formatPlace, type Problem } from '../shared/workflow/problems';
import { CliInputError } from './input-error';

/** Where a running console is reached: a headless host (`deduction serve`) and an operator token of it. */
export interface HostOptions {
  url: string;
  token?: string;
}

export function hostOptions(): Option[] {
  return [
    new Option('--url <url>', 'the headless host driving the task, e.g. http://127.0.0.1:8787').env('DEDUCTION_URL').makeOptionMandatory(),
    new Option('--token <token>', 'an operator token of the host').env('DEDUCTION_TOKEN'),
  ];
}

interface Envelope {
  message?: string;
  data?: unknown;
  error?: { code?: string; details?: { problems?: Problem[] } };
}

/**
 * POSTs to the host's REST API and answers its `data`. A refusal of what was asked (a bad
 * argument, an unknown task or node) is invalid input (exit 2), with each workflow problem on a
 * line of its own; a refusal by the task's state (a node that has started, say) fails (exit 1).
 */
export async function postToHost(host: HostOptions, path: string, body: unknown): Promise<unknown> {
  if (!host.token) throw new CliInputError('an operator token is needed: give --token or set DEDUCTION_TOKEN');
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1/deduction${path}`, host.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new Error(`${host.url} could not be reached: ${errorText(error)}`, { cause: error });
  }
  const answer = (await response.json().catch(() => null)) as Envelope | null;
  if (response.ok && answer && 'data' in answer) return answer.data;
  const problems = answer?.error?.details?.problems ?? [];
  const message = [answer?.message ?? response.statusText, ...problems.map((problem) => `  ${formatPlace(problem)}: ${problem.message}`)].join('\n');
  if (response.status === 400 || response.status === 404) throw new CliInputError(message);
  throw new Error(`the host refused (${response.status}): ${message}`);
}

export const taskPath = (taskId: string): string => `/task/${encodeURIComponent(taskId)}`;
export const nodePath = (taskId: string, nodeId: string): string => `${taskPath(taskId)}/node/${encodeURIComponent(nodeId)}`;

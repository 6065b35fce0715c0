import { execFile } from 'node:child_process';
import type { Alert } from '../../../shared/api/alerts';
import { errorText } from '../../../shared/error-text';

/** POSTs the alert as JSON; an answer other than 2xx, a refusal or the timeout is an error naming the URL. */
export async function postWebhook(url: string, alert: Alert, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'alert.escalated', alert }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Error(timedOut ? `webhook ${url} did not answer within ${timeoutMs} ms` : `webhook ${url}: ${errorText(error)}`, { cause: error });
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook ${url} answered ${response.status} ${response.statusText}`.trim());
}

/** Runs argv without a shell, the alert as JSON in DEDUCTION_ALERT; a non-zero exit, a failed start or the timeout is an error. */
export function runAlertCommand(argv: readonly string[], alert: Alert, timeoutMs: number): Promise<void> {
  const [file, ...args] = argv;
  if (file === undefined) return Promise.resolve();
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { shell: false, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, env: { ...process.env, DEDUCTION_ALERT: JSON.stringify(alert) } },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const tail = String(stderr).trim().slice(-500);
        const why = error.killed ? `was stopped after ${timeoutMs} ms` : typeof error.code === 'number' ? `exited with ${error.code}` : errorText(error);
        reject(new Error(`command ${file} ${why}${tail ? `: ${tail}` : ''}`));
      },
    );
  });
}

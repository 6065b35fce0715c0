import { z } from 'zod';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import { describeIssue, type AgentOutcome, type AgentRun, type JsonValue } from './types';
import { errorText } from '../../shared/error-text';

export const httpConfigSchema = z.object({
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
  url: z.url({ protocol: /^https?$/ }),
  headers: z.record(z.string(), z.string()).default({}),
  /** A string is sent as is; anything else as JSON. */
  body: z.json().optional(),
  timeoutMs: z.number().int().positive().max(3600_000).default(30_000),
  /** The status (or statuses) that count as success; any 2xx when absent. */
  expectStatus: z.union([z.number().int(), z.array(z.number().int()).min(1)]).optional(),
  maxBodyBytes: z.number().int().min(0).max(8 * 1024 * 1024).default(256 * 1024),
});
export type HttpConfig = z.infer<typeof httpConfigSchema>;

/** One HTTP call; the response (status, content type, body up to `maxBodyBytes`) is the result. */
export async function runHttp(run: AgentRun): Promise<AgentOutcome> {
  const parsed = httpConfigSchema.safeParse(run.config);
  if (!parsed.success) {
    return { status: 'failed', errorCode: NODE_ERROR_CODES.invalidConfig, errorMessage: `http config ${describeIssue(parsed.error.issues)}` };
  }
  const config = parsed.data;
  const headers = new Headers(config.headers);
  let body: string | undefined;
  if (config.body !== undefined && config.method !== 'GET' && config.method !== 'HEAD') {
    body = typeof config.body === 'string' ? config.body : JSON.stringify(config.body);
    if (typeof config.body !== 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const started = Date.now();
  try {
    const response = await fetch(config.url, { method: config.method, headers, body, signal: AbortSignal.any([run.signal, timeout]), redirect: 'follow' });
    const { text, truncated } = await readCapped(response, config.maxBodyBytes);
    const durationMs = Date.now() - started;
    const contentType = response.headers.get('content-type');
    const result: JsonValue = {
      status: response.status,
      statusText: response.statusText,
      contentType,
      body: decodeBody(text, contentType, truncated),
      truncated,
      durationMs,
    };
    run.emit.log('info', 'system', `${config.method} ${config.url} → ${response.status} ${response.statusText} in ${durationMs} ms`);
    const expected = config.expectStatus === undefined ? null : ([] as number[]).concat(config.expectStatus);
    const ok = expected === null ? response.status >= 200 && response.status < 300 : expected.includes(response.status);
    if (ok) return { status: 'completed', result };
    return {
      status: 'failed',
      result,
      errorCode: NODE_ERROR_CODES.httpStatus,
      errorMessage: `${config.method} ${config.url} answered ${response.status}; expected ${expected === null ? 'a 2xx status' : expected.join(' or ')}`,
    };
  } catch (error) {
    if (run.signal.aborted) return { status: 'failed' };
    if (timeout.aborted) {
      return { status: 'failed', errorCode: NODE_ERROR_CODES.httpTimeout, errorMessage: `${config.method} ${config.url}: no response within ${config.timeoutMs} ms` };
    }
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const message = cause ? `${errorText(error)}: ${cause}` : errorText(error);
    return { status: 'failed', errorCode: NODE_ERROR_CODES.httpError, errorMessage: `${config.method} ${config.url}: ${message}` };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

function decodeBody(text: string, contentType: string | null, truncated: boolean): JsonValue {
  if (!truncated && contentType !== null && /[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}

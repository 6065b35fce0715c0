import type { IncomingMessage } from 'node:http';
import { errorText } from '../../../../shared/error-text';
import { locateJsonSyntaxError } from '../../workflow/json-syntax';
import { restError } from './envelope';

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

function tooLarge(limit: number): Error {
  return restError('PAYLOAD_TOO_LARGE', `the request body is larger than ${describeBytes(limit)}, the most this host accepts`, { Connection: 'close' });
}

/**
 * A request's JSON body, or undefined when it has none. Counted before it is kept: a body
 * announced or found larger than `limit` is refused (413) without reading the rest; text that
 * is not JSON is refused (400) naming the line, column and offset where it breaks.
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = request.headers['content-type'];
  if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
    throw restError('UNSUPPORTED_MEDIA_TYPE', `the body must be JSON (Content-Type: application/json), not ${type}`);
  }
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const found = locateJsonSyntaxError(text);
    const where = found ? `${found.message}, at line ${found.line}, column ${found.column} (offset ${found.offset})` : errorText(error);
    throw restError('INVALID_ARGUMENT', `the request body is not valid JSON: ${where}`);
  }
}

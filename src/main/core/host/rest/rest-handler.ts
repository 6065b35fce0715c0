import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleApi } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { errorText } from '../../../../shared/error-text';
import type { Logger } from '../../../../shared/logger';
import { dispatch } from '../../service/dispatch';
import { toApiError } from '../../service/api-errors';
import { credentialForToken, type HostCredential } from '../auth';
import type { HostSession } from '../headless-host';
import type { LoginLimiter } from '../login-limiter';
import { SessionLimits, type SessionLimitOptions } from '../session-limits';
import { RestError, restError, sendError, sendSuccess } from './envelope';
import { readJsonBody } from './read-body';
import { REST_PREFIX, Router, type CallApi, type RestRoute } from './router';
import { REST_ROUTES } from './routes';

export interface RestHandlerOptions {
  credentials: readonly HostCredential[];
  /** The host's brakes on guessing tokens, shared with its socket. */
  logins: LoginLimiter;
  apiFor: (session: HostSession) => ConsoleApi;
  /** Largest request body read; a larger one is refused before it is parsed. */
  maxBodyBytes: number;
  sessionLimits?: SessionLimitOptions;
  logger: Logger;
  routes?: readonly RestRoute[];
}

/** Requests under /api/ are the REST API's (an unknown one gets its envelope, not the static 404). */
export function isRestRequest(url: string | undefined): boolean {
  return (url ?? '').startsWith('/api/');
}

/**
 * The REST API over the ConsoleApi: `Authorization: Bearer <token>` with the host's tokens
 * (viewers may only GET), each call through the same dispatcher and per-token limits as a
 * socket session, and every answer in the envelope.
 */
export function createRestHandler(options: RestHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const router = new Router(options.routes ?? REST_ROUTES);
  const limits = new Map<HostCredential, SessionLimits>();
  const limitsFor = (credential: HostCredential) => {
    let found = limits.get(credential);
    if (!found) limits.set(credential, (found = new SessionLimits(options.sessionLimits)));
    return found;
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const credential = authenticate(request, options);
    const method = request.method ?? '';
    let pathname: string;
    let match: ReturnType<Router['match']>;
    const url = new URL(request.url ?? '/', 'http://host');
    try {
      pathname = url.pathname;
      match = router.match(method, pathname);
    } catch {
      throw restError('INVALID_ARGUMENT', `the request path ${request.url ?? ''} is not validly percent-encoded`);
    }
    if (match === null) throw restError('NOT_FOUND', `there is no route ${method} ${pathname} (the API is under ${REST_PREFIX}/, see docs/openapi.json)`);
    if ('allowed' in match) {
      throw restError('METHOD_NOT_ALLOWED', `${pathname} takes ${match.allowed.join(' or ')}, not ${method}`, { Allow: match.allowed.join(', ') });
    }
    if (match.route.method !== 'GET' && credential.role !== 'operator') {
      throw restError('FORBIDDEN', `${method} ${pathname} changes the deduction and needs an operator token; this token is a viewer's, which may only GET`);
    }
    const body = match.route.method === 'POST' ? await readJsonBody(request, options.maxBodyBytes) : undefined;
    const api = options.apiFor({ role: credential.role, operator: credential.name });
    const sessionLimits = limitsFor(credential);
    const call: CallApi = async (apiMethod, ...args) => {
      const outcome = await sessionLimits.run(apiMethod, () => dispatch(api, apiMethod, args, credential.role));
      if (outcome.ok) return outcome.result as never;
      const { code, message, details, reason } = outcome.error;
      throw new ApiError(code, message, { details, ...(reason !== undefined && { reason }) });
    };
    sendSuccess(response, await match.route.handle({ params: match.params, query: url.searchParams, body, call }));
  };

  return (request, response) => {
    serve(request, response).catch((error: unknown) => {
      const refusal = error instanceof RestError ? error : new RestError(toApiError(error).toBody());
      if (refusal.status >= 500) options.logger.error(`REST ${request.method ?? ''} ${request.url ?? ''}: ${errorText(error)}`);
      sendError(response, refusal);
    });
  };
}

/** The credential of the request's bearer token; a wrong token counts as a failed login, as on the socket. */
function authenticate(request: IncomingMessage, options: RestHandlerOptions): HostCredential {
  const address = request.socket.remoteAddress ?? 'unknown';
  const verdict = options.logins.check(address);
  if (!verdict.allowed) {
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    throw restError('TOO_MANY_REQUESTS', `too many failed logins from this address; try again in ${seconds} s`, { 'Retry-After': String(seconds) });
  }
  const header = request.headers.authorization;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="deduction"' };
  if (header === undefined) throw restError('UNAUTHENTICATED', 'a token is required: send the header Authorization: Bearer <token>', challenge);
  const token = /^Bearer +(\S+)\s*$/i.exec(header)?.[1];
  const credential = credentialForToken(token, options.credentials);
  if (!credential) {
    options.logins.failed(address);
    throw restError('UNAUTHENTICATED', token === undefined ? 'the Authorization header must be "Bearer <token>"' : 'the token is not valid', challenge);
  }
  options.logins.succeeded(address);
  return credential;
}

import type { ConsoleApi, ConsoleMethodName } from '../../../../shared/api/contract';

/** Where the REST API lives on the host; every route's path is under it. */
export const REST_PREFIX = '/api/v1/deduction';

export type RestMethod = 'GET' | 'POST';

/** One ConsoleApi call, through the dispatcher: it resolves with the result or throws the ApiError the socket would answer. */
export type CallApi = <M extends ConsoleMethodName>(method: M, ...args: Parameters<ConsoleApi[M]>) => Promise<Awaited<ReturnType<ConsoleApi[M]>>>;

export interface RouteRequest {
  /** Path parameters by name, percent-decoded. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body (POST only); undefined when there is none. */
  body: unknown;
  call: CallApi;
}

/**
 * One entry of the route table: a method, a path under REST_PREFIX with `{name}` parameters,
 * and what it answers as `data`. A route only shapes the request into ConsoleApi calls and
 * their results into its answer; what an operation does, and who may do it, is the ConsoleApi's.
 */
export interface RestRoute {
  method: RestMethod;
  path: string;
  /** The OpenAPI operationId that documents it (docs/openapi.json). */
  operationId: string;
  handle(request: RouteRequest): Promise<unknown>;
}

interface CompiledRoute {
  route: RestRoute;
  pattern: RegExp;
  names: string[];
  params: number;
}

export type RouteMatch = { route: RestRoute; params: Record<string, string> } | { allowed: RestMethod[] } | null;

/** Matches request paths against a route table; a literal segment wins over a parameter. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RestRoute[]) {
    this.compiled = [...routes]
      .sort((a, b) => paramCount(a.path) - paramCount(b.path))
      .map((route) => {
        const names: string[] = [];
        const source = route.path
          .split('/')
          .map((segment) => {
            const param = /^\{(\w+)\}$/.exec(segment);
            if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(param[1]!);
            return '([^/]+)';
          })
          .join('/');
        return { route, pattern: new RegExp(`^${REST_PREFIX}${source}$`), names, params: names.length };
      });
  }

  /**
   * The route for a method and path; the methods the path takes when none matches the method;
   * null for no such path. Only the routes with the fewest parameters that match the path
   * count: /task/create is that route's, never /task/{task_id}'s.
   */
  match(method: string, pathname: string): RouteMatch {
    const allowed: RestMethod[] = [];
    let fewest: number | undefined;
    for (const { route, pattern, names, params: count } of this.compiled) {
      if (fewest !== undefined && count > fewest) break;
      const found = pattern.exec(pathname);
      if (!found) continue;
      fewest = count;
      if (route.method !== method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1]!)));
      return { route, params };
    }
    return allowed.length > 0 ? { allowed } : null;
  }
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

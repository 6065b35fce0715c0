import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * The connection runs with safe integers, so SQLite's 64-bit integers arrive as bigint.
 * Id columns (`id`, `*_id`) become decimal strings, exact at every edge; every other integer
 * (counters, times, batches) fits a JavaScript number and becomes one.
 */
export function isIdColumn(name: string): boolean {
  return name === 'id' || name.endsWith('_id');
}

export function mapRow<T>(row: Record<string, unknown>): T {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (typeof value === 'bigint') {
      row[key] = isIdColumn(key) ? value.toString() : toSafeNumber(key, value);
    }
  }
  return row as T;
}

function toSafeNumber(column: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`column ${column} holds ${value}, beyond exact JavaScript numbers; read it as an id column`);
  }
  return Number(value);
}

/** Applies mapRow to every result kysely's asynchronous API returns. */
export class RowMappingPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve({ ...args.result, rows: args.result.rows.map((row) => mapRow<UnknownRow>({ ...row })) });
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
export function bindable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

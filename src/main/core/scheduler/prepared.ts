import type { Compilable, CompiledQuery } from 'kysely';

const SLOT_PREFIX = '\u0000slot:';

/** A named parameter of a statement compiled once; stands in for any column type. */
export function slot<T = never>(name: string): T {
  return `${SLOT_PREFIX}${name}` as unknown as T;
}

/** Binds values (in the order of the names given to compileOnce) to a compiled statement. */
export type Bind<R = unknown> = (values: readonly unknown[]) => Compilable<R>;

/**
 * Compiles a kysely query built with `slot(...)` parameters once. Each bind hands the store's
 * synchronous helpers the same SQL text (so they reuse their prepared statement) with new
 * values, skipping kysely's query building and compiling on the scheduler's hot path.
 */
export function compileOnce<R>(query: Compilable<R>, names: readonly string[]): Bind<R> {
  const compiled = query.compile();
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const positions = compiled.parameters.map((parameter) => {
    const name = typeof parameter === 'string' && parameter.startsWith(SLOT_PREFIX) ? parameter.slice(SLOT_PREFIX.length) : undefined;
    const index = name === undefined ? undefined : indexOf.get(name);
    if (index === undefined) throw new Error(`compileOnce: parameter ${JSON.stringify(parameter)} of "${compiled.sql}" is not one of the named slots`);
    return index;
  });
  return (values) => {
    const parameters = new Array<unknown>(positions.length);
    for (let at = 0; at < positions.length; at++) parameters[at] = values[positions[at]!];
    const query: CompiledQuery<R> = { ...compiled, parameters };
    return { compile: () => query };
  };
}

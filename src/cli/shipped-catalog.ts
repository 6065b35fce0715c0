import type { AgentCatalogEntry } from '../shared/engine/protocol';
import { loadCatalog } from '../engine/catalog';
import { findShippedDir } from '../main/core/paths';
import type { CliIo } from './io';

/**
 * The agent catalog the embedded Engine would load (the catalog/ folder shipped with the
 * app), for checking agent configs before anything runs. A manifest the Engine would skip is
 * reported on stderr, as the Engine would log it.
 */
export function shippedCatalog(io: CliIo): AgentCatalogEntry[] {
  const report = (message: string) => io.err(`warning: ${message}`);
  return loadCatalog(findShippedDir('catalog') ?? null, { debug: () => undefined, info: () => undefined, warn: report, error: report }).entries();
}

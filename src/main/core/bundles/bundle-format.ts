import { createHash } from 'node:crypto';
import { z } from 'zod';
import { idSchema } from '../../../shared/ids';

/**
 * The run bundle format: one task's rows as NDJSON, to carry a deduction's results between
 * offline workstations. Line 1 is the header; then one `{"t": table, "r": row, "h": link}` line
 * per row, tables in RUN_TABLES order; the last line is `{"end": {...}}`.
 *
 * The links chain SHA-256 over the lines: the chain starts as the hash of the header line and
 * each row line moves it to sha256(previous state ‖ the line without its link); a row carries
 * the first 16 hex digits of the state after it, so a changed, added, removed or moved row is
 * named by the first line whose link no longer matches. The end line holds the whole final
 * state (the bundle's digest), the row count, and optionally a signature of the digest.
 * Version 1 bundles had neither links nor an end line.
 */
export const RUN_BUNDLE_FORMAT = 'deduction-run';
export const RUN_BUNDLE_VERSION = 2;
export const LEGACY_BUNDLE_VERSION = 1;
/** A bundle is imported in one transaction; beyond this, refuse before reading it. */
export const RUN_BUNDLE_MAX_BYTES = 400 * 1024 * 1024;
/** The longest line read: a task's workflow snapshot is its largest row. */
export const RUN_BUNDLE_MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Tables in the order rows must come (and be inserted, for their foreign keys to hold). */
export const RUN_TABLES = ['deduction_task', 'deduction_task_snapshot', 'workflow_node', 'node_dependency', 'node_execution', 'node_execution_log', 'node_state_transition', 'resource_sample', 'task_bookmark'] as const;
export type RunTable = (typeof RUN_TABLES)[number];

/** Task columns that describe the database holding the task, not the run: never exported, set on import. */
export const LOCAL_TASK_COLUMNS = ['imported_at', 'import_digest'] as const;

export const headerSchema = z.object({
  format: z.literal(RUN_BUNDLE_FORMAT),
  version: z.union([z.literal(RUN_BUNDLE_VERSION), z.literal(LEGACY_BUNDLE_VERSION)]),
  schemaVersion: z.int().min(1),
  taskId: idSchema,
  exportedAt: z.int(),
  counts: z.partialRecord(z.enum(RUN_TABLES), z.int().min(0)),
});
export type BundleHeader = z.infer<typeof headerSchema>;

export const rowLineSchema = z.object({ t: z.enum(RUN_TABLES), r: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) });
export type RowLine = z.infer<typeof rowLineSchema>;

export const SIGNATURE_ALGORITHMS = ['ed25519', 'hmac-sha256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export const endLineSchema = z.object({
  end: z.object({
    rows: z.int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    signature: z.object({ alg: z.enum(SIGNATURE_ALGORITHMS), value: z.string().max(1000) }).optional(),
  }),
});
export type EndLine = z.infer<typeof endLineSchema>;

const LINK_DIGITS = 16;
const LINK_SUFFIX = new RegExp(`,"h":"([0-9a-f]{${LINK_DIGITS}})"}$`);

/** The SHA-256 chain over a bundle's lines (see the file comment). */
export class DigestChain {
  private state: Buffer;

  constructor(headerLine: string) {
    this.state = createHash('sha256').update(headerLine).digest();
  }

  /** Moves the chain over one row line (without its link) and returns the link it must carry. */
  link(body: string): string {
    this.state = createHash('sha256').update(this.state).update(body).digest();
    return this.state.toString('hex', 0, LINK_DIGITS / 2);
  }

  get digest(): string {
    return this.state.toString('hex');
  }
}

/** `{"t":…,"r":…}` with its link appended as `"h"`. */
export function withLink(body: string, link: string): string {
  return `${body.slice(0, -1)},"h":"${link}"}`;
}

/** A row line split into the text its link covers and the link; null when it carries none. */
export function splitLink(line: string): { body: string; link: string } | null {
  const match = LINK_SUFFIX.exec(line);
  if (!match) return null;
  return { body: `${line.slice(0, match.index)}}`, link: match[1]! };
}

/** What a signature signs: the digest, named as a run bundle's so that it means nothing elsewhere. */
export function signedText(digest: string): Buffer {
  return Buffer.from(`${RUN_BUNDLE_FORMAT}/${RUN_BUNDLE_VERSION} sha256:${digest}`);
}

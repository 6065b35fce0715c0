import type { z } from 'zod';
import { BundleError } from './bundle-error';
import {
  DigestChain,
  endLineSchema,
  headerSchema,
  LEGACY_BUNDLE_VERSION,
  rowLineSchema,
  RUN_BUNDLE_MAX_BYTES,
  RUN_BUNDLE_MAX_LINE_BYTES,
  RUN_TABLES,
  signedText,
  splitLink,
  type BundleHeader,
  type EndLine,
  type RowLine,
  type RunTable,
} from './bundle-format';
import type { BundleKey } from './bundle-key';
import { BundleRows, type NodeCounts } from './bundle-rows';
import { readLines } from './line-reader';
import { errorText } from '../../../shared/error-text';

export interface ReadBundleOptions {
  /** The columns this database has, per table. */
  columns: ReadonlyMap<RunTable, ReadonlySet<string>>;
  /** This database's schema version: a bundle of a newer one is refused. */
  schemaVersion: number;
  /** Checks the bundle's signature: an unsigned bundle, or one signed otherwise, is refused. */
  key?: BundleKey;
  /** Reads a version 1 bundle, which carries no digest to check. */
  allowUndigested?: boolean;
}

/** `verified` with the key given; `unchecked` when signed but no key was given; `none` when unsigned. */
export type SignatureCheck = 'verified' | 'unchecked' | 'none';

export interface BundleContent {
  header: BundleHeader;
  /** The SHA-256 chain over the lines: the bundle's identity, also for a version 1 bundle. */
  digest: string;
  signature: SignatureCheck;
  counts: Record<RunTable, number>;
  nodeCounts: NodeCounts;
}

/**
 * Reads a bundle line by line and checks all of it: the header, every row's digest link and
 * what BundleRows checks, the end line's row count, digest and signature, the header's counts.
 * `onRow` sees each row once it passed its own checks; whatever it does must be undone by the
 * caller when this throws later (the import runs it inside a transaction).
 */
export function readBundle(file: string, options: ReadBundleOptions, onRow?: (row: RowLine, line: number) => void): BundleContent {
  let header: BundleHeader | null = null;
  let chain: DigestChain | null = null;
  let rows: BundleRows | null = null;
  let end: EndLine['end'] | null = null;
  let signature: SignatureCheck = 'none';
  let rowCount = 0;
  let lastLine = 0;
  readLines(file, 'run bundle', { maxBytes: RUN_BUNDLE_MAX_BYTES, maxLineBytes: RUN_BUNDLE_MAX_LINE_BYTES }, (text, line) => {
    lastLine = line;
    if (header === null || chain === null || rows === null) {
      header = readHeader(file, text, line, options);
      chain = new DigestChain(text);
      rows = new BundleRows(file, header.taskId, options.columns);
      return;
    }
    if (end !== null) throw new BundleError(file, line, 'a line after the end line: a bundle ends with its end line');
    const json = parseJson(file, text, line);
    const legacy = header.version === LEGACY_BUNDLE_VERSION;
    if (!legacy && typeof json === 'object' && json !== null && 'end' in json) {
      end = validate(endLineSchema, json, file, line).end;
      signature = checkEnd(file, line, end, rowCount, chain.digest, options.key);
      return;
    }
    if (legacy) {
      chain.link(text);
    } else {
      const split = splitLink(text);
      if (!split) throw new BundleError(file, line, 'this row carries no digest link ("h" at the end of the line): it was edited, or written by something else');
      if (chain.link(split.body) !== split.link) {
        throw new BundleError(file, line, "this row does not match the bundle's digest: it was changed, or a row before it was added, removed or moved");
      }
    }
    const row = validate(rowLineSchema, json, file, line);
    rows.check(row, line);
    rowCount++;
    onRow?.(row, line);
  });
  const done = finish(file, lastLine, header, chain, rows, end);
  return { ...done, signature };
}

function finish(file: string, lastLine: number, header: BundleHeader | null, chain: DigestChain | null, rows: BundleRows | null, end: EndLine['end'] | null): Omit<BundleContent, 'signature'> {
  if (header === null || chain === null || rows === null) throw new BundleError(file, null, 'the file is empty; it is not a run bundle');
  const { version, counts: promised } = header;
  if (version !== LEGACY_BUNDLE_VERSION && end === null) throw new BundleError(file, lastLine, 'the bundle ends here without its end line: it was cut short');
  const bundleRows = rows;
  bundleRows.finish(lastLine);
  for (const table of RUN_TABLES) {
    const expected = promised[table] ?? 0;
    const actual = bundleRows.counts[table];
    if (actual !== expected) throw new BundleError(file, null, `the bundle is incomplete: its header promises ${expected} ${table} rows, it holds ${actual}`);
  }
  return { header, digest: chain.digest, counts: bundleRows.counts, nodeCounts: bundleRows.nodeCounts };
}

function readHeader(file: string, text: string, line: number, options: ReadBundleOptions): BundleHeader {
  const header = validate(headerSchema, parseJson(file, text, line), file, line, ' (is this a run bundle?)');
  if (header.schemaVersion > options.schemaVersion) {
    throw new BundleError(file, line, `the bundle was exported by a newer Deduction Console (schema ${header.schemaVersion}; this app knows up to ${options.schemaVersion})`);
  }
  if (header.version === LEGACY_BUNDLE_VERSION) {
    if (options.key) throw new BundleError(file, line, 'this is a version 1 bundle, which carries no signature to check against the key');
    if (!options.allowUndigested) {
      throw new BundleError(
        file,
        line,
        'this is a version 1 bundle, which carries no digest, so nothing can tell whether it was changed; export it again with this version, or pass --allow-undigested to import it anyway (as read-only history, every row still checked)',
      );
    }
  }
  return header;
}

function checkEnd(file: string, line: number, end: EndLine['end'], rowCount: number, digest: string, key: BundleKey | undefined): SignatureCheck {
  if (end.rows !== rowCount) throw new BundleError(file, line, `the end line counts ${end.rows} rows, the bundle holds ${rowCount}: rows were removed or added`);
  if (end.sha256 !== digest) throw new BundleError(file, line, "the bundle's digest in its end line does not match its rows");
  if (!key) return end.signature ? 'unchecked' : 'none';
  if (!end.signature) throw new BundleError(file, line, `the bundle is not signed, and a key (${key.file}) was given to check its signature`);
  if (end.signature.alg !== key.alg) throw new BundleError(file, line, `the bundle is signed with ${end.signature.alg}, but the key in ${key.file} is an ${key.alg} key`);
  if (!key.verify(signedText(digest), end.signature.value)) {
    throw new BundleError(file, line, `the bundle's signature does not match the key in ${key.file}: it was signed with another key, or changed after it was signed`);
  }
  return 'verified';
}

function parseJson(file: string, text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BundleError(file, line, `not JSON (${errorText(error)})`);
  }
}

function validate<T>(schema: z.ZodType<T>, json: unknown, file: string, line: number, hint = ''): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BundleError(file, line, `${issue.path.join('.') || 'line'}: ${issue.message}${hint}`);
  }
  return parsed.data;
}

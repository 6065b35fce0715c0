import type { Command } from 'commander';
import { BundleError } from '../main/core/bundles/bundle-error';
import { readBundleKey } from '../main/core/bundles/bundle-key';
import { exportRun } from '../main/core/bundles/export-run';
import { importRun, type RunImportResult } from '../main/core/bundles/import-run';
import { requireShippedDir } from '../main/core/paths';
import { openStore } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import type { CliIo } from './io';
import { dbOption } from './db-option';

/** Carrying one task's results between offline workstations. */
export const registerRunBundles: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('export-run')
    .description(describeCommand('export-run'))
    .argument('<task>', 'the task id')
    .requiredOption('--out <file>', 'the bundle to create (must not exist)')
    .option('--key <file>', 'sign the bundle: an Ed25519 private key (PEM), or a shared secret file of at least 32 bytes (HMAC-SHA256)')
    .addOption(dbOption())
    .action(async (task: string, options: { out: string; key?: string; db: string }) => {
      const key = bundleErrorsExit2(io, exit, () => (options.key ? readBundleKey(options.key) : null));
      if (key === FAILED) return;
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        bundleErrorsExit2(io, exit, () => {
          const result = exportRun(store, task, options.out, key ? { key } : {});
          const rows = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
          io.out(`exported task ${task} to ${result.file}: ${rows} rows (${result.counts.node_execution_log} log lines), sha256 ${result.digest}${result.signed ? `, signed (${key?.alg})` : ''}`);
          exit(0);
        });
      } finally {
        store.close();
      }
    });

  program
    .command('import-run')
    .description(describeCommand('import-run'))
    .argument('<file>', 'the bundle')
    .option('--key <file>', "check the bundle's signature: the exporter's Ed25519 public key (PEM), or the shared secret file it was signed with")
    .option('--allow-undigested', 'import a version 1 bundle, which carries no digest to check')
    .addOption(dbOption())
    .action(async (file: string, options: { key?: string; allowUndigested?: boolean; db: string }) => {
      const key = bundleErrorsExit2(io, exit, () => (options.key ? readBundleKey(options.key) : null));
      if (key === FAILED) return;
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        bundleErrorsExit2(io, exit, () => {
          const result = importRun(store, file, { ...(key ? { key } : {}), allowUndigested: options.allowUndigested === true });
          io.out(describeImport(result, file, options.db));
          exit(0);
        });
      } finally {
        store.close();
      }
    });
};

function describeImport(result: RunImportResult, file: string, db: string): string {
  if (result.status === 'already-present') return `task ${result.taskId} is already in ${db} from this bundle; nothing changed`;
  const signature = { verified: 'signature verified', unchecked: 'signed; the signature was not checked: give --key to check it', none: 'not signed' }[result.signature];
  return `imported task ${result.taskId} from ${file} as read-only history: ${result.counts.workflow_node} nodes, ${result.counts.node_execution_log} log lines; sha256 ${result.digest} (${signature})`;
}

const FAILED = Symbol('failed');

/** Runs `body`; an invalid bundle or key is reported and exits 2 (then FAILED). */
function bundleErrorsExit2<T>(io: CliIo, exit: (code: number) => void, body: () => T): T | typeof FAILED {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    io.err(`deduction: ${error.message}`);
    exit(2);
    return FAILED;
  }
}

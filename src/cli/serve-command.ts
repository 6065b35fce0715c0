import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { HOST_TOKEN_PARAM } from '../shared/api/host-protocol';
import { startHeadlessHost } from '../main/core/host/headless-host';
import { findShippedDir, requireShippedDir } from '../main/core/paths';
import { systemHtmlToPdf } from '../main/core/report/chromium-pdf';
import { startConsoleRuntime } from '../main/core/runtime';
import pkg from '../../package.json' with { type: 'json' };
import type { CommandRegistrar } from './index';
import { dbOption } from './db-option';
import { engineLossLimitOption, engineWaitOption, engineWaitRuntimeOptions, type EngineWaitFlags } from './engine-options';
import { stopSignal } from './stop-signal';

interface ServeOptions extends EngineWaitFlags {
  port: string;
  host: string;
  allowRemote?: boolean;
  token?: string;
  viewerToken?: string;
  db: string;
}

/** Runs until the process is asked to stop (Ctrl+C, SIGTERM), then closes everything in order. */
export const registerServe: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('serve')
    .description('serve the console to browsers: watch (viewer token) or drive (operator token) live deductions')
    .option('--port <port>', 'TCP port (0 picks a free one)', '7400')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--allow-remote', 'allow binding to an address other than loopback')
    .option('--token <token>', 'operator token (default: a new random one, printed)')
    .option('--viewer-token <token>', 'read-only token for viewers (default: a new random one, printed)')
    .addOption(engineWaitOption())
    .addOption(engineLossLimitOption())
    .addOption(dbOption())
    .action(async (options: ServeOptions) => {
      const stopped = stopSignal();
      const operator = options.token ?? randomBytes(18).toString('base64url');
      const viewer = options.viewerToken ?? randomBytes(18).toString('base64url');
      const htmlToPdf = systemHtmlToPdf();
      const runtime = await startConsoleRuntime({
        dbFile: options.db,
        migrationsDir: requireShippedDir('migrations'),
        appName: 'Deduction Console',
        version: pkg.version,
        processLabel: 'deduction serve',
        htmlToPdf,
        ...engineWaitRuntimeOptions(options, io),
      });
      const staticDir = findShippedDir('out/renderer') ?? findShippedDir('renderer');
      const host = await startHeadlessHost({
        apiFor: (session) => runtime.apiFor(session.operator, session.role),
        events: runtime.events,
        tokens: { operator, viewer },
        staticDir,
        host: options.host,
        port: Number(options.port),
        allowRemote: options.allowRemote === true,
      }).catch(async (error: unknown) => {
        await runtime.close();
        throw error;
      });
      if (!staticDir) io.err('the built renderer was not found (run `npm run build`); serving the API only');
      if (!htmlToPdf) io.err('no Chromium or Chrome was found (set CHROMIUM_PATH): run reports export as HTML and CSV, not PDF');
      io.out(`Deduction Console is served at ${host.url}`);
      io.out(`  operator: ${host.url}/#${HOST_TOKEN_PARAM}=${operator}`);
      io.out(`  viewer:   ${host.url}/#${HOST_TOKEN_PARAM}=${viewer}`);
      io.out('Press Ctrl+C to stop.');
      await stopped;
      await host.close();
      await runtime.close();
      io.out('stopped');
      exit(0);
    });
};

import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { HOST_TOKEN_PARAM } from '../shared/api/host-protocol';
import { hostCredentials, type HostCredential, type HostTokens } from '../main/core/host/auth';
import { normalizeOrigin } from '../main/core/host/origin-check';
import { startHeadlessHost } from '../main/core/host/headless-host';
import { readTokenFile } from '../main/core/host/token-file';
import { findShippedDir, requireShippedDir } from '../main/core/paths';
import { systemHtmlToPdf } from '../main/core/report/chromium-pdf';
import { startConsoleRuntime } from '../main/core/runtime';
import pkg from '../../package.json' with { type: 'json' };
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import { engineLossLimitOption, engineWaitOption, engineWaitRuntimeOptions, type EngineWaitFlags } from './engine-options';
import { stopSignal } from './stop-signal';
import { errorText } from '../shared/error-text';

interface ServeOptions extends EngineWaitFlags {
  port: string;
  host: string;
  allowRemote?: boolean;
  token?: string;
  viewerToken?: string;
  tokenFile?: string;
  operatorName: string;
  allowOrigin: string[];
  db: string;
}

/** Where a token came from: only one the console made up itself is printed. */
type Source = 'generated' | 'option' | 'environment';

interface Token {
  value: string;
  source: Source;
}

/** The first of: the option, the environment variable, a new random token unless a token file stands in for it. */
function pickToken(option: string | undefined, variable: string, generate: boolean): Token | undefined {
  if (option !== undefined) return { value: option, source: 'option' };
  const fromEnvironment = process.env[variable];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { value: fromEnvironment, source: 'environment' };
  return generate ? { value: randomBytes(18).toString('base64url'), source: 'generated' } : undefined;
}

interface ChosenTokens {
  operator?: Token;
  viewer?: Token;
  named: HostCredential[];
  tokens: HostTokens;
}

/** The host's tokens from the options, the environment and the token file, checked (throws naming what is wrong). */
function chooseTokens(options: ServeOptions): ChosenTokens {
  const named = options.tokenFile === undefined ? [] : readTokenFile(options.tokenFile);
  const generate = options.tokenFile === undefined;
  const operator = pickToken(options.token, 'DEDUCTION_TOKEN', generate);
  const viewer = pickToken(options.viewerToken, 'DEDUCTION_VIEWER_TOKEN', generate);
  const tokens: HostTokens = {
    ...(operator ? { operator: operator.value, operatorName: options.operatorName } : {}),
    ...(viewer ? { viewer: viewer.value } : {}),
    named,
  };
  hostCredentials(tokens);
  return { ...(operator ? { operator } : {}), ...(viewer ? { viewer } : {}), named, tokens };
}

/** Runs until the process is asked to stop (Ctrl+C, SIGTERM), then closes everything in order. */
export const registerServe: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('serve')
    .description(describeCommand('serve'))
    .option('--port <port>', 'TCP port (0 picks a free one)', '7400')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--allow-remote', 'allow binding to an address other than loopback')
    .option('--token <token>', 'operator token, 16 characters or more (default: $DEDUCTION_TOKEN, else a new random one, printed); visible to other users in the process list')
    .option('--viewer-token <token>', 'read-only token for viewers, 16 characters or more (default: $DEDUCTION_VIEWER_TOKEN, else a new random one, printed)')
    .option('--token-file <file.json>', 'tokens bound to names: [{"token": "…", "role": "operator" | "viewer", "name": "Li Si"}]')
    .option('--operator-name <name>', 'the name recorded in the audit trail for the operator token', 'operator')
    .option(
      '--allow-origin <origin>',
      'let pages on this origin (https://host[:port]) open the console socket (repeatable); the host’s own origin always may',
      (origin: string, previous: string[]) => [...previous, origin],
      [] as string[],
    )
    .addOption(engineWaitOption())
    .addOption(engineLossLimitOption())
    .addOption(dbOption())
    .action(async (options: ServeOptions) => {
      if (options.token !== undefined || options.viewerToken !== undefined) {
        io.err('warning: a token given on the command line is visible to every user of this machine (ps); use DEDUCTION_TOKEN, DEDUCTION_VIEWER_TOKEN or --token-file');
      }
      let chosen: ChosenTokens;
      try {
        chosen = chooseTokens(options);
        options.allowOrigin.forEach(normalizeOrigin);
      } catch (error) {
        io.err(`deduction serve: ${errorText(error)}`);
        exit(2);
        return;
      }
      const { operator, viewer, named, tokens } = chosen;
      const stopped = stopSignal();
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
        tokens,
        staticDir,
        host: options.host,
        port: Number(options.port),
        allowRemote: options.allowRemote === true,
        allowedOrigins: options.allowOrigin,
      }).catch(async (error: unknown) => {
        await runtime.close();
        throw error;
      });
      if (!staticDir) io.err('the built renderer was not found (run `npm run build`); serving the API only');
      if (!htmlToPdf) io.err('no Chromium or Chrome was found (set CHROMIUM_PATH): run reports export as HTML and CSV, not PDF');
      io.out(`Deduction Console is served at ${host.url}`);
      const shown = (token: Token | undefined, variable: string) =>
        token === undefined ? `${host.url} (tokens from ${options.tokenFile})` : token.source === 'generated' ? `${host.url}/#${HOST_TOKEN_PARAM}=${token.value}` : `${host.url} (token from ${token.source === 'option' ? 'the command line' : variable})`;
      io.out(`  operator: ${shown(operator, 'DEDUCTION_TOKEN')}`);
      io.out(`  viewer:   ${shown(viewer, 'DEDUCTION_VIEWER_TOKEN')}`);
      if (named.length > 0) io.out(`  named tokens: ${named.map((credential) => `${credential.name} (${credential.role})`).join(', ')}`);
      io.out('Press Ctrl+C to stop.');
      await stopped;
      await host.close();
      await runtime.close();
      io.out('stopped');
      exit(0);
    });
};

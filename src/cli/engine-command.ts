import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildCommandPolicy, type CommandPolicy } from '../engine/command-policy';
import { startEngine } from '../engine/server';
import { ENGINE_PROTOCOL_VERSION } from '../shared/engine/protocol';
import { skillSchema } from '../shared/engine/skills';
import type { Logger } from '../shared/logger';
import type { CliIo } from './io';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { stopSignal } from './stop-signal';
import { errorText } from '../shared/error-text';

interface EngineCommandOptions {
  port: string;
  host: string;
  token?: string;
  tokenFile?: string;
  catalog?: string;
  capacity: string;
  id?: string;
  tlsCert?: string;
  tlsKey?: string;
  allowCommand: string[];
  commandPolicy?: string;
  skill: string[];
}

const LOOPBACK = /^(127\.|::1$|localhost$)/;

/** Runs a standalone reference Engine until the process is asked to stop (Ctrl+C, SIGTERM). */
export const registerEngine: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('engine')
    .description(describeCommand('engine'))
    .option('--port <port>', 'TCP port (0 picks a free one)', '7300')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--token <token>', 'the secret consoles must present (default: $DEDUCTION_ENGINE_TOKEN, else a new random one, printed); visible to other users in the process list')
    .option('--token-file <file>', 'read the token from this file (its first line) instead')
    .option('--catalog <dir>', 'folder of agent manifests (default: the catalog shipped with the app)')
    .option('--capacity <n>', 'agent nodes run at once, at most', '64')
    .option('--id <name>', "the Engine's name towards consoles (default: host name and port)")
    .option('--tls-cert <file>', 'PEM certificate: serve https/wss')
    .option('--tls-key <file>', 'PEM private key of the certificate')
    .option(
      '--allow-command <pattern>',
      'let workflows run this program (repeatable): a name (df, python*), an absolute path (/usr/bin/df, /opt/tools/**), docker:IMAGE (docker:alpine:*) or * for any; without it nothing runs',
      (pattern: string, previous: string[]) => [...previous, pattern],
      [] as string[],
    )
    .option('--command-policy <file.json>', 'a file of such patterns: {"allow": ["df", "/usr/bin/*"]}')
    .option(
      '--skill <tag>',
      'a skill this Engine advertises beyond its agents (repeatable): gpu, linux…; nodes requiring skills run only on Engines having them all',
      (tag: string, previous: string[]) => [...previous, tag],
      [] as string[],
    )
    .action(async (options: EngineCommandOptions) => {
      if (options.tokenFile !== undefined) {
        try {
          options.token = readFileSync(options.tokenFile, 'utf8').split(/\r?\n/)[0]!.trim();
        } catch (error) {
          io.err(`deduction engine: cannot read the token file ${options.tokenFile}: ${(error as NodeJS.ErrnoException).code ?? errorText(error)}`);
          exit(2);
          return;
        }
        if (options.token === '') {
          io.err(`deduction engine: the token file ${options.tokenFile} is empty`);
          exit(2);
          return;
        }
      } else if (options.token !== undefined) {
        io.err('warning: a token given on the command line is visible to every user of this machine (ps); use DEDUCTION_ENGINE_TOKEN or --token-file');
      }
      const port = Number(options.port);
      const capacity = Number(options.capacity);
      const problem = check(options, port, capacity);
      if (problem) {
        io.err(`deduction engine: ${problem}`);
        exit(2);
        return;
      }
      let commandPolicy: CommandPolicy;
      try {
        commandPolicy = buildCommandPolicy(options.allowCommand, options.commandPolicy === undefined ? undefined : resolve(options.commandPolicy));
      } catch (error) {
        io.err(`deduction engine: ${errorText(error)}`);
        exit(2);
        return;
      }
      const token = options.token ?? process.env['DEDUCTION_ENGINE_TOKEN'] ?? randomBytes(18).toString('base64url');
      const engine = await startEngine({
        token,
        port,
        host: options.host,
        capacity,
        skills: options.skill,
        commandPolicy,
        logger: cliLogger(io),
        ...(options.id ? { id: options.id } : {}),
        ...(options.catalog ? { catalogDir: resolve(options.catalog) } : {}),
        ...(options.tlsCert && options.tlsKey ? { tls: { cert: readFileSync(options.tlsCert), key: readFileSync(options.tlsKey) } } : {}),
      });
      const stopped = stopSignal();
      const agents = engine.catalog().map((entry) => entry.agentLoad);
      io.out(`Engine ${engine.engineId} listening on ${engine.url} (protocol ${ENGINE_PROTOCOL_VERSION}, capacity ${capacity})`);
      io.out(`  agents: ${agents.join(', ')}`);
      if (options.skill.length > 0) io.out(`  skills: ${[...new Set(options.skill)].join(', ')}`);
      if (!options.token && !process.env['DEDUCTION_ENGINE_TOKEN']) io.out(`  token:  ${token}`);
      io.out(`  commands: ${commandPolicy.allow.length === 0 ? 'none allowed (--allow-command, --command-policy)' : commandPolicy.allow.join(', ')}`);
      io.out('Press Ctrl+C to stop.');
      await stopped;
      await engine.close();
      io.out('stopped');
      exit(0);
    });
};

function check(options: EngineCommandOptions, port: number, capacity: number): string | null {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port must be a port number, got ${options.port}`;
  if (!Number.isInteger(capacity) || capacity < 1) return `--capacity must be a positive whole number, got ${options.capacity}`;
  if (Boolean(options.tlsCert) !== Boolean(options.tlsKey)) return '--tls-cert and --tls-key go together';
  for (const skill of options.skill) {
    const parsed = skillSchema.safeParse(skill);
    if (!parsed.success) return `--skill ${JSON.stringify(skill)}: ${parsed.error.issues[0]!.message}`;
  }
  const token = options.token ?? process.env['DEDUCTION_ENGINE_TOKEN'];
  if (!LOOPBACK.test(options.host) && (token === undefined || token.length < 16)) {
    return `listening on ${options.host} exposes the Engine to the network: give a --token of at least 16 characters`;
  }
  return null;
}

function cliLogger(io: CliIo): Logger {
  return {
    debug: () => undefined,
    info: (message) => io.out(message),
    warn: (message) => io.err(`warning: ${message}`),
    error: (message) => io.err(`error: ${message}`),
  };
}

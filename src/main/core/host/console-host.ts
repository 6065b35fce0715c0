import { randomBytes } from 'node:crypto';
import type { ConsoleApi, ConsoleEvents } from '../../../shared/api/contract';
import type { ConsoleHostStatus } from '../../../shared/api/app-status';
import { HOST_TOKEN_PARAM } from '../../../shared/api/host-protocol';
import { errorText } from '../../../shared/error-text';
import { consoleLogger, type Logger } from '../../../shared/logger';
import type { HostSettings } from '../../../shared/settings/settings';
import type { HostTokens } from './auth';
import { isLoopback, startHeadlessHost, type HeadlessHost, type HostSession } from './headless-host';

export interface ConsoleHostOptions {
  /** The API a host session acts through (bound to its operator's name and role). */
  apiFor: (session: HostSession) => ConsoleApi;
  events: ConsoleEvents;
  /** The operator name recorded for the operator token's sessions. */
  operatorName: () => string;
  /** The host's tokens; by default a new random pair each time the host starts. */
  tokens?: () => { operator: string; viewer: string };
  /** Folder of the built renderer; without it only the API and socket are served. */
  staticDir?: string;
  logger?: Logger;
}

/**
 * The desktop app's opt-in "share this console" host: starts the headless host when its
 * settings enable it and stops or restarts it when they change, keeping the links (with their
 * tokens) for the app's own window to show.
 */
export interface ConsoleHost {
  /** Brings the host in line with the settings; a host that cannot start is reported, not thrown. */
  apply(settings: HostSettings): Promise<ConsoleHostStatus>;
  status(): ConsoleHostStatus;
  /** The local window's API: settings changes take effect at once and the app status carries the host's links. */
  localApi(api: ConsoleApi): ConsoleApi;
  close(): Promise<void>;
}

function randomTokens(): { operator: string; viewer: string } {
  return { operator: randomBytes(18).toString('base64url'), viewer: randomBytes(18).toString('base64url') };
}

function sameSettings(a: HostSettings, b: HostSettings): boolean {
  return a.enabled === b.enabled && a.port === b.port && a.address === b.address && a.allowRemote === b.allowRemote;
}

export function createConsoleHost(options: ConsoleHostOptions): ConsoleHost {
  const logger = options.logger ?? consoleLogger;
  let host: HeadlessHost | undefined;
  let applied: HostSettings | undefined;
  let current: ConsoleHostStatus = { state: 'off' };
  let closed = false;
  // Changes are applied one after another, so a quick off-on never leaves two hosts on one port.
  let queue: Promise<unknown> = Promise.resolve();

  const stop = async () => {
    const running = host;
    host = undefined;
    await running?.close();
  };

  const start = async (settings: HostSettings): Promise<ConsoleHostStatus> => {
    if (!isLoopback(settings.address) && !settings.allowRemote) {
      return { state: 'failed', reason: `the host address ${settings.address} is not loopback: allow remote access to serve this console to the network` };
    }
    const pair = (options.tokens ?? randomTokens)();
    const tokens: HostTokens = { operator: pair.operator, viewer: pair.viewer, operatorName: options.operatorName() };
    try {
      host = await startHeadlessHost({
        apiFor: (session) => withSettingsApplied(options.apiFor(session), true),
        events: options.events,
        tokens,
        ...(options.staticDir !== undefined && { staticDir: options.staticDir }),
        host: settings.address,
        port: settings.port,
        allowRemote: settings.allowRemote,
        logger,
      });
    } catch (error) {
      return { state: 'failed', reason: `cannot serve the console on ${settings.address}:${settings.port}: ${errorText(error)}` };
    }
    return {
      state: 'on',
      url: host.url,
      operatorUrl: `${host.url}/#${HOST_TOKEN_PARAM}=${pair.operator}`,
      viewerUrl: `${host.url}/#${HOST_TOKEN_PARAM}=${pair.viewer}`,
    };
  };

  const apply = (settings: HostSettings): Promise<ConsoleHostStatus> => {
    const next = queue.then(async () => {
      // A change answered just before the app quits must not start the host again.
      if (closed) return current;
      if (applied && sameSettings(applied, settings) && current.state !== 'failed') return current;
      await stop();
      applied = settings;
      current = settings.enabled ? await start(settings) : { state: 'off' };
      if (current.state === 'failed') logger.warn(current.reason ?? 'the console host failed');
      return current;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  /**
   * Any session that may change settings (the window, a host operator) turns the host on or off
   * at once. A host session is answered first: stopping the host waits for its open requests,
   * so waiting for the stop inside one of them would never end.
   */
  function withSettingsApplied(api: ConsoleApi, answerFirst: boolean): ConsoleApi {
    return {
      ...api,
      updateSettings: async (patch) => {
        const settings = await api.updateSettings(patch);
        if (patch.host === undefined) return settings;
        if (answerFirst) setImmediate(() => void apply(settings.host));
        else await apply(settings.host);
        return settings;
      },
    };
  }

  return {
    apply,
    status: () => current,
    localApi: (api) => {
      const applying = withSettingsApplied(api, false);
      return { ...applying, getAppStatus: async () => ({ ...(await api.getAppStatus()), host: current }) };
    },
    async close() {
      closed = true;
      await queue;
      await stop();
      current = { state: 'off' };
    },
  };
}

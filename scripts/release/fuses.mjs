import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

/**
 * The Electron fuses of every packaged build, flipped in the binary after packing and before
 * signing. Off: running the app as plain Node (ELECTRON_RUN_AS_NODE), NODE_OPTIONS and
 * --inspect, each a way to run other code with the app's signature and data, and the extra
 * privileges of file:// pages (the window is served from the app:// protocol, so a file:// page
 * is never the app's own). On: cookies encrypted at rest, the app loaded only from app.asar and
 * that archive checked against the hash embedded at build time (macOS and Windows; Electron
 * ignores it on Linux).
 */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The @electron/fuses configuration for one packed app. Flipping fuses breaks the ad-hoc
 * signature that an Apple silicon binary needs to start at all, so that one is redone there.
 */
export function fuseConfig({ platform, arch }) {
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && (arch === 'arm64' || arch === 'universal'),
  };
  for (const [name, enabled] of Object.entries(FUSES)) config[FuseV1Options[name]] = enabled;
  return config;
}

/** Where electron-builder puts the Electron binary of a packed app, as its own fuse step finds it. */
export function electronBinaryPath({ appOutDir, platform, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

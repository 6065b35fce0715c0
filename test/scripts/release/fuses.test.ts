import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, fuseConfig, FUSES } from '../../../scripts/release/fuses.mjs';

describe('fuse settings', () => {
  it('turn off every way to run other code as the app and file:// privileges, and turn on encryption and asar-only loading', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  it('become an @electron/fuses V1 configuration keyed by wire position', () => {
    const config = fuseConfig({ platform: 'linux', arch: 'x64' }) as unknown as Record<string | number, unknown>;
    expect(config['version']).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot in config).toBe(false);
    expect(config['strictlyRequireAllFuses']).toBeUndefined();
  });

  it('redo the ad-hoc signature on Apple silicon only', () => {
    expect(fuseConfig({ platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ platform: 'darwin', arch: 'universal' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig({ platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ platform: 'linux', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig({ platform: 'win32', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false);
  });
});

describe('the Electron binary of a packed app', () => {
  const app = { appOutDir: join('dist', 'x'), productFilename: 'Deduction Console', executableName: 'deduction-console' };

  it('is the .app on macOS, the .exe on Windows, the executable on Linux', () => {
    expect(electronBinaryPath({ ...app, platform: 'darwin' })).toBe(join('dist', 'x', 'Deduction Console.app'));
    expect(electronBinaryPath({ ...app, platform: 'win32' })).toBe(join('dist', 'x', 'Deduction Console.exe'));
    expect(electronBinaryPath({ ...app, platform: 'linux' })).toBe(join('dist', 'x', 'deduction-console'));
  });
});

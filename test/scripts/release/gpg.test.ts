import { describe, expect, it } from 'vitest';
import { gpgDetachSignCommand, gpgSignTargets } from '../../../scripts/release/gpg.mjs';

describe('GPG signing', () => {
  it('signs the AppImage and the deb, nothing else', () => {
    const artifacts = [
      'dist/deduction-console-0.1.0-linux-x86_64.AppImage',
      'dist/deduction-console_0.1.0_amd64.deb',
      'dist/deduction-console-0.1.0-win-x64.exe',
      'dist/deduction-console-0.1.0-mac-arm64.dmg',
      'dist/deduction-console-0.1.0-linux-x86_64.AppImage.blockmap',
      'dist/latest-linux.yml',
    ];
    expect(gpgSignTargets(artifacts)).toEqual(artifacts.slice(0, 2));
  });

  it('writes an armored detached signature beside the file with the given key, in batch mode', () => {
    expect(gpgDetachSignCommand('0xA1B2C3D4', 'dist/app.AppImage')).toEqual({
      command: 'gpg',
      args: ['--batch', '--yes', '--local-user', '0xA1B2C3D4', '--armor', '--output', 'dist/app.AppImage.asc', '--detach-sign', 'dist/app.AppImage'],
      output: 'dist/app.AppImage.asc',
    });
  });

  it('takes a passphrase on stdin through loopback pinentry, never as an argument', () => {
    const { args } = gpgDetachSignCommand('release@example.org', 'dist/app.deb', { withPassphrase: true });
    expect(args.slice(0, 6)).toEqual(['--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase-fd', '0']);
    expect(args).not.toContain('--passphrase');
  });
});

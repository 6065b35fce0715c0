import { describe, expect, it } from 'vitest';
import { signCommandFor, splitCommand, windowsSignPlan } from '../../../scripts/release/windows-sign.mjs';

describe('splitting the sign command', () => {
  it('splits at whitespace, groups quotes, and keeps backslashes as they are', () => {
    expect(splitCommand('signtool sign /fd sha256 {file}')).toEqual(['signtool', 'sign', '/fd', 'sha256', '{file}']);
    expect(splitCommand('"C:\\Program Files\\Vendor\\sign.exe"  --key \'token slot 1\' {file}')).toEqual([
      'C:\\Program Files\\Vendor\\sign.exe',
      '--key',
      'token slot 1',
      '{file}',
    ]);
    expect(splitCommand('tool --label="a b"c ""')).toEqual(['tool', '--label=a bc', '']);
    expect(splitCommand('  ')).toEqual([]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => splitCommand('tool "unclosed {file}')).toThrow(/unclosed " quote/);
  });
});

describe('the sign command for a file', () => {
  it('puts the file where {file} is, as one argument, whatever it contains', () => {
    const file = 'C:\\build\\dist\\Deduction Console Setup & $(rm -rf) ; 0.1.0.exe';
    expect(signCommandFor('signer --in {file} --out={file}', file)).toEqual({ command: 'signer', args: ['--in', file, `--out=${file}`] });
  });

  it('refuses a command that does not say where the file goes', () => {
    expect(() => signCommandFor('signtool sign /a', 'x.exe')).toThrow(/\{file\}/);
    expect(() => signCommandFor('', 'x.exe')).toThrow(/empty/);
  });
});

describe('the sign plan', () => {
  const target = { file: 'dist/app.exe', hasCertificate: false };

  it('uses the command when one is set, even with a certificate configured', () => {
    expect(windowsSignPlan({ WINDOWS_SIGN_COMMAND: 'token-sign {file}' }, { ...target, hasCertificate: true })).toEqual({
      kind: 'command',
      command: 'token-sign',
      args: ['dist/app.exe'],
    });
  });

  it("hands a certificate-signed build back to electron-builder's signtool", () => {
    expect(windowsSignPlan({}, { ...target, hasCertificate: true })).toEqual({ kind: 'certificate' });
    expect(windowsSignPlan({ WINDOWS_SIGN_COMMAND: '   ' }, { ...target, hasCertificate: true })).toEqual({ kind: 'certificate' });
  });

  it('signs nothing without either, and says why', () => {
    expect(windowsSignPlan({}, target)).toEqual({ kind: 'skip', reason: expect.stringMatching(/not signing dist\/app\.exe: neither WINDOWS_SIGN_COMMAND nor CSC_LINK/) });
  });
});

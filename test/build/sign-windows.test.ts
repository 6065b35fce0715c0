import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp';

type Sign = (configuration: { path: string; cscInfo: unknown }, packager: unknown) => Promise<void>;
const tempDir = useTempDirs();
const sign = async (): Promise<Sign> =>
  ((await import(/* @vite-ignore */ pathToFileURL(join(REPO_ROOT, 'build/sign-windows.mjs')).href)) as { default: Sign }).default;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A "signing tool" that records the arguments it was given, as a hardware token's tool would get them. */
function recordingSigner(dir: string): { command: string; recorded: string } {
  const script = join(dir, 'record-args.mjs');
  const recorded = join(dir, 'args.json');
  writeFileSync(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(recorded)}, JSON.stringify(process.argv.slice(2)));\n`);
  return { command: `"${process.execPath}" "${script}" sign --slot 'token 1' {file}`, recorded };
}

describe('the Windows sign hook', () => {
  it('runs WINDOWS_SIGN_COMMAND without a shell, the file as one argument', async () => {
    const dir = tempDir();
    const { command, recorded } = recordingSigner(dir);
    vi.stubEnv('WINDOWS_SIGN_COMMAND', command);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const file = join(dir, 'Deduction Console Setup; echo pwned > x & 0.1.0.exe');
    await (await sign())({ path: file, cscInfo: null }, {});
    expect(JSON.parse(readFileSync(recorded, 'utf8'))).toEqual(['sign', '--slot', 'token 1', file]);
  });

  it('fails the build when the signing command fails', async () => {
    vi.stubEnv('WINDOWS_SIGN_COMMAND', `"${process.execPath}" -e "process.exit(3)" {file}`);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect((await sign())({ path: 'app.exe', cscInfo: null }, {})).rejects.toThrow();
  });

  it("passes a certificate-signed file to electron-builder's own signing", async () => {
    vi.stubEnv('WINDOWS_SIGN_COMMAND', '');
    const doSign = vi.fn(async () => undefined);
    const configuration = { path: 'app.exe', cscInfo: { file: 'cert.p12' } };
    const packager = { signingManager: { value: Promise.resolve({ doSign }) } };
    await (await sign())(configuration, packager);
    expect(doSign).toHaveBeenCalledWith(configuration, packager);
  });

  it('does nothing without a command or a certificate, and says so', async () => {
    vi.stubEnv('WINDOWS_SIGN_COMMAND', '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await (await sign())({ path: 'app.exe', cscInfo: null }, {});
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not signing app\.exe: neither WINDOWS_SIGN_COMMAND nor CSC_LINK/));
  });
});

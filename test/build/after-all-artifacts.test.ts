import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp';

type Hook = (result: { outDir: string; artifactPaths: string[] }) => Promise<string[]>;
const tempDir = useTempDirs();

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the afterAllArtifactBuild hook', () => {
  it('without a GPG key: writes SHA256SUMS for the artifacts, returns it, and says what it did not sign', async () => {
    vi.stubEnv('GPG_KEY_ID', '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dir = tempDir();
    const artifacts = ['deduction-console-0.1.0-win-x64.exe', 'deduction-console-0.1.0-linux-x86_64.AppImage'].map((name) => join(dir, name));
    for (const file of artifacts) writeFileSync(file, 'bytes');
    const hook = ((await import(/* @vite-ignore */ pathToFileURL(join(REPO_ROOT, 'build/after-all-artifacts.mjs')).href)) as { default: Hook }).default;
    expect(await hook({ outDir: dir, artifactPaths: artifacts })).toEqual([join(dir, 'SHA256SUMS')]);
    expect(readFileSync(join(dir, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}deduction-console-0.1.0-linux-x86_64.AppImage\n[0-9a-f]{64} {2}deduction-console-0.1.0-win-x64.exe\n$/);
    expect(log.mock.calls.flat().join('\n')).toMatch(/GPG_KEY_ID is not set: deduction-console-0.1.0-linux-x86_64.AppImage left without GPG signatures/);
  });
});

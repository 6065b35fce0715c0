import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

describe('the Node floor package.json declares', () => {
  /*
   * npm only warns about a dependency's engines, so an upgrade that needs a newer Node than
   * the one we promise (electron 41.7.2+, @electron/rebuild 4) installs silently and breaks
   * users on that floor later.
   */
  it('is a Node every locked dependency declares it runs on', () => {
    const floor = minVersion(manifest.engines.node);
    expect(floor, `engines.node ${manifest.engines.node}`).not.toBeNull();
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !satisfies(floor!, range) ? [`${path}@${entry.version ?? '?'} wants node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultUserDataDir, findShippedDir } from '../../../src/main/core/paths';
import { MIGRATIONS_DIR } from '../../helpers/paths';

describe('paths', () => {
  it('puts the database where Electron puts userData on each platform', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Deduction Console'));
    expect(defaultUserDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/Deduction Console');
    expect(defaultUserDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/Deduction Console');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/a')).toBe('/xdg/Deduction Console');
  });

  it('finds shipped folders by walking up from the code', () => {
    expect(findShippedDir('migrations')).toBe(MIGRATIONS_DIR.replace(/\/$/, ''));
    expect(findShippedDir('no-such-folder-anywhere-8c1f')).toBeUndefined();
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = resolve(import.meta.dirname, '../../../src/renderer/src');
const PANEL_FOLDERS = ['monitor', 'logs', 'charts', 'alerts', 'report'];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The renderer folders (first path segment under src/renderer/src) a file imports from. */
function importedFolders(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(RENDERER, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!);
}

describe('task panel contracts', () => {
  it('live in task-panels/, which imports none of the panels that receive them', () => {
    const upward = sources(join(RENDERER, 'task-panels')).flatMap((file) =>
      importedFolders(file)
        .filter((folder) => PANEL_FOLDERS.includes(folder))
        .map((folder) => `${relative(RENDERER, file)} → ${folder}/`),
    );
    expect(sources(join(RENDERER, 'task-panels')).length).toBeGreaterThan(0);
    expect(upward).toEqual([]);
  });

  it('panels hosted by the monitor do not import from the monitor (only the app shell assembles it)', () => {
    const hosted = ['logs', 'charts', 'alerts', 'report'].flatMap((folder) => sources(join(RENDERER, folder)));
    const intoMonitor = hosted.filter((file) => importedFolders(file).includes('monitor')).map((file) => relative(RENDERER, file));
    expect(hosted.length).toBeGreaterThan(0);
    expect(intoMonitor).toEqual([]);
  });
});

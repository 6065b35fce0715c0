import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorText } from '../../../shared/error-text';
import type { Clock } from '../scheduler/timers';

export interface ArrivedFile {
  path: string;
  name: string;
  size: number;
}

export interface FolderWatchOptions {
  folder: string;
  /** Matches file names: `*` any run of characters, `?` one; every file when absent. */
  pattern?: string | undefined;
  /** Files last changed at or before this moment were there before the watch: not new. */
  since: number;
  clock: Clock;
  /** How often the folder is read again: fs.watch misses events on some filesystems (network shares, some containers). */
  scanMs: number;
  /** A file counts once its size and modification time have not changed for this long (it stopped growing). */
  settleMs: number;
  onFile(file: ArrivedFile): void;
  /** Why the folder cannot be watched (null: it can again); called when that changes. */
  onProblem(problem: string | null): void;
}

interface Seen {
  size: number;
  mtimeMs: number;
  stableSince: number;
  fired: boolean;
}

/**
 * Watches one folder for new files: fs.watch for promptness, and a scan every scanMs since
 * fs.watch is not reliable everywhere. Each new file matching the pattern is reported once,
 * after it stops growing. A folder that does not exist (yet) is a problem reported, not an
 * error thrown; the watch picks the folder up once it appears.
 */
export class FolderWatch {
  private readonly seen = new Map<string, Seen>();
  private readonly matcher: RegExp | null;
  private watcher: FSWatcher | null = null;
  private timer: unknown = null;
  private scanning = false;
  /** What was last reported; undefined before the first scan. */
  private problem: string | null | undefined;
  private closed = false;

  constructor(private readonly options: FolderWatchOptions) {
    this.matcher = options.pattern === undefined ? null : globToRegExp(options.pattern);
    this.schedule(0);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      void this.scan();
    }, ms);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async scan(): Promise<void> {
    if (this.closed) return;
    if (this.scanning) return this.schedule(this.options.scanMs);
    this.scanning = true;
    let next = this.options.scanMs;
    try {
      const entries = await readdir(this.options.folder, { withFileTypes: true });
      this.ensureWatcher();
      this.report(null);
      const now = this.options.clock.now();
      const present = new Set<string>();
      for (const entry of entries) {
        if (!entry.isFile() || (this.matcher && !this.matcher.test(entry.name))) continue;
        present.add(entry.name);
        const path = join(this.options.folder, entry.name);
        const info = await stat(path).catch(() => null);
        if (!info || this.closed) continue;
        const before = this.seen.get(entry.name);
        if (!before) {
          // A file that was there before the watch began is not new.
          const old = info.mtimeMs <= this.options.since;
          this.seen.set(entry.name, { size: info.size, mtimeMs: info.mtimeMs, stableSince: now, fired: old });
          if (!old) next = Math.min(next, this.options.settleMs);
          continue;
        }
        if (before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
          Object.assign(before, { size: info.size, mtimeMs: info.mtimeMs, stableSince: now });
        }
        if (before.fired) continue;
        const settled = now - before.stableSince;
        if (settled >= this.options.settleMs) {
          before.fired = true;
          this.options.onFile({ path, name: entry.name, size: info.size });
        } else {
          next = Math.min(next, this.options.settleMs - settled);
        }
      }
      // A file removed and written again under its name is new again.
      for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    } catch (error) {
      this.watcher?.close();
      this.watcher = null;
      const code = (error as NodeJS.ErrnoException).code;
      this.report(
        code === 'ENOENT' ? `the folder ${this.options.folder} does not exist` : code === 'ENOTDIR' ? `${this.options.folder} is not a folder` : `the folder ${this.options.folder} cannot be read: ${errorText(error)}`,
      );
    } finally {
      this.scanning = false;
    }
    this.schedule(next);
  }

  private report(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.options.onProblem(problem);
  }

  private ensureWatcher(): void {
    if (this.watcher || this.closed) return;
    try {
      this.watcher = watch(this.options.folder, { persistent: false }, () => this.schedule(0));
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      // The periodic scan still sees every file; fs.watch only makes it prompt.
      this.watcher = null;
    }
  }
}

/** `*` any run of characters, `?` one character; everything else literally. */
export function globToRegExp(pattern: string): RegExp {
  const source = [...pattern].map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 'u');
}

import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Agents run in their own process group (spawned detached), so signalling the negative pid
 * reaches the whole tree: children and grandchildren the agent started, however deep.
 * On Windows, taskkill /T walks the tree instead.
 */
export function signalProcessTree(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the tree, then SIGKILL once the grace period is over or the leader has exited. */
export function terminateProcessTree(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const exited = child.exitCode !== null || child.signalCode !== null;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signalProcessTree(child, 'SIGKILL');
      resolve();
    };
    const timer = setTimeout(finish, exited ? 0 : graceMs);
    if (!exited) {
      child.once('exit', finish);
      signalProcessTree(child, 'SIGTERM');
    }
  });
}

import type { ELK } from 'elkjs/lib/elk-api';

/**
 * ELK in a web worker, so laying out a large workflow never freezes the monitor; where a
 * worker cannot be made, ELK runs in the page as the editor runs it.
 */
export async function loadElk(): Promise<Pick<ELK, 'layout'>> {
  try {
    const [{ default: ElkApi }, { default: workerUrl }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]);
    return new ElkApi({ workerUrl });
  } catch {
    const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
    return new ElkBundled();
  }
}

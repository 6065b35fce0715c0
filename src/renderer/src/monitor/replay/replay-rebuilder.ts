import type { TaskDetail } from '../../../../shared/task/views';
import type { TaskNodes } from '../../task-panels/task-panel';
import type { ReplayIndex } from './replay-index';
import { replayAt, type ReplayMoment } from './replay-state';

/**
 * Rebuilds moments of one history, remembering the last: asking again for the same moment
 * costs nothing, and each new moment starts from the previous one, so nodes that did not
 * change between them keep their objects (and memoized views skip them).
 */
export function createRebuilder(index: ReplayIndex): (task: TaskDetail, live: TaskNodes, at: number) => ReplayMoment {
  let last: { task: TaskDetail; live: TaskNodes; at: number; moment: ReplayMoment } | null = null;
  return (task, live, at) => {
    if (last && last.task === task && last.live === live && last.at === at) return last.moment;
    const moment = replayAt(index, task, live, at, last?.moment.nodes);
    last = { task, live, at, moment };
    return moment;
  };
}

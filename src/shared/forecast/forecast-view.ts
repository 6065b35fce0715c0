import type { Id } from '../ids';
import type { EstimateBasis } from './duration-estimate';
import type { Interval, NodeForecast } from './forecast';

/** A forecast as the window, the HTTP API and the CLI receive it. */
export interface TaskForecastView {
  taskId: Id;
  /** The moment the forecast was computed (times below are epoch ms). */
  computedAt: number;
  finish: Interval;
  nodes: NodeForecast[];
  criticalPath: string[];
  bases: Record<EstimateBasis, number>;
  /** How many earlier runs of the same template the history held. */
  historyRuns: number;
}

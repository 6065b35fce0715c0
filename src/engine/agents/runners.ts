import type { AgentCatalogEntry } from '../../shared/engine/protocol';
import { runHttp } from './http-agent';
import { runManual } from './manual-agent';
import { runProcess } from './process-agent';
import { runSim } from './sim-agent';
import type { AgentRunner } from './types';

export const AGENT_RUNNERS: Readonly<Record<AgentCatalogEntry['kind'], AgentRunner>> = {
  sim: runSim,
  process: runProcess,
  http: runHttp,
  manual: runManual,
};

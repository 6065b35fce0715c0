import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors';
import { errorText } from '../../../shared/error-text';
import { renderRunReport } from '../report/export-report';
import { openReadonlyStore } from '../store/store';
import { exportWorkflowText } from './export-workflow';
import type { HeavyJob, HeavyReply, HeavyRequest, HeavyResults } from './heavy-work-messages';

/** The console's heavy-work thread: each request is run in turn and answered by its id. */
if (!parentPort) throw new Error('heavy-work-thread-entry runs as a worker thread started by the console');
const port = parentPort;

async function run(job: HeavyJob): Promise<HeavyResults[HeavyJob['kind']]> {
  switch (job.kind) {
    case 'exportWorkflow':
      return exportWorkflowText(job.definition, job.format);
    case 'renderReport': {
      // A connection per report: it sees the newest commit and holds no snapshot between reports.
      const store = openReadonlyStore(job.file);
      try {
        return renderRunReport(store, job.request, job.now);
      } finally {
        store.close();
      }
    }
  }
}

port.on('message', ({ id, job }: HeavyRequest) => {
  void answer(id, job).then((reply) => port.postMessage(reply));
});

async function answer(id: number, job: HeavyJob): Promise<HeavyReply> {
  try {
    return { id, ok: true, result: await run(job) };
  } catch (error) {
    const body = error instanceof ApiError ? error.toBody() : new ApiError('INTERNAL', `${job.kind} failed: ${errorText(error)}`).toBody();
    return { id, ok: false, error: body };
  }
}

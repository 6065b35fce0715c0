import { z } from 'zod';
import { NODE_ERROR_CODES } from '../../shared/engine/protocol';
import { aborted, describeIssue, type AgentOutcome, type AgentRun, type ManualDecision } from './types';

export const manualConfigSchema = z.object({
  prompt: z.string().max(10_000).default('Approve to continue, reject to fail the node.'),
  /** Without a decision by then, the node ends as `onDeadline` says. */
  deadlineMs: z.number().int().positive().max(30 * 24 * 3600_000).optional(),
  onDeadline: z.enum(['reject', 'approve']).default('reject'),
});

/** Waits for an operator's approve or reject (the console's decideManual command). */
export async function runManual(run: AgentRun): Promise<AgentOutcome> {
  const parsed = manualConfigSchema.safeParse(run.config);
  if (!parsed.success) {
    return { status: 'failed', errorCode: NODE_ERROR_CODES.invalidConfig, errorMessage: `manual config ${describeIssue(parsed.error.issues)}` };
  }
  const config = parsed.data;
  run.emit.log('info', 'system', `waiting for an operator's decision: ${config.prompt}`);
  let timer: NodeJS.Timeout | undefined;
  const deadline =
    config.deadlineMs === undefined
      ? new Promise<never>(() => undefined)
      : new Promise<'deadline'>((resolve) => {
          timer = setTimeout(() => resolve('deadline'), config.deadlineMs);
        });
  const outcome = await Promise.race([run.decision, deadline, aborted(run.signal).then(() => 'aborted' as const)]);
  clearTimeout(timer);
  if (outcome === 'aborted') return { status: 'failed' };
  if (outcome === 'deadline') {
    const approved = config.onDeadline === 'approve';
    run.emit.log('warn', 'system', `no decision within ${config.deadlineMs} ms: ${approved ? 'approved' : 'rejected'} by the deadline rule`);
    const result = { approved, operator: null, comment: 'deadline', decidedAt: Date.now() };
    return approved
      ? { status: 'completed', result }
      : { status: 'failed', result, errorCode: NODE_ERROR_CODES.deadline, errorMessage: `no operator decision within ${config.deadlineMs} ms` };
  }
  return decided(run, outcome);
}

function decided(run: AgentRun, decision: ManualDecision): AgentOutcome {
  const result = { approved: decision.approved, operator: decision.operator, comment: decision.comment ?? null, decidedAt: decision.time };
  const words = `${decision.approved ? 'approved' : 'rejected'} by ${decision.operator || 'an operator'}${decision.comment ? `: ${decision.comment}` : ''}`;
  run.emit.log('info', 'system', words);
  return decision.approved
    ? { status: 'completed', result }
    : { status: 'failed', result, errorCode: NODE_ERROR_CODES.rejected, errorMessage: words };
}

import { engineCommandSchema, type CommandAck, type EngineCommand, type StartNodeCommand, type StartResult } from '../shared/engine/protocol';
import type { Logger } from '../shared/logger';
import type { Containers } from './containers';
import type { EventStream } from './event-stream';
import type { EventStreams } from './event-streams';
import type { NodeRuns } from './node-runs';
import type { TaskTrees } from './task-trees';
import { errorStack, errorText } from '../shared/error-text';

export interface CommandContext {
  runs: NodeRuns;
  containers: Containers;
  trees: TaskTrees;
  streams: EventStreams;
  logger: Logger;
}

/**
 * Validates and carries out one console command; every outcome, refusals included, is an
 * acknowledgement. A command about a task makes the sending console the task's owner, so
 * the task's events follow the console that drives it.
 */
export function handleCommand(raw: unknown, stream: EventStream, context: CommandContext): CommandAck {
  const parsed = engineCommandSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = (raw as { name?: unknown } | null)?.name;
    const message = `invalid command${typeof name === 'string' ? ` ${name.slice(0, 100)}` : ''}: ${issue.path.join('.') || '(command)'}: ${issue.message}`;
    context.logger.warn(`console ${stream.consoleSession}: ${message}`);
    return { ok: false, error: { code: 'INVALID_COMMAND', message } };
  }
  const command = parsed.data;
  if (command.name === 'startMany') for (const start of command.payload.nodes) context.streams.own(start.taskId, stream);
  else if (command.name !== 'ping') context.streams.own(command.payload.taskId, stream);
  try {
    return carryOut(command, context);
  } catch (error) {
    context.logger.error(`command ${command.name} failed: ${errorStack(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: `${command.name} failed on the Engine: ${errorText(error)}` } };
  }
}

function carryOut(command: EngineCommand, { runs, containers, trees, logger }: CommandContext): CommandAck {
  switch (command.name) {
    case 'ping':
      return { ok: true, time: Date.now() };
    case 'submitTask':
      trees.submit(command.payload);
      return { ok: true };
    case 'initContainer': {
      const outcome = containers.init(command.payload);
      return outcome.ok ? { ok: true, duplicate: outcome.duplicate } : { ok: false, error: { code: 'CONFLICT', message: outcome.message } };
    }
    case 'startNode':
      return runs.start(command.payload);
    case 'startMany':
      return { ok: true, results: command.payload.nodes.map((start) => startOne(start, runs, logger)) };
    case 'stopNode': {
      const { reason = 'stopped by the console', ...ref } = command.payload;
      if (containers.isContainer(ref)) {
        void runs
          .stopWithin(ref.taskId, ref.nodeId, `container ${ref.nodeId} stopped: ${reason}`)
          .then(() => containers.teardown(ref, reason))
          .catch((error: unknown) => logger.error(`teardown of ${ref.nodeId} failed: ${errorText(error)}`));
      } else {
        void runs.stop(ref, reason);
      }
      return { ok: true };
    }
    case 'stopTask': {
      const { taskId, reason = 'task stopped by the console' } = command.payload;
      void runs
        .stopWithin(taskId, null, reason)
        .then(() => {
          for (const ref of containers.refsOfTask(taskId)) containers.teardown(ref, reason);
          containers.forget(taskId);
          trees.forget(taskId);
          runs.clocks.forget(taskId);
        })
        .catch((error: unknown) => logger.error(`stopping task ${taskId} failed: ${errorText(error)}`));
      return { ok: true };
    }
    case 'queryNode':
      return { ok: true, state: runs.state(command.payload) ?? containers.state(command.payload) ?? { status: 'unknown' } };
    case 'decideManual':
      return runs.decide(command.payload);
    case 'messageNode':
      return runs.message(command.payload);
    case 'setClock':
      return runs.setClock(command.payload);
    case 'pauseNode':
      return runs.pause(command.payload);
    case 'resumeNode':
      return runs.resume(command.payload);
  }
}

/** One start of a startMany, answered as its own startNode would have been: a failing one spoils no other. */
function startOne(start: StartNodeCommand, runs: NodeRuns, logger: Logger): StartResult {
  try {
    const ack = runs.start(start);
    return ack.ok ? (ack.duplicate ? { ok: true, duplicate: true } : { ok: true }) : { ok: false, error: ack.error };
  } catch (error) {
    logger.error(`command startMany failed for node ${start.nodeId}: ${errorStack(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: `startNode failed on the Engine: ${errorText(error)}` } };
  }
}

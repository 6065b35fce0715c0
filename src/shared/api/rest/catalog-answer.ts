import type { EnvironmentStatus, EnvironmentView } from '../../environments/environments';
import type { SchemeStatus, SchemeView } from '../../environments/schemes';
import type { BalancingStrategy, EngineEndpoint } from '../../engine/endpoints';
import type { Id } from '../../ids';
import { isoTime } from './iso-time';

/**
 * Schemes and environments as the REST API answers them, spelled as its task answers are:
 * snake_case fields, ids named as the create body names them (scheme_id, env_instance_id),
 * ISO 8601 times.
 */
export interface RestScheme {
  scheme_id: Id;
  name: string;
  description: string | null;
  config: Record<string, unknown>;
  status: SchemeStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  task_count: number;
}

export interface RestEnvironment {
  env_instance_id: Id;
  name: string;
  description: string | null;
  /** Each token reads as REDACTED_TOKEN; sent back unchanged in an update, it keeps the stored one. */
  engines: EngineEndpoint[];
  strategy: BalancingStrategy;
  status: EnvironmentStatus;
  created_at: string;
  updated_at: string;
  task_count: number;
}

/** The fields that end every catalog answer. */
function answerTail(view: Pick<SchemeView, 'createdAt' | 'updatedAt' | 'taskCount'>): Pick<RestScheme, 'created_at' | 'updated_at' | 'task_count'> {
  return { created_at: isoTime(view.createdAt)!, updated_at: isoTime(view.updatedAt)!, task_count: view.taskCount };
}

export function schemeAnswer(scheme: SchemeView): RestScheme {
  return {
    scheme_id: scheme.id,
    name: scheme.name,
    description: scheme.description,
    config: scheme.config,
    status: scheme.status,
    created_by: scheme.createdBy,
    ...answerTail(scheme),
  };
}

export function environmentAnswer(environment: EnvironmentView): RestEnvironment {
  return {
    env_instance_id: environment.id,
    name: environment.name,
    description: environment.description,
    engines: environment.engines,
    strategy: environment.strategy,
    status: environment.status,
    ...answerTail(environment),
  };
}

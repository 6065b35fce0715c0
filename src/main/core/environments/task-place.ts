import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { CreateTaskOptions } from '../../../shared/task/create';
import type { Store } from '../store/store';

/** A new task goes only into a scheme and an environment that exist and are active. */
export function checkTaskPlace(store: Store, options: Pick<CreateTaskOptions, 'schemeId' | 'envInstanceId'> = {}): void {
  if (options.schemeId !== undefined) {
    const scheme = store.first(store.kysely.selectFrom('scheme').select(['scheme_name', 'status']).where('id', '=', options.schemeId));
    if (!scheme) throw new ApiError('INVALID_ARGUMENT', errorReason('scheme.notFound', { id: options.schemeId }));
    if (scheme.status === 'archived') throw new ApiError('CONFLICT', errorReason('scheme.archived', { name: scheme.scheme_name }));
  }
  if (options.envInstanceId !== undefined) {
    const environment = store.first(store.kysely.selectFrom('env_instance').select(['env_name', 'status']).where('id', '=', options.envInstanceId));
    if (!environment) throw new ApiError('INVALID_ARGUMENT', errorReason('environment.notFound', { id: options.envInstanceId }));
    if (environment.status === 'disabled') throw new ApiError('CONFLICT', errorReason('environment.disabled', { name: environment.env_name }));
  }
}

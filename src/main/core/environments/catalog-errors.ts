import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';

/** SQLite's refusal of a second row with the same name (the unique indexes of migration 001). */
export function isNameClash(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: (scheme\.scheme_name|env_instance\.env_name)/.test(error.message);
}

export function schemeNotFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', errorReason('scheme.notFound', { id }));
}

export function schemeNameTaken(name: string): ApiError {
  return new ApiError('CONFLICT', errorReason('scheme.nameTaken', { name }));
}

export function environmentNotFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', errorReason('environment.notFound', { id }));
}

export function environmentNameTaken(name: string): ApiError {
  return new ApiError('CONFLICT', errorReason('environment.nameTaken', { name }));
}

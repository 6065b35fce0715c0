/** Errors the store raises when it refuses to open a database. The file is untouched in each case. */
export class StoreOpenError extends Error {
  constructor(
    readonly code: 'NEWER_DATABASE' | 'EDITED_MIGRATION' | 'NOT_A_DATABASE' | 'BAD_MIGRATIONS' | 'INTEGRITY',
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

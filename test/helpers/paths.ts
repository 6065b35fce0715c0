import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures', import.meta.url));

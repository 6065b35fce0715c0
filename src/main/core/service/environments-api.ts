import type { ConsoleApi } from '../../../shared/api/contract';
import { archiveEnvironment, createEnvironment, listEnvironments, updateEnvironment } from '../environments/environments';
import { archiveScheme, createScheme, listSchemes, updateScheme } from '../environments/schemes';
import type { ConsoleServiceDeps } from './console-service';

type EnvironmentMethods = Pick<
  ConsoleApi,
  'listSchemes' | 'createScheme' | 'updateScheme' | 'archiveScheme' | 'listEnvironments' | 'createEnvironment' | 'updateEnvironment' | 'archiveEnvironment'
>;

/** Schemes and environments: listed, made, edited and archived (never deleted); Engine tokens never leave the core. */
export function environmentsApi({ store, operator }: ConsoleServiceDeps): EnvironmentMethods {
  return {
    listSchemes: async (query) => listSchemes(store, query),
    createScheme: async (input) => createScheme(store, input, operator()),
    updateScheme: async (id, patch) => updateScheme(store, id, patch),
    archiveScheme: async (id) => archiveScheme(store, id),
    listEnvironments: async (query) => listEnvironments(store, query),
    createEnvironment: async (input) => createEnvironment(store, input),
    updateEnvironment: async (id, patch) => updateEnvironment(store, id, patch),
    archiveEnvironment: async (id) => archiveEnvironment(store, id),
  };
}

import type { ConsoleApi } from '../../shared/api/contract';

declare global {
  interface Window {
    consoleApi: ConsoleApi;
  }
}

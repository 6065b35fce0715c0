import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { rolldown } from 'rolldown';

const entry = fileURLToPath(new URL('./fixtures/browser-console.ts', import.meta.url));
let bundled: Promise<string> | undefined;

/** The window's own transport and typed client, bundled for the browser once per run. */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const build = await rolldown({ input: entry, platform: 'browser', logLevel: 'silent' });
    const { output } = await build.generate({ format: 'iife', name: 'e2eBrowserConsole' });
    await build.close();
    return output[0].code;
  })();
  return bundled;
}

/**
 * Puts `window.e2eConsole` on a page of the host: the ConsoleApi through the same code the UI
 * calls with (createSocketTransport and createConsoleClient), in the real browser.
 */
export async function connectBrowserConsole(page: Page, token: string): Promise<void> {
  await page.addScriptTag({ content: await bundle() });
  await page.evaluate((sessionToken) => (window as unknown as { e2eBrowserConsole: { connectForTest(token: string): void } }).e2eBrowserConsole.connectForTest(sessionToken), token);
}

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src/shared/security/content-security-policy';

/**
 * Writes the one Content-Security-Policy into index.html. The dev server alone also allows
 * inline scripts, for React Refresh's preamble; builds get the policy as it is.
 */
function contentSecurityPolicy(): Plugin {
  let policy = META_CONTENT_SECURITY_POLICY;
  return {
    name: 'content-security-policy',
    configResolved(config) {
      if (config.command === 'serve') policy = policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', policy),
  };
}

export default defineConfig({
  main: {
    build: {
      // The embedded Engine's thread loads engine-thread.js, heavy work heavy-work-thread.js, from beside index.js.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'engine-thread': resolve('src/engine/engine-thread-entry.ts'),
          'heavy-work-thread': resolve('src/main/core/service/heavy-work-thread-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), contentSecurityPolicy()],
  },
});

import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorReason } from '../shared/api/error-reasons';
import { ApiError } from '../shared/api/errors';
import type { HtmlToPdf } from './core/report/html-to-pdf';
import { SECURE_WEB_PREFERENCES } from './security';

export const PRINT_TIMEOUT_MS = 60_000;

/** A hidden window that runs no script and goes nowhere: the report is a self-contained document. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 794,
  height: 1123,
  webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false },
} as const satisfies BrowserWindowConstructorOptions;

type PrintWindow = Pick<BrowserWindow, 'loadFile' | 'destroy'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF' | 'on' | 'setWindowOpenHandler'>;
};

/**
 * Run reports printed by Electron's own Chromium, in a hidden window, through a temporary file
 * (a report can be larger than a data: URL may be); the window and the file go when done.
 */
export function electronHtmlToPdf(createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow = (options) => new BrowserWindow(options)): HtmlToPdf {
  return async (html) => {
    const dir = await mkdtemp(join(tmpdir(), 'deduction-report-'));
    const window = createWindow(PRINT_WINDOW_OPTIONS);
    let timer: NodeJS.Timeout | undefined;
    try {
      window.webContents.on('will-navigate', (event) => event.preventDefault());
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      const file = join(dir, 'report.html');
      await writeFile(file, html, 'utf8');
      const print = async () => {
        await window.loadFile(file);
        return window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      };
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ApiError('UNAVAILABLE', errorReason('report.pdfTimeout', { seconds: PRINT_TIMEOUT_MS / 1000 })),
            ),
          PRINT_TIMEOUT_MS,
        );
      });
      const pdf = await Promise.race([print(), timeout]);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      clearTimeout(timer);
      window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}

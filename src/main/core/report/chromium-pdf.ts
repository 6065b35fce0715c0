import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorReason } from '../../../shared/api/error-reasons';
import { ApiError } from '../../../shared/api/errors';
import type { HtmlToPdf } from './html-to-pdf';

const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A Chromium or Chrome to print with: CHROMIUM_PATH when set (and only it, so a wrong setting
 * shows rather than being papered over), else the usual install places and the PATH.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, knownPaths: readonly string[] = KNOWN_PATHS): string | null {
  const configured = env['CHROMIUM_PATH'];
  if (configured) return executable(configured) ? configured : null;
  for (const file of knownPaths) if (executable(file)) return file;
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ON_PATH) if (executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

export interface ChromiumPdfOptions {
  /** A print that takes longer is abandoned and its browser killed. */
  timeoutMs?: number;
  /** Where the temporary files go; the system's temporary folder by default. */
  tempDir?: string;
}

const STDERR_KEPT = 2000;

function print(browser: string, dir: string, timeoutMs: number): Promise<void> {
  const htmlFile = join(dir, 'report.html');
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    // Each print has its own profile: two at once, or a user's open browser, never share a lock.
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(dir, 'report.pdf')}`,
    pathToFileURL(htmlFile).href,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ApiError('UNAVAILABLE', errorReason('report.pdfTimeout', { seconds: Math.ceil(timeoutMs / 1000) })));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ApiError('UNAVAILABLE', errorReason('report.pdfBrowserNotStarted', { browser, detail: error.message })));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const exit = String(code ?? signal);
        const detail = stderr.trim().split('\n').slice(-3).join(' ');
        reject(new ApiError('UNAVAILABLE', errorReason('report.pdfPrintFailed', { browser, exit, detail })));
      }
    });
  });
}

/**
 * Prints with a headless Chromium, one document at a time (each print is a whole browser
 * start on a machine that also runs deductions), through temporary files it always removes.
 */
export function chromiumHtmlToPdf(browser: string, options: ChromiumPdfOptions = {}): HtmlToPdf {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let queue: Promise<unknown> = Promise.resolve();
  return (html) => {
    const job = queue.then(async () => {
      const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'deduction-report-'));
      try {
        await writeFile(join(dir, 'report.html'), html, 'utf8');
        await print(browser, dir, timeoutMs);
        const pdf = await readFile(join(dir, 'report.pdf')).catch(() => {
          throw new ApiError('UNAVAILABLE', errorReason('report.pdfNotWritten', { browser }));
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    });
    queue = job.catch(() => undefined);
    return job;
  };
}

/** The system Chromium's printer, or none when no browser is installed. */
export function systemHtmlToPdf(env: NodeJS.ProcessEnv = process.env): HtmlToPdf | undefined {
  const browser = findChromium(env);
  return browser === null ? undefined : chromiumHtmlToPdf(browser);
}

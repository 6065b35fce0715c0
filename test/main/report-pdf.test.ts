import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SECURE_WEB_PREFERENCES } from '../../src/main/security';

vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { electronHtmlToPdf, PRINT_WINDOW_OPTIONS } = await import('../../src/main/report-pdf');

/** Stands in for a BrowserWindow: records what it loaded and prints what the test says. */
function fakeWindow(print: () => Promise<Buffer>) {
  const record = { options: undefined as unknown, loaded: '', html: '', destroyed: false, handlers: new Map<string, (event: { preventDefault(): void }) => void>(), denied: false };
  const create = (options: unknown) => {
    record.options = options;
    return {
      loadFile: async (file: string) => {
        record.loaded = file;
        record.html = readFileSync(file, 'utf8');
      },
      destroy: () => {
        record.destroyed = true;
      },
      webContents: {
        printToPDF: print,
        on: (event: string, handler: (event: { preventDefault(): void }) => void) => record.handlers.set(event, handler),
        setWindowOpenHandler: (handler: () => { action: string }) => {
          record.denied = handler().action === 'deny';
        },
      },
    };
  };
  return { record, create: create as never };
}

describe('electronHtmlToPdf', () => {
  it('prints the document in a hidden, script-free window and removes the window and the file', async () => {
    const { record, create } = fakeWindow(async () => Buffer.from('%PDF-1.7 printed'));
    const pdf = await electronHtmlToPdf(create)('<h1>运行报告</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 printed');
    expect(record.options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false } });
    expect(record.html).toBe('<h1>运行报告</h1>');
    expect(record.denied).toBe(true);
    let prevented = false;
    record.handlers.get('will-navigate')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(record.destroyed).toBe(true);
    expect(existsSync(record.loaded)).toBe(false);
  });

  it('cleans up when printing fails', async () => {
    const { record, create } = fakeWindow(async () => {
      throw new Error('printing failed');
    });
    await expect(electronHtmlToPdf(create)('<p>x</p>')).rejects.toThrow('printing failed');
    expect(record.destroyed).toBe(true);
    expect(existsSync(record.loaded)).toBe(false);
  });
});

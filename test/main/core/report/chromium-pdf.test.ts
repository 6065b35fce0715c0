import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumHtmlToPdf, findChromium, systemHtmlToPdf } from '../../../../src/main/core/report/chromium-pdf';
import { useTempDirs } from '../../../helpers/temp';

const tempDir = useTempDirs();
const CHROMIUM = '/usr/bin/chromium';

function fakeBrowser(dir: string, name: string, script: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it names a program, and nothing else when it does not', () => {
    const dir = tempDir();
    const browser = fakeBrowser(dir, 'my-chrome', 'exit 0');
    expect(findChromium({ CHROMIUM_PATH: browser, PATH: '' }, [])).toBe(browser);
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing'), PATH: '' }, [CHROMIUM])).toBeNull();
  });

  it('looks in the usual places, then on the PATH', () => {
    const dir = tempDir();
    const onPath = fakeBrowser(dir, 'chromium-browser', 'exit 0');
    expect(findChromium({ PATH: dir }, [join(dir, 'absent'), onPath])).toBe(onPath);
    expect(findChromium({ PATH: `/nonexistent:${dir}` }, [])).toBe(onPath);
    expect(findChromium({ PATH: '/nonexistent' }, [])).toBeNull();
    expect(systemHtmlToPdf({ PATH: '/nonexistent', CHROMIUM_PATH: join(dir, 'absent') })).toBeUndefined();
  });
});

describe('chromiumHtmlToPdf', () => {
  it('prints an HTML document with the system Chromium, Chinese text and page breaks included, and leaves no files behind', async () => {
    const work = tempDir();
    const print = chromiumHtmlToPdf(CHROMIUM, { tempDir: work });
    const html = `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><body><h1>运行报告 Run report</h1>
      <p>${'红方 蓝方 '.repeat(200)}</p><h2 style="break-before: page">第二页</h2></body></html>`;
    const [pdf, second] = await Promise.all([print(html), print('<p>two at once</p>')]);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(5000);
    expect(pages(pdf)).toBe(2);
    expect(Buffer.from(second.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(work)).toEqual([]);
  }, 60_000);

  it('reports a browser that fails, with what it said, and cleans up', async () => {
    const work = tempDir();
    const browser = fakeBrowser(tempDir(), 'broken-chrome', 'echo "cannot open display" >&2; exit 3');
    await expect(chromiumHtmlToPdf(browser, { tempDir: work })('<p>x</p>')).rejects.toMatchObject({
      name: 'ApiError',
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/exit 3.*cannot open display/),
    });
    expect(readdirSync(work)).toEqual([]);
  });

  it('reports a browser that ends without writing the PDF', async () => {
    const browser = fakeBrowser(tempDir(), 'lazy-chrome', 'exit 0');
    await expect(chromiumHtmlToPdf(browser, { tempDir: tempDir() })('<p>x</p>')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('without writing the PDF'),
    });
  });

  it('stops a browser that hangs, and the next print still runs', async () => {
    const work = tempDir();
    // Hangs on a document saying "hang"; otherwise writes a stand-in PDF where it was asked to.
    const browser = fakeBrowser(
      tempDir(),
      'slow-chrome',
      [
        'for a; do last="$a"; case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done',
        'grep -q hang "${last#file://}" && exec sleep 30',
        "printf '%%PDF-1.4 stand-in' > \"$out\"",
      ].join('\n'),
    );
    const print = chromiumHtmlToPdf(browser, { timeoutMs: 500, tempDir: work });
    const hung = print('<p>hang</p>');
    const next = print('<p>fine</p>');
    await expect(hung).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('longer than 1 s') });
    expect(Buffer.from(await next).toString('latin1')).toBe('%PDF-1.4 stand-in');
    expect(readdirSync(work)).toEqual([]);
  });
});

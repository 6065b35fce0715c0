import { describe, expect, it } from 'vitest';
import { readerTimeZone, reportBlob, reportLanguage, reportRequest } from '../../../src/renderer/src/report/model/report-export';
import { reportRequestSchema } from '../../../src/shared/report/run-report';

describe('report export in the window', () => {
  it('writes the report in the window’s language, Chinese for any Chinese', () => {
    expect(reportLanguage('zh-CN')).toBe('zh-CN');
    expect(reportLanguage('zh')).toBe('zh-CN');
    expect(reportLanguage('en')).toBe('en');
    expect(reportLanguage('en-GB')).toBe('en');
    expect(reportLanguage(undefined)).toBe('en');
  });

  it('asks for the reader’s time zone when it is a real one', () => {
    expect(readerTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(readerTimeZone('Nowhere/Atlantis')).toBeUndefined();
    expect(readerTimeZone('')).toBeUndefined();
    expect(reportRequest('12', 'pdf', 'zh-CN', 'Europe/Berlin')).toEqual({ taskId: '12', format: 'pdf', language: 'zh-CN', timeZone: 'Europe/Berlin' });
    expect(reportRequest('12', 'csv', 'en', undefined)).toEqual({ taskId: '12', format: 'csv', language: 'en' });
    expect(reportRequest('12', 'html', 'en', undefined, { compareWith: '7' })).toEqual({ taskId: '12', format: 'html', language: 'en', compareWith: '7' });
    expect(reportRequest('12', 'pdf', 'en', undefined, { afterAction: true })).toEqual({ taskId: '12', format: 'pdf', language: 'en', afterAction: true });
    expect(reportRequestSchema.safeParse(reportRequest('12', 'html', 'en', readerTimeZone())).success).toBe(true);
  });

  it('turns a text file into a Blob of its UTF-8, BOM included', async () => {
    const blob = reportBlob({ fileName: 'n.csv', mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', content: '\uFEFF节点\r\n' });
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('节点\r\n')]));
  });

  it('decodes a PDF from base64 byte for byte', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    const blob = reportBlob({ fileName: 'r.pdf', mimeType: 'application/pdf', encoding: 'base64', content: Buffer.from(bytes).toString('base64') });
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});

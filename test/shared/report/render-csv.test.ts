import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, renderNodesCsv, UTF8_BOM } from '../../../src/shared/report/render-csv';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import { HOSTILE, reportNode, sampleReport } from './report-fixture';

/** An RFC 4180 reader, to check that what is written reads back as it was meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('disarms text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('reads back as the text it was given (formulas with their guard)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parseCsv(`${csvRow(cells)}\r\n`);
        expect(parsed).toEqual(cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderNodesCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and has a localized header', () => {
    const csv = renderNodesCsv(sampleReport(), REPORT_STRINGS['zh-CN']);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['节点', '名称', '类型']);
    expect(rows[0]).toContain('开始时间 (UTC)');
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });

  it('lists every node, not only the ones the HTML shows', () => {
    const report = sampleReport();
    const nodes = Array.from({ length: 1200 }, (_, index) => reportNode(`n${index}`));
    const rows = parseCsv(renderNodesCsv({ ...report, nodes }, REPORT_STRINGS.en).slice(1));
    expect(rows).toHaveLength(1201);
    expect(rows[1200]![0]).toBe('n1199');
  });

  it('writes each node’s figures, times in the report’s zone, and hostile text as plain cells', () => {
    const report = sampleReport({ timeZone: 'Asia/Shanghai' });
    const rows = parseCsv(renderNodesCsv(report, REPORT_STRINGS.en).slice(1));
    const header = rows[0]!;
    const scout = Object.fromEntries(header.map((name, index) => [name, rows[2]![index]]));
    expect(scout).toMatchObject({
      Node: 'scout',
      Name: '侦察',
      Type: 'Agent',
      Parent: 'root',
      Depth: '1',
      Status: 'Completed',
      Attempts: '2',
      'Started (Asia/Shanghai)': '2026-11-22 22:00:00',
      'Duration (ms)': '1500',
      'Peak CPU (%)': '55.5',
      'Peak memory (bytes)': String(64 * 1024 * 1024),
      'Queue time (ms)': '40',
      'Mean CPU (%)': '20.5',
      'Mean memory (MB)': '32',
      'Nodes inside': '',
    });
    const hostile = Object.fromEntries(header.map((name, index) => [name, rows[3]![index]]));
    expect(hostile).toMatchObject({ Node: HOSTILE, Status: 'Failed', 'Error message': `boom ${HOSTILE}` });
    expect(rows[1]![header.indexOf('Parent')]).toBe('');
  });

  it('guards a node name that is a formula', () => {
    const report = sampleReport();
    const csv = renderNodesCsv({ ...report, nodes: [reportNode('=1+1', { name: '@cmd' })] }, REPORT_STRINGS.en);
    expect(parseCsv(csv.slice(1))[1]!.slice(0, 2)).toEqual(["'=1+1", "'@cmd"]);
  });
});

describe('renderNodesCsv: reasons are not errors (issue 21 item 13)', () => {
  it('writes a skipped node’s code and message under Reason, with empty error cells', () => {
    const report = sampleReport();
    const nodes = [
      reportNode('skippy', { status: 'skipped', errorCode: 'DEPENDENCY_UNSATISFIED', errorMessage: 'dependencies can never be satisfied' }),
      reportNode('broken', { status: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit code 1' }),
    ];
    const rows = parseCsv(renderNodesCsv({ ...report, nodes }, REPORT_STRINGS.en).slice(1));
    const header = rows[0]!;
    const cells = (row: string[]) => Object.fromEntries(header.map((name, index) => [name, row[index]]));
    expect(cells(rows[1]!)).toMatchObject({ 'Error code': '', 'Error message': '', Reason: 'DEPENDENCY_UNSATISFIED: dependencies can never be satisfied' });
    expect(cells(rows[2]!)).toMatchObject({ 'Error code': 'EXIT_CODE', 'Error message': 'exit code 1', Reason: '' });
  });
});

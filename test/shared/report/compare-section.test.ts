import { describe, expect, it } from 'vitest';
import { compareRuns, type RunNode, type RunSide } from '../../../src/shared/compare/run-compare';
import { COMPARE_SECTION_ROWS, renderCompareSection } from '../../../src/shared/report/compare-section';
import { renderReportHtml } from '../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import { HOSTILE, sampleReport } from './report-fixture';

const node = (nodeId: string, overrides: Partial<RunNode> = {}): RunNode => ({ nodeId, nodeType: 'agent', name: null, status: 'completed', batches: 1, durationMs: 1000, result: null, ...overrides });
const run = (taskId: string, name: string, nodes: RunNode[], variables: Record<string, unknown> = {}): RunSide => ({ taskId, name, status: 'completed', startTime: 0, endTime: 60_000, variables, nodes });

const comparison = compareRuns(
  run('7', HOSTILE, [node('alike'), node('strike', { name: HOSTILE }), node('gone')], { rounds: 1 }),
  run('8', 'this run', [node('alike'), node('strike', { name: HOSTILE, status: 'failed', batches: 3, result: { hit: true } }), node('new')], { rounds: 2 }),
);

describe('the run report’s comparison section', () => {
  it('is absent unless the report carries a comparison', () => {
    expect(renderCompareSection(sampleReport(), REPORT_STRINGS.en)).toBe('');
    expect(renderReportHtml(sampleReport(), REPORT_STRINGS.en)).not.toContain('id="comparison"');
  });

  it('lists exactly the differing nodes with how they differ, and the variables, every name escaped', () => {
    const html = renderReportHtml(sampleReport({ comparison }), REPORT_STRINGS.en);
    const section = html.slice(html.indexOf('id="comparison"'));
    expect([...section.matchAll(/data-node="([^"]+)"/g)].map((match) => match[1])).toEqual(['strike', 'gone', 'new']);
    expect(section).toContain('Compared with &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (task 7)');
    expect(section).not.toContain(HOSTILE);
    expect(section).toMatch(/3 of 4 nodes differ: 1 only in B · 1 only in A · 1 in status · 1 in attempts · 1 in result/);
    expect(section).toMatch(/<tr data-node="strike">.*status, attempts, result.*Completed.*Failed.*1 → 3.*<code>\(the whole value\)<\/code> changed/);
    expect(section).toMatch(/<code>rounds<\/code>.*changed.*<code>1<\/code>.*<code>2<\/code>/);
  });

  it('speaks Chinese in a Chinese report', () => {
    const section = renderCompareSection(sampleReport({ comparison }), REPORT_STRINGS['zh-CN']);
    expect(section).toContain('4 个节点中有 3 个不同');
    expect(section).toContain('仅在 A 中');
  });

  it('says how many differing nodes it left out of a very long list', () => {
    const many = Array.from({ length: COMPARE_SECTION_ROWS + 5 }, (_, index) => node(`n${index}`));
    const long = compareRuns(run('1', 'a', many), run('2', 'b', many.map((entry) => ({ ...entry, status: 'failed' as const }))));
    const section = renderCompareSection(sampleReport({ comparison: long }), REPORT_STRINGS.en);
    expect(section).toContain(`The first ${COMPARE_SECTION_ROWS} of ${COMPARE_SECTION_ROWS + 5} differing nodes.`);
    expect(section.match(/data-node=/g)).toHaveLength(COMPARE_SECTION_ROWS);
  });
});

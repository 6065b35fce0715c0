import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/shared/report/render-html';
import { REPORT_STRINGS } from '../../../src/shared/report/report-strings';
import { REPORT_LIMITS } from '../../../src/shared/report/run-report';
import { HOSTILE, reportNode, sampleReport, T0 } from './report-fixture';

const en = REPORT_STRINGS.en;
const zh = REPORT_STRINGS['zh-CN'];

describe('renderReportHtml', () => {
  it('escapes every value from the store: a node named <script> stays text', () => {
    const html = renderReportHtml(sampleReport(), en);
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain(`stack &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more`);
    expect(html).toContain('op &lt;script&gt;');
    expect(html).toContain('why &lt;script&gt;');
    expect(html).toContain(`<title>Run report: 红蓝对抗 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>`);
  });

  it('names the nodes an onError rule recovered, skipped or escalated, in both languages', () => {
    const report = sampleReport();
    report.nodes = [
      ...report.nodes,
      reportNode('call', { status: 'completed', errorCode: 'RECOVERED', errorMessage: 'recovered by handler "fix" after TIMEOUT: slow (onError rule 1 ("TIMEOUT" → handler "fix"))' }),
      reportNode('probe', { status: 'skipped', errorCode: 'SKIPPED_BY_RULE', errorMessage: 'HTTP_STATUS: 404 (skipped by onError rule 2 ("HTTP_*" → skip))' }),
    ];
    const html = renderReportHtml(report, en);
    const section = html.slice(html.indexOf('Recovery rules</h2>'), html.indexOf(`${en.sections.operatorActions}</h2>`));
    expect(section).toContain('call');
    expect(section).toContain('recovered by its handler');
    expect(section).toContain('probe');
    expect(section).toContain('skipped by a rule');
    expect(section).toContain('onError rule 2 (&quot;HTTP_*&quot; → skip)');
    expect(section).not.toContain('scout');
    expect(renderReportHtml(report, zh)).toContain('失败处理规则</h2>');
  });

  it('is one self-contained document: inline style, no script, nothing fetched', () => {
    const html = renderReportHtml(sampleReport(), en);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).toContain('break-before: page');
    expect(html).not.toMatch(/<(script|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\bsrc=|\bhref=|url\(|@import/i);
  });

  it('shows the summary, counters, peaks, failures with logs, retries, actions and nodes', () => {
    const html = renderReportHtml(sampleReport(), en);
    // Recovery rules have a section only in a task where a rule acted (below).
    for (const [key, section] of Object.entries(en.sections)) expect(html.includes(`${section}</h2>`)).toBe(key !== 'recoveries');
    expect(html).toContain('2026-11-22 14:00:00');
    expect(html).toContain('1 min 30 s');
    expect(html).toContain('55.5%');
    expect(html).toContain('64.0 MiB');
    expect(html).toContain('80.0 MiB');
    expect(html).toContain('SIMULATED');
    expect(html).toContain('The last 1 warning and error lines.');
    expect(html).toMatch(/#1 <span class="badge"[^>]*>Failed<\/span> <code class="code">SIMULATED<\/code> #2 <span class="badge"[^>]*>Completed<\/span>/);
    expect(html).toMatch(/<div class="value">2<\/div><div class="name">Failed<\/div>/);
    expect(html).not.toContain(en.notes.stillRunning);
  });

  it('shows the design’s analysis: health and performance scores, risk level, failure rate and recommendations', () => {
    // One failed agent of two: health 90; 50% failures, at most −40: performance 60.
    const html = renderReportHtml(sampleReport(), en);
    expect(html).toContain('Health</h2>');
    expect(html).toMatch(/<div class="value">90<\/div><div class="name">Health score<\/div>/);
    expect(html).toMatch(/<div class="value">60<\/div><div class="name">Performance score<\/div>/);
    expect(html).toMatch(/<div class="value">Low<\/div><div class="name">Risk level<\/div>/);
    expect(html).toContain('<li>Optimize the flow or add resources.</li>');
    expect(html).not.toContain('Check the error logs');
    expect(renderReportHtml(sampleReport(), zh)).toContain('<li>建议优化流程设计或增加资源。</li>');
  });

  it('writes the times in the reader’s zone', () => {
    const html = renderReportHtml(sampleReport({ timeZone: 'Asia/Shanghai' }), en);
    expect(html).toContain('2026-11-22 22:00:00');
    expect(html).toContain('Times in Asia/Shanghai');
  });

  it('speaks Chinese when asked', () => {
    const html = renderReportHtml(sampleReport(), zh);
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toContain('<h1>运行报告：红蓝对抗 &lt;script&gt;');
    expect(html).toContain('1 分 30 秒');
    expect(html).toContain('>失败</span>');
    expect(html).toContain('操作员操作</h2>');
  });

  it('draws the timeline as SVG bars, one per attempt, coloured by outcome', () => {
    const html = renderReportHtml(sampleReport(), en);
    const svgs = html.match(/<svg class="gantt"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(1);
    expect(svgs[0]!.match(/<rect x=/g)).toHaveLength(3);
    expect(svgs[0]).toContain('fill="#c62828"');
    expect(svgs[0]).toContain('scout · 侦察');
    expect(html).not.toContain(en.notes.timelineTruncated.slice(0, 10));
  });

  it('says so when lists were cut, and when the task still runs', () => {
    const report = sampleReport();
    const nodes = Array.from({ length: REPORT_LIMITS.htmlNodeRows + 20 }, (_, index) => reportNode(`n${index}`));
    const html = renderReportHtml(
      {
        ...report,
        task: { ...report.task, status: 'running', endTime: null },
        nodes,
        timeline: { ...report.timeline, total: 900 },
        failures: { ...report.failures, total: 300 },
        operatorActions: { ...report.operatorActions, total: 5000 },
      },
      en,
    );
    expect(html).toContain(en.notes.stillRunning);
    expect(html).toContain('Showing the first 2 of 900 agents to start.');
    expect(html).toContain('Showing 1 of 300 failed nodes with their logs.');
    expect(html).toContain('Showing the first 1 of 5000 operator actions.');
    expect(html).toContain(`Showing ${REPORT_LIMITS.htmlNodeRows} of ${REPORT_LIMITS.htmlNodeRows + 20} nodes; the CSV export lists them all.`);
    expect(html).toContain(`;n${REPORT_LIMITS.htmlNodeRows - 1}<`);
    expect(html).not.toContain(`;n${REPORT_LIMITS.htmlNodeRows}<`);
  });

  it('has something to say for an empty run', () => {
    const report = sampleReport();
    const html = renderReportHtml(
      {
        ...report,
        task: { ...report.task, status: 'pending', startTime: null, endTime: null, durationMs: null, errorMessage: null },
        failures: { items: [], total: 0 },
        retries: { items: [], total: 0 },
        operatorActions: { items: [], total: 0 },
        resources: { taskPeakCpuPercent: null, taskPeakMemoryBytes: null, topCpu: [], topMemory: [] },
        timeline: { items: [], total: 0, start: null, end: null },
      },
      en,
    );
    for (const note of ['noFailures', 'noRetries', 'noActions', 'noTimeline'] as const) expect(html).toContain(en.notes[note]);
    expect(html).toContain(en.resources.noSamples);
    expect(html).not.toContain('<svg');
  });

  it('keeps a long gantt printable: one chart per forty agents', () => {
    const report = sampleReport();
    const rows = Array.from({ length: 95 }, (_, index) => ({
      nodeId: `a${index}`,
      name: null,
      bars: [{ batch: 1, status: 'completed' as const, errorCode: null, startTime: T0 + index * 10, endTime: T0 + index * 10 + 100 }],
    }));
    const html = renderReportHtml({ ...report, timeline: { items: rows, total: 95, start: T0, end: T0 + 1040 } }, en);
    expect(html.match(/<svg class="gantt"/g)).toHaveLength(3);
  });
});

describe('renderReportHtml: pauses, reasons and codes (issue 21 item 13)', () => {
  const nodeRows = (html: string) => {
    const table = html.slice(html.indexOf(`${en.sections.nodes}</h2>`));
    const head = [...table.slice(table.indexOf('<thead>'), table.indexOf('</thead>')).matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((match) => match[1]);
    const rows = [...table.matchAll(/<tr>(<td[\s\S]*?)<\/tr>/g)].map((match) => [...match[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!));
    return { head, rows };
  };

  it('reads a task pause and resume as Running → Paused and Paused → Running, never Running → Running', () => {
    const report = sampleReport();
    report.operatorActions = {
      items: [
        { time: T0 + 1000, operator: 'ops', nodeId: 'root', batch: 1, from: 'running', to: 'running', reason: 'task paused: no new node starts' },
        { time: T0 + 2000, operator: 'ops', nodeId: 'root', batch: 1, from: 'running', to: 'running', reason: 'task resumed' },
      ],
      total: 2,
    };
    for (const strings of [en, zh]) {
      const html = renderReportHtml(report, strings);
      const section = html.slice(html.indexOf(`${strings.sections.operatorActions}</h2>`), html.indexOf(`${strings.sections.nodes}</h2>`));
      const changes = [...section.matchAll(/<td class="fit">((?:<span class="badge"[^>]*>[^<]*<\/span>) → (?:<span class="badge"[^>]*>[^<]*<\/span>))<\/td>/g)].map((match) =>
        match[1]!.replace(/<[^>]+>/g, ''),
      );
      expect(changes).toEqual([`${strings.status.running} → ${strings.status.paused}`, `${strings.status.paused} → ${strings.status.running}`]);
      expect(section).not.toContain(`${strings.status.running}</span> → <span class="badge" style="background:#1e88e5">${strings.status.running}`);
    }
  });

  it('puts a skipped node’s code and message under Reason and leaves its Error cell empty', () => {
    const report = sampleReport();
    report.nodes = [
      reportNode('skippy', { status: 'skipped', errorCode: 'DEPENDENCY_UNSATISFIED', errorMessage: 'dependencies can never be satisfied' }),
      reportNode('broken', { status: 'failed', errorCode: 'EXIT_CODE', errorMessage: 'exit code 1' }),
    ];
    const { head, rows } = nodeRows(renderReportHtml(report, en));
    const error = head.indexOf(en.fields.error);
    const reason = head.indexOf(en.fields.reason);
    expect(reason).toBeGreaterThan(error);
    const [skippy, broken] = rows;
    expect(skippy![error]).toBe(en.none);
    expect(skippy![reason]).toContain('dependencies can never be satisfied');
    expect(skippy![reason]).toContain('DEPENDENCY_<wbr>UNSATISFIED');
    expect(broken![error]).toContain('exit code 1');
    expect(broken![reason]).toBe(en.none);
  });

  it('lets a long code break only after its underscores', () => {
    const report = sampleReport();
    report.nodes = [reportNode('x', { status: 'failed', errorCode: 'ENGINE_CONNECTION_REFUSED_BY_REMOTE_PEER', errorMessage: null })];
    const html = renderReportHtml(report, en);
    expect(html).toContain('<code class="code">ENGINE_<wbr>CONNECTION_<wbr>REFUSED_<wbr>BY_<wbr>REMOTE_<wbr>PEER</code>');
    expect(html).toMatch(/code\.code \{[^}]*overflow-wrap: normal;[^}]*word-break: normal;/);
  });
});

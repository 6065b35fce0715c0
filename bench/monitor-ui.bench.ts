/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { TaskChange } from '../src/shared/task/changes';
import { panByDrag, panByMinimap, zoomByWheel } from './ui/gestures';
import { startFrames, startUiBench, stopFrames, type UiBench } from './ui/harness';
import { editorWorkflow, monitorWorkflow } from './ui/large-workflows';
import { fmt, quantile, verdict } from './ui/stats';

/**
 * Issue 8's monitor targets in headless Chromium: during a 10,000-node run with about 500 node
 * updates and 5,000 log lines a second, the renderer's p95 frame time stays under 50 ms (the
 * tree tab, then the log tab with its live tail), and a change shows on screen within 100 ms
 * (p95) of reaching the console. Changes are timed two ways, the Node side noting when each
 * leaves the core's event stream and the page when it shows (one clock: the same machine):
 * the task's completed counter in the header, and the status of each tree row in view.
 * Then issue 20's goal 5: the live graph of a running 1,000-node task panned and zoomed with a
 * p95 frame under 33 ms, measured beside the editor showing the same workflow.
 */
const FRAME_TARGET_MS = 50;
const MOTION_TARGET_MS = 33;
const LATENCY_TARGET_MS = 100;

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}

async function watchCounter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { value: number; time: number }[] = [];
    (window as unknown as { __counter: typeof seen }).__counter = seen;
    const target = document.querySelector('[data-counter="completed"] dd')!;
    new MutationObserver(() => seen.push({ value: Number(target.textContent), time: Date.now() })).observe(target, { childList: true, characterData: true, subtree: true });
  });
}

/**
 * Notes every status change of a tree row while it stays the same node (rows are keyed by
 * node, but a row scrolled into view is a new row, not a change).
 */
async function watchRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { key: string; time: number }[] = [];
    (window as unknown as { __rows: typeof seen }).__rows = seen;
    new MutationObserver((records) => {
      const time = Date.now();
      for (const record of records) {
        const row = record.target as Element;
        if (record.oldValue === null) continue;
        seen.push({ key: `${row.getAttribute('data-node-id')}|${row.getAttribute('data-status')}`, time });
      }
    }).observe(document.querySelector('[data-testid="node-tree"]')!, { subtree: true, attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
  });
}

/** Scrolls the tree so the row at `index` (depth-first, all expanded) is near the top of the view. */
async function scrollTreeTo(page: Page, index: number): Promise<void> {
  await page.evaluate((row) => {
    const scroll = document.querySelector('[data-testid="node-tree"] .tree-scroll')!;
    const height = (scroll.querySelector('[data-node-id]') as HTMLElement | null)?.offsetHeight ?? 0;
    scroll.scrollTop = Math.max(0, row - 4) * height;
  }, index);
}

const rowsSeen = (page: Page) => page.evaluate(() => (window as unknown as { __rows: { key: string; time: number }[] }).__rows.splice(0));

const counterSeen = (page: Page) => page.evaluate(() => (window as unknown as { __counter: { value: number; time: number }[] }).__counter.splice(0));

interface Emitted {
  /** completed counter value → when it left the core */
  counter: Map<number, number>;
  /** `${nodeId}|${status}` → when it left the core */
  rows: Map<string, number>;
}

/**
 * Measures for `seconds`; `follow`, when given, runs every 2 s (the tree tab keeps the rows
 * that are starting in view, as an operator watching the run would).
 */
async function measure(bench: UiBench, taskId: string, seconds: number, emitted: Emitted, updates: { count: number }, follow?: () => Promise<void>) {
  const logsBefore = countLogs(bench, taskId);
  const updatesBefore = updates.count;
  const started = Date.now();
  await counterSeen(bench.page);
  await rowsSeen(bench.page);
  await follow?.();
  await startFrames(bench.page);
  for (let waited = 0; waited < seconds * 1000; waited += 2000) {
    await bench.page.waitForTimeout(Math.min(2000, seconds * 1000 - waited));
    if (waited + 2000 < seconds * 1000) await follow?.();
  }
  const frames = await stopFrames(bench.page);
  const elapsed = (Date.now() - started) / 1000;
  const latencies = (await counterSeen(bench.page)).flatMap(({ value, time }) => (emitted.counter.has(value) ? [time - emitted.counter.get(value)!] : []));
  const rowLatencies = (await rowsSeen(bench.page)).flatMap(({ key, time }) => (emitted.rows.has(key) ? [time - emitted.rows.get(key)!] : []));
  return { frames, latencies, rowLatencies, updatesPerSecond: (updates.count - updatesBefore) / elapsed, linesPerSecond: (countLogs(bench, taskId) - logsBefore) / elapsed };
}

function countLogs(bench: UiBench, taskId: string): number {
  return Number(bench.runtime.store.db.prepare('SELECT count(*) FROM node_execution_log WHERE task_id = ?').pluck().get(BigInt(taskId)));
}

const EDITOR = '[data-testid="editor-canvas"]';
const GRAPH = '[data-testid="live-graph"]';
const row = (frames: number[]) => `${fmt(quantile(frames, 0.5))}/${fmt(quantile(frames, 0.95))}/${fmt(Math.max(...frames))} (${frames.length})`;

/**
 * Pans and zooms the same laid-out workflow in the editor and, started as a task whose agents
 * take `durationMs`, in the live graph, one after the other, and prints them side by side.
 * Returns how many targets were missed.
 */
async function graphMotion(bench: UiBench, nodes: number, durationMs: number, seconds: number): Promise<number> {
  const workflow = editorWorkflow(nodes, Math.round(nodes * 1.5));
  const saved = await bench.runtime.api.saveTemplate({ definition: workflow });
  if (!saved.ok) throw new Error('the store refused the workflow');
  const live = { ...workflow, nodes: workflow.nodes.map((node) => (node.nodeType === 'agent' ? { ...node, agentConfig: { durationMs, steps: 2, outcome: 'completed' } } : node)) };
  const { task_id: taskId } = await bench.runtime.api.createTask(live);
  await bench.runtime.api.startTask(taskId);
  const ms = seconds * 1000;
  const page = bench.page;

  await page.evaluate(() => (location.hash = '#/editor'));
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId(`template-open-${saved.template.name}`).click();
  await page.locator(`${EDITOR} .canvas-minimap canvas`).waitFor();
  await page.waitForTimeout(1500);
  const editor = { map: await panByMinimap(page, EDITOR, ms), zoom: await zoomByWheel(page, `${EDITOR} .react-flow__pane`, ms) };

  await page.evaluate((id) => (location.hash = `#/tasks/${id}/graph`), taskId);
  await page.locator(`${GRAPH} .canvas-minimap canvas`).waitFor();
  await page.waitForTimeout(1500);
  if (process.env['UI_BENCH_PROFILE']) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    await startFrames(page);
    await page.waitForTimeout(ms);
    const still = await stopFrames(page);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = byId.get(id)!;
      const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    });
    console.log(`still: ${row(still)}`);
    for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${fmt(time)} ms ${key}`);
  }
  const graph = { map: await panByMinimap(page, GRAPH, ms), drag: await panByDrag(page, GRAPH, ms), zoom: await zoomByWheel(page, GRAPH, ms) };
  if (durationMs > 0) await bench.runtime.api.stopTask(taskId, 'benchmark over');

  console.log(`Pan and zoom, ${workflow.nodes.length} nodes (the editor benchmark's shape), ${seconds} s each; the task's sim agents take ${durationMs} ms${durationMs > 0 ? ', so it runs meanwhile' : ''}`);
  console.log(`${'frame p50/p95/max ms (frames)'.padEnd(32)} ${'editor'.padStart(22)} ${'live graph'.padStart(22)}`);
  console.log(`${'pan (drag the minimap frame)'.padEnd(32)} ${row(editor.map).padStart(22)} ${row(graph.map).padStart(22)}`);
  console.log(`${'pan (drag the graph)'.padEnd(32)} ${'—'.padStart(22)} ${row(graph.drag).padStart(22)}`);
  console.log(`${'zoom (wheel)'.padEnd(32)} ${row(editor.zoom).padStart(22)} ${row(graph.zoom).padStart(22)}`);
  let missed = 0;
  for (const [label, frames] of [['live graph pan (minimap)', graph.map], ['live graph pan (drag)', graph.drag], ['live graph zoom', graph.zoom]] as const) {
    const p95 = quantile(frames, 0.95);
    const ratio = p95 / quantile(label.endsWith('zoom') ? editor.zoom : editor.map, 0.95);
    console.log(`  ${label} p95 ${fmt(p95)} ms (${fmt(ratio, 2)}× the editor's), target ${MOTION_TARGET_MS} ms: ${verdict(p95, MOTION_TARGET_MS)}`);
    if (!(p95 <= MOTION_TARGET_MS)) missed++;
  }
  return missed;
}

export async function main(args: string[]): Promise<number> {
  const views = (args.includes('--views') ? args[args.indexOf('--views') + 1]! : 'tree,logs,graph').split(',');
  const graphNodes = option(args, '--graph-nodes', 1000);
  const nodes = option(args, '--nodes', 10_000);
  const seconds = option(args, '--seconds', 10);
  const capacity = option(args, '--capacity', 96);
  const durationMs = option(args, '--duration-ms', 500);
  const linesPerAgent = option(args, '--lines-per-second', 60);
  const bench = await startUiBench({ embeddedCapacity: capacity });
  let missed = 0;
  try {
    if (views.includes('graph')) missed += await graphMotion(bench, graphNodes, option(args, '--graph-agent-ms', 2000), 3);
    if (!views.includes('tree') && !views.includes('logs')) return missed === 0 ? 0 : 1;
    const workflow = monitorWorkflow(nodes, 100, { durationMs, steps: 2, outcome: 'completed', logLinesPerSecond: linesPerAgent, cpuPercent: 5, memoryMb: 40 });
    const created = await bench.runtime.api.createTask(workflow);
    const taskId = created.task_id;
    const emitted: Emitted = { counter: new Map(), rows: new Map() };
    const updates = { count: 0 };
    const order = new Map(workflow.nodes.map((node, index) => [node.nodeId, index]));
    // The Engine takes ready agents across the containers, so the rows after the last one started are next.
    let lastStarted = 0;
    bench.runtime.events.subscribe('taskChanged', (batch: TaskChange[]) => {
      const now = Date.now();
      for (const change of batch) {
        if (change.taskId !== taskId) continue;
        updates.count += change.nodes.length;
        if (change.task && !emitted.counter.has(change.task.completedNodes)) emitted.counter.set(change.task.completedNodes, now);
        for (const node of change.nodes) {
          const key = `${node.nodeId}|${node.status}`;
          if (!emitted.rows.has(key)) emitted.rows.set(key, now);
          if (node.status === 'running') lastStarted = order.get(node.nodeId) ?? lastStarted;
        }
      }
    });
    await bench.page.evaluate((id) => (location.hash = `#/tasks/${id}/tree`), taskId);
    await bench.page.getByTestId('node-tree').waitFor();
    await watchCounter(bench.page);
    await watchRows(bench.page);
    await bench.runtime.api.startTask(taskId);
    await bench.page.waitForTimeout(3000);

    console.log(`Monitor benchmark: ${nodes} nodes, Engine capacity ${capacity}, sim agents of ${durationMs} ms writing ${linesPerAgent} lines/s, headless Chromium 1366x768, ${seconds} s per view`);
    for (const tab of (['tree', 'logs'] as const).filter((view) => views.includes(view))) {
      if (tab === 'logs') await bench.page.getByTestId('tab-logs').click();
      await bench.page.waitForTimeout(1000);
      const result = await measure(bench, taskId, seconds, emitted, updates, tab === 'tree' ? () => scrollTreeTo(bench.page, lastStarted) : undefined);
      const framesP95 = quantile(result.frames, 0.95);
      const latencyP95 = quantile(result.latencies, 0.95);
      console.log(`${tab} tab: load ${fmt(result.updatesPerSecond, 0)} node updates/s, ${fmt(result.linesPerSecond, 0)} log lines/s`);
      console.log(`  frame time p50/p95/max ${fmt(quantile(result.frames, 0.5))}/${fmt(framesP95)}/${fmt(Math.max(...result.frames))} ms over ${result.frames.length} frames, target p95 ${FRAME_TARGET_MS} ms: ${verdict(framesP95, FRAME_TARGET_MS)}`);
      console.log(
        `  change → screen p50/p95/max ${fmt(quantile(result.latencies, 0.5))}/${fmt(latencyP95)}/${fmt(Math.max(...result.latencies))} ms over ${result.latencies.length} changes, target p95 ${LATENCY_TARGET_MS} ms: ${verdict(latencyP95, LATENCY_TARGET_MS)}`,
      );
      if (tab === 'tree') {
        const rowP95 = quantile(result.rowLatencies, 0.95);
        console.log(
          `  change → tree row p50/p95/max ${fmt(quantile(result.rowLatencies, 0.5))}/${fmt(rowP95)}/${fmt(Math.max(...result.rowLatencies))} ms over ${result.rowLatencies.length} row changes in view (the view follows the last row started every 2 s), target p95 ${LATENCY_TARGET_MS} ms: ${verdict(rowP95, LATENCY_TARGET_MS)}`,
        );
        if (!(rowP95 <= LATENCY_TARGET_MS)) missed++;
      }
      if (!(framesP95 <= FRAME_TARGET_MS)) missed++;
      if (!(latencyP95 <= LATENCY_TARGET_MS)) missed++;
    }
    await bench.runtime.api.stopTask(taskId, 'benchmark over');
  } finally {
    await bench.close();
  }
  console.log('Log search over 1,000,000 lines: npm run bench:log-search');
  return missed === 0 ? 0 : 1;
}

/**
 * The report's own stylesheet, inlined in the document so it stands alone: no external
 * resources, readable on screen, and laid out for A4 paper when printed or exported as PDF.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 12mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1f2328; background: #fff;
  font: 0.875rem/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
.meta { color: #57606a; margin: 0 0 1rem; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.6rem; color: #fff; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
.sub { color: #57606a; }
.note { color: #57606a; font-style: italic; margin: 0.3rem 0; }
.alert { border-left: 4px solid #f9a825; background: #fff8e1; padding: 0.4rem 0.7rem; margin: 0.5rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 0.6rem; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f3f5f7; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.fit, th.fit { white-space: nowrap; }
td.wrap { overflow-wrap: anywhere; min-width: 9rem; }
code.code { font: 0.8em ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; overflow-wrap: normal; word-break: normal; hyphens: none; }
table.facts th { width: 12rem; }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 0.5rem; }
.tile { border: 1px solid #d0d7de; border-radius: 0.4rem; padding: 0.4rem 0.6rem; break-inside: avoid; }
.tile .value { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile .name { color: #57606a; font-size: 0.8rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.failure { border: 1px solid #d0d7de; border-left: 4px solid #c62828; border-radius: 0.3rem; padding: 0.3rem 0.7rem; margin: 0.6rem 0; }
.logs td { overflow-wrap: anywhere; }
.logs td:not(:last-child) { white-space: nowrap; }
.logs td:last-child { font: 0.75rem/1.35 ui-monospace, "Cascadia Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; white-space: pre-wrap; }
.logs .error { color: #c62828; }
.logs .warn { color: #a05a00; }
.gantt { display: block; margin: 0.3rem 0 0.8rem; break-inside: avoid; }
.gantt .label, .gantt .tick { font: 10px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; fill: #1f2328; }
.gantt .tick { fill: #57606a; }
.gantt .grid { stroke: #d0d7de; stroke-width: 0.6; }
.gantt .stripe { fill: #f6f8fa; }
.legend { display: flex; flex-wrap: wrap; gap: 0.8rem; font-size: 0.8rem; }
.legend span::before { content: ""; display: inline-block; width: 0.8rem; height: 0.6rem; margin-right: 0.3rem; border-radius: 2px; background: var(--swatch); }
.page { break-before: page; }
@media print {
  body { padding: 0; max-width: none; font-size: 0.75rem; }
  h2 { break-after: avoid; }
  .failure, .tile, table.facts { break-inside: avoid; }
}
`;

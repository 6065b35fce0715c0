import { Option, type Command } from 'commander';
import { extname } from 'node:path';
import { REPORT_FORMATS, reportLanguageSchema, reportRequestSchema, type ReportFormat } from '../shared/report/run-report';
import { requireShippedDir } from '../main/core/paths';
import { systemHtmlToPdf } from '../main/core/report/chromium-pdf';
import { exportRunReport } from '../main/core/report/export-report';
import { openStore } from '../main/core/store/store';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { dbOption } from './db-option';
import { writeFileWhole } from './write-output';

interface ReportOptions {
  out: string;
  format?: ReportFormat;
  language: string;
  timeZone: string;
  compareWith?: string;
  db: string;
  afterAction?: boolean;
}

/** The format named by the output file's extension, when --format does not say. */
function formatOf(options: ReportOptions): ReportFormat {
  if (options.format) return options.format;
  const extension = extname(options.out).slice(1).toLowerCase();
  return REPORT_FORMATS.find((format) => format === extension) ?? 'html';
}

export const registerReport: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('report')
    .description(describeCommand('report'))
    .argument('<task>', 'the task id')
    .requiredOption('--out <file>', 'the file to write')
    .addOption(new Option('--format <format>', 'html, pdf or csv (default: from the --out extension, else html)').choices(REPORT_FORMATS))
    .addOption(new Option('--language <language>', 'the language of the report').choices(reportLanguageSchema.options).default('en'))
    .option('--time-zone <zone>', 'IANA time zone of the times in the report', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option('--compare-with <task>', 'add how this run differs from that task’s run (html and pdf)')
    .option('--after-action', "the after-action review built from the task's bookmarks (HTML or PDF) instead of the run report")
    .addOption(dbOption())
    .action(async (task: string, options: ReportOptions) => {
      const request = reportRequestSchema.safeParse({ taskId: task, format: formatOf(options), language: options.language, timeZone: options.timeZone, compareWith: options.compareWith, ...(options.afterAction ? { afterAction: true } : {}) });
      if (!request.success) {
        const issue = request.error.issues[0]!;
        io.err(`deduction report: ${issue.path.join('.') || 'argument'} ${issue.message}`);
        exit(2);
        return;
      }
      const store = await openStore({ file: options.db, migrationsDir: requireShippedDir('migrations') });
      try {
        const file = await exportRunReport(store, request.data, request.data.format === 'pdf' ? systemHtmlToPdf() : undefined);
        const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
        await writeFileWhole(options.out, bytes);
        io.out(`wrote the ${request.data.format.toUpperCase()} ${request.data.afterAction ? 'after-action review' : 'report'} of task ${task} to ${options.out} (${bytes.byteLength} bytes)`);
        exit(0);
      } finally {
        store.close();
      }
    });
};

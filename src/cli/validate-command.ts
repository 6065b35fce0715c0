import type { Command } from 'commander';
import { readWorkflowFile } from '../main/core/workflow/json-file';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { WORKFLOW_FORMAT_NAMES } from '../shared/workflow/read-result';
import { shippedCatalog } from './shipped-catalog';
import { counted, describeDefinition, isUnreadable, problemLines, reportUnreadable } from './problem-report';

/** Exit codes of `deduction validate`: 0 valid (warnings allowed), 2 invalid or unreadable. */
export const VALIDATE_EXIT = { valid: 0, invalid: 2 } as const;

export const registerValidate: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('validate')
    .description(describeCommand('validate'))
    .argument('<file>', 'the workflow: the Deduction JSON definition, an IT-ops template or BPMN 2.0 XML')
    .option('--json', 'print the result as JSON (format, ok, problems) instead of text')
    .action(async (file: string, options: { json?: boolean }) => {
      // Agent configs are checked against the catalog an embedded Engine would run them with.
      const result = await readWorkflowFile(file, { agents: shippedCatalog(io) });
      const ok = result.definition !== undefined;
      exit(ok ? VALIDATE_EXIT.valid : VALIDATE_EXIT.invalid);
      if (options.json) {
        io.out(JSON.stringify({ file, format: result.format ?? null, ok, problems: result.problems }, null, 2));
        return;
      }
      if (isUnreadable(result)) return reportUnreadable(io, result);
      for (const line of problemLines(result.problems)) io.out(line);
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      const warnings = result.problems.length - errors;
      const format = WORKFLOW_FORMAT_NAMES[result.format ?? 'json'];
      if (result.definition) {
        io.out(`${file}: valid ${format} workflow ${describeDefinition(result.definition)}${warnings > 0 ? `; ${counted(warnings, 'warning')}` : ''}`);
      } else {
        io.out(`${file}: invalid ${format} workflow: ${counted(errors, 'error')}${warnings > 0 ? `, ${counted(warnings, 'warning')}` : ''}`);
      }
    });
};

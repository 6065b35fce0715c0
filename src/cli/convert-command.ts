import { Option, type Command } from 'commander';
import { WORKFLOW_FORMAT_NAMES, WORKFLOW_FORMATS, type WorkflowFormat } from '../shared/workflow/read-result';
import { definitionToItops } from '../shared/workflow/itops/export';
import type { CliIo } from './io';
import { readWorkflowFile } from '../main/core/workflow/json-file';
import type { NormalizedWorkflowDefinition } from '../shared/workflow/normalized';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { describeDefinition, isUnreadable, problemLines, reportUnreadable } from './problem-report';
import { writeFileWhole } from './write-output';
import { errorText } from '../shared/error-text';

/** Exit codes of `deduction convert`: 0 written, 2 input invalid or unreadable, 1 output not written. */
export const CONVERT_EXIT = { written: 0, notWritten: 1, invalid: 2 } as const;

export const registerConvert: CommandRegistrar = (program: Command, io, exit) => {
  program
    .command('convert')
    .description(describeCommand('convert'))
    .argument('<file>', 'the workflow to convert (JSON, IT-ops template or BPMN)')
    .addOption(new Option('--to <format>', 'the format to write (itops: the IT-ops design\'s template)').choices([...WORKFLOW_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it ("-" for standard output)')
    .action(async (file: string, options: { to: WorkflowFormat; out: string }) => {
      const result = await readWorkflowFile(file);
      // Problems go to stderr so that `--out -` leaves stdout to the converted workflow.
      if (!result.definition) {
        if (isUnreadable(result)) reportUnreadable(io, result);
        else for (const line of problemLines(result.problems)) io.err(line);
        io.err(`deduction: ${file} is not a valid workflow; nothing was written`);
        return exit(CONVERT_EXIT.invalid);
      }
      for (const line of problemLines(result.problems)) io.err(line);
      const text = await render(result.definition, options.to, io);
      if (options.out === '-') {
        io.out(text);
        return exit(CONVERT_EXIT.written);
      }
      try {
        await writeFileWhole(options.out, text);
      } catch (error) {
        io.err(`deduction: could not write ${options.out}: ${errorText(error)}`);
        return exit(CONVERT_EXIT.notWritten);
      }
      io.out(`wrote ${options.out}: ${WORKFLOW_FORMAT_NAMES[options.to]} workflow ${describeDefinition(result.definition)}`);
      exit(CONVERT_EXIT.written);
    });
};

/** The workflow's text; what the IT-ops template cannot say as the definition does is a warning on stderr. */
async function render(definition: NormalizedWorkflowDefinition, format: WorkflowFormat, io: CliIo): Promise<string> {
  // Loaded only for BPMN output: the export brings bpmn-moddle and ELK.
  if (format === 'bpmn') return (await import('../main/core/workflow/bpmn/export')).exportBpmn(definition);
  if (format === 'itops') {
    const { template, problems } = definitionToItops(definition);
    for (const line of problemLines(problems)) io.err(line);
    return `${JSON.stringify(template, null, 2)}\n`;
  }
  return `${JSON.stringify(definition, null, 2)}\n`;
}

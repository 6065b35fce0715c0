import { InvalidArgumentError, type Command } from 'commander';
import type { OperatorView } from '../shared/api/operators';
import { skillSchema } from '../shared/engine/skills';
import { listOperators, removeOperator, saveOperator } from '../main/core/assignment/operators';
import { withStore } from './catalog-command';
import { dbOption } from './db-option';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';

interface Common {
  db: string;
  json?: boolean;
}

function skill(text: string, previous: string[] = []): string[] {
  const parsed = skillSchema.safeParse(text);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]!.message);
  return [...previous, parsed.data];
}

function operatorLine(operator: OperatorView): string {
  return `${operator.name}${operator.supervisor ? '  (supervisor)' : ''}  skills: ${operator.skills.join(', ') || 'none'}  ${operator.openSteps} open manual step(s)`;
}

/** `deduction operator list|add|remove`: the people who decide manual steps. */
export const registerOperator: CommandRegistrar = (program: Command, io, exit) => {
  const operator = program.command('operator').description(describeCommand('operator'));
  operator
    .command('list')
    .description('list the operators and their open manual steps')
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((options: Common) => withStore(options, io, exit, (store) => listOperators(store), (rows: OperatorView[]) => (rows.length === 0 ? 'no operator' : rows.map(operatorLine).join('\n'))));
  operator
    .command('add')
    .description('add an operator, or replace the skills and supervisor flag of the one of that name')
    .argument('<name>', 'the name sessions act under (a host token’s name, or the desktop’s operator name)')
    .option('--skill <tag>', 'a skill of theirs (repeatable): manual steps requiring skills go to an operator having them all', skill)
    .option('--supervisor', 'may decide any manual step, whoever it is assigned to')
    .option('--json', 'print JSON instead of text')
    .addOption(dbOption())
    .action((name: string, options: Common & { skill?: string[]; supervisor?: boolean }) =>
      withStore(options, io, exit, (store) => saveOperator(store, { name, skills: options.skill ?? [], supervisor: options.supervisor === true }), (saved: OperatorView) => `saved operator ${operatorLine(saved)}`),
    );
  operator
    .command('remove')
    .description('remove an operator (steps already assigned to them stay assigned)')
    .argument('<name>', 'the operator name')
    .addOption(dbOption())
    .action((name: string, options: Common) => withStore(options, io, exit, (store) => removeOperator(store, name), () => `removed operator ${name}`));
};

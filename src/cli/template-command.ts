import { Argument, Option, type Command } from 'commander';
import { dbOption } from './db-option';
import type { CommandRegistrar } from './index';
import { describeCommand } from './commands';
import { listOption, MAINTENANCE_EXIT, withMaintenanceStore } from './maintenance-store';
import { archiveTemplate, deleteTemplate, setTemplateStatus, setTemplateTags } from '../main/core/workflow/template-catalog';
import { listTemplates } from '../main/core/workflow/templates';
import { TEMPLATE_STATUSES, type TemplateStatus, type TemplateSummary } from '../shared/workflow/templates';

function templateLine(template: TemplateSummary): string {
  const tags = template.tags.length > 0 ? `  [${template.tags.join(', ')}]` : '';
  return `${template.name}  v${template.version}  ${template.status}${tags}${template.description ? `  ${template.description}` : ''}`;
}

export const registerTemplate: CommandRegistrar = (program: Command, io, exit) => {
  const template = program.command('template').description(describeCommand('template'));

  template
    .command('list')
    .description('the latest version of each template; archived ones only with --status archived')
    .option('--search <text>', 'part of the name, any case')
    .option('--tag <tag>', 'templates carrying this tag, any case')
    .addOption(new Option('--status <statuses>', `only these statuses (${TEMPLATE_STATUSES.join(', ')}), comma-separated`).argParser(listOption))
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action(async (options: { db: string; search?: string; tag?: string; status?: string[]; json?: boolean }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        const templates = listTemplates(store, {
          ...(options.search !== undefined && { search: options.search }),
          ...(options.tag !== undefined && { tag: options.tag }),
          ...(options.status !== undefined && { status: options.status as TemplateStatus[] }),
        });
        io.out(options.json ? JSON.stringify(templates, null, 2) : templates.length === 0 ? 'no templates' : templates.map(templateLine).join('\n'));
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  template
    .command('archive')
    .description('archive a template (every version): kept for the tasks that name it, left out of lists')
    .argument('<name>', 'the template name')
    .addOption(dbOption())
    .action(async (name: string, options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        io.out(`archived ${templateLine(archiveTemplate(store, name))}`);
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  template
    .command('delete')
    .description('delete a template (every version); one that tasks were made from is archived instead')
    .argument('<name>', 'the template name')
    .addOption(dbOption())
    .action(async (name: string, options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        const result = deleteTemplate(store, name);
        io.out(result.outcome === 'deleted' ? `deleted template "${name}" (${result.versions} version(s))` : result.message);
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  template
    .command('status')
    .description(`set a template's status (${TEMPLATE_STATUSES.join(', ')})`)
    .argument('<name>', 'the template name')
    .addArgument(new Argument('<status>', 'the new status').choices(TEMPLATE_STATUSES))
    .addOption(dbOption())
    .action(async (name: string, status: TemplateStatus, options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        io.out(templateLine(setTemplateStatus(store, name, status)));
        exit(MAINTENANCE_EXIT.ok);
      }),
    );

  template
    .command('tag')
    .description("replace a template's tags (none given: no tags)")
    .argument('<name>', 'the template name')
    .argument('[tags...]', 'the tags')
    .addOption(dbOption())
    .action(async (name: string, tags: string[], options: { db: string }) =>
      withMaintenanceStore(options.db, io, exit, (store) => {
        io.out(templateLine(setTemplateTags(store, name, tags)));
        exit(MAINTENANCE_EXIT.ok);
      }),
    );
};

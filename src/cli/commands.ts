import type { CommandRegistrar } from './index';

/**
 * Every top-level command: its name, how the command list shows its arguments, its one-line
 * description, and the module that registers it (with its sibling commands, if any), loaded only when the
 * command runs. A command
 * then starts without the code (and the dependencies: SQLite, socket.io, BPMN…) of the others,
 * and `deduction --help` lists them all without loading any.
 */
export interface CommandEntry {
  /** What follows the name in the command list, e.g. `[options] <file>`. */
  usage: string;
  description: string;
  load: () => Promise<CommandRegistrar>;
}

export const COMMANDS = {
  run: {
    usage: '[options] <file>',
    description: 'run a workflow (JSON, IT-ops template or BPMN) to its end, on the embedded Engine or the Engines given',
    load: async () => (await import('./run-command')).registerRun,
  },
  serve: {
    usage: '[options]',
    description: 'serve the console to browsers: watch (viewer token) or drive (operator token) live deductions',
    load: async () => (await import('./serve-command')).registerServe,
  },
  engine: {
    usage: '[options]',
    description: 'run an Engine service: consoles connect to it with its token and run agents from its catalog',
    load: async () => (await import('./engine-command')).registerEngine,
  },
  validate: {
    usage: '[options] <file>',
    description: 'check a workflow file (JSON, IT-ops template or BPMN), its limits and its agent configs against the shipped catalog, and print every problem and warning',
    load: async () => (await import('./validate-command')).registerValidate,
  },
  convert: {
    usage: '[options] <file>',
    description: 'convert a workflow between the Deduction JSON definition, the IT-ops template and BPMN 2.0 XML',
    load: async () => (await import('./convert-command')).registerConvert,
  },
  'export-run': {
    usage: '[options] <task>',
    description: "write one task's rows (nodes, executions, logs, transitions, samples) to a bundle file, with a SHA-256 digest of its content",
    load: async () => (await import('./run-bundle-command')).registerRunBundles,
  },
  'import-run': {
    usage: '[options] <file>',
    description: 'add a task from a bundle to the database as read-only history (never run); importing the same bundle again changes nothing',
    load: async () => (await import('./run-bundle-command')).registerRunBundles,
  },
  backup: {
    usage: '[options]',
    description: 'back the database up, consistently, even while a deduction runs: compressed into the backup folder, or to --out',
    load: async () => (await import('./backup-command')).registerBackup,
  },
  restore: {
    usage: '[options] [file]',
    description: 'replace the database with a backup (a copy or a compressed .gz); the replaced database is kept beside it. Close the app first',
    load: async () => (await import('./backup-command')).registerBackup,
  },
  report: {
    usage: '[options] <task>',
    description: "write a task's run report (HTML or PDF) or its node table (CSV)",
    load: async () => (await import('./report-command')).registerReport,
  },
  compare: {
    usage: '[options] <taskA> <taskB>',
    description: 'compare two runs node by node: nodes only one had, and where status, attempts, duration and results differ',
    load: async () => (await import('./compare-command')).registerCompare,
  },
  scheme: {
    usage: '',
    description: 'list, create, edit and archive deduction schemes (推演方案)',
    load: async () => (await import('./catalog-command')).registerCatalog,
  },
  env: {
    usage: '',
    description: 'list, create, edit and archive environments (环境实例): the Engines a task made in one runs on',
    load: async () => (await import('./catalog-command')).registerCatalog,
  },
  alerts: {
    usage: '',
    description: 'list the alerts kept in the database; acknowledge or resolve one',
    load: async () => (await import('./alerts-command')).registerAlerts,
  },
  template: {
    usage: '',
    description: 'workflow templates: list, search, tag, archive and delete',
    load: async () => (await import('./template-command')).registerTemplate,
  },
  task: {
    usage: '',
    description: 'tasks: archive and delete ended ones (never a running, initializing or paused one)',
    load: async () => (await import('./task-command')).registerTask,
  },
  operator: {
    usage: '',
    description: 'list, add and remove the operators who decide manual steps: their skills, and whether they supervise',
    load: async () => (await import('./operator-command')).registerOperator,
  },
  clock: {
    usage: '[options] <task>',
    description: "show a task's exercise clock (task time, rate, paused, changes); pause, resume, step or set its rate through a running host",
    load: async () => (await import('./clock-command')).registerClock,
  },
  hold: {
    usage: '[options] <task> <node>',
    description: 'hold a node of a running task through a running `deduction serve`: not started, it waits; running, its agent pauses on its Engine',
    load: async () => (await import('./hold-command')).registerHold,
  },
  release: {
    usage: '[options] <task> <node>',
    description: 'release a held node through a running `deduction serve`: it starts when its dependencies say, or its paused agent runs on',
    load: async () => (await import('./hold-command')).registerHold,
  },
  trigger: {
    usage: '',
    description: 'list, add, pause, resume, remove and fire the triggers that start tasks of templates by themselves',
    load: async () => (await import('./trigger-command')).registerTrigger,
  },
  vars: {
    usage: '[options] <task> <name=value...>',
    description: "change variables of a running task through its host: nodes that have not started see the new values",
    load: async () => (await import('./live-command')).registerLive,
  },
  'add-nodes': {
    usage: '[options] <task> <file>',
    description: 'add nodes (a subtree, with their dependencies) to a running task through its host',
    load: async () => (await import('./live-command')).registerLive,
  },
  'remove-node': {
    usage: '[options] <task> <node>',
    description: 'remove a node that has not started (and what it holds) from a running task through its host',
    load: async () => (await import('./live-command')).registerLive,
  },
  rerun: {
    usage: '[options] <task> <node>',
    description: 'rerun a node and what depends on it through its host, optionally with an edited config',
    load: async () => (await import('./live-command')).registerLive,
  },
  inject: {
    usage: '[options] <task> [inject]',
    description: "fire a task's inject by hand (the console running the task carries it out, once), or --list its injects",
    load: async () => (await import('./inject-command')).registerInject,
  },
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;

export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** The description a command's module gives itself: the one the command list shows. */
export function describeCommand(name: CommandName): string {
  return COMMANDS[name].description;
}

import { SHORTCUTS, type EditorCommand } from '../model/shortcuts';

/** The commands with a toolbar button. */
export type ToolbarAction = 'new' | 'open' | 'save' | 'import' | 'exportJson' | 'exportBpmn' | 'exportItops' | 'undo' | 'redo' | 'autoLayout' | 'find' | 'start' | 'help';

/** Everything the editor can be told to do, from its toolbar, its keys or a menu. */
export type CommandId = ToolbarAction | EditorCommand;

export interface CommandSpec {
  /** What a button or a menu item shows. */
  label: string;
  /** What it does, for a tooltip. */
  tip: string;
  /** The keys that run it, as the help overlay shows them; empty when none do. */
  shortcut: readonly string[];
  enabled: () => boolean;
  /** Why it is disabled, when there is something to say beyond "not now". */
  reason: () => string | undefined;
  run: () => void;
}

export type CommandTable = ReadonlyMap<CommandId, CommandSpec>;

export interface CommandBehaviour {
  run: () => void;
  enabled?: () => boolean;
  reason?: () => string | undefined;
}

const TOOLBAR_IDS: ReadonlySet<CommandId> = new Set<ToolbarAction>(['new', 'open', 'save', 'import', 'exportJson', 'exportBpmn', 'exportItops', 'undo', 'redo', 'autoLayout', 'find', 'start', 'help']);

/**
 * The table the toolbar, the keyboard and any menu read: each command's words come from the
 * toolbar's strings where it has a button, else from the help overlay's, and its keys from
 * SHORTCUTS, so a label, a tooltip and a key binding cannot drift apart.
 */
export function buildCommandTable(behaviours: Record<CommandId, CommandBehaviour>, t: (key: string) => string): CommandTable {
  const table = new Map<CommandId, CommandSpec>();
  for (const [id, behaviour] of Object.entries(behaviours) as [CommandId, CommandBehaviour][]) {
    const onToolbar = TOOLBAR_IDS.has(id);
    const enabled = behaviour.enabled ?? (() => true);
    table.set(id, {
      label: t(onToolbar ? `toolbar.${id}` : `commands.${id}`),
      tip: t(onToolbar ? `toolbar.tips.${id}` : `commands.${id}`),
      shortcut: SHORTCUTS.find((shortcut) => shortcut.command === id)?.keys ?? [],
      enabled,
      reason: () => (enabled() ? undefined : behaviour.reason?.()),
      run: behaviour.run,
    });
  }
  return table;
}

/** Runs a command if it may run now; false when it may not (disabled, or unknown to the table). */
export function invokeCommand(table: CommandTable, id: CommandId): boolean {
  const command = table.get(id);
  if (!command || !command.enabled()) return false;
  command.run();
  return true;
}

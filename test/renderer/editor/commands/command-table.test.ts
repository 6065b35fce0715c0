import { describe, expect, it } from 'vitest';
import { buildCommandTable, invokeCommand, type CommandBehaviour, type CommandId } from '../../../../src/renderer/src/editor/commands/command-table';
import { SHORTCUTS } from '../../../../src/renderer/src/editor/model/shortcuts';

const IDS: CommandId[] = ['new', 'open', 'save', 'import', 'exportJson', 'exportBpmn', 'exportItops', 'undo', 'redo', 'autoLayout', 'find', 'start', 'help', 'copy', 'cut', 'paste', 'delete', 'selectAll', 'escape', 'fitView'];

function table(overrides: Partial<Record<CommandId, CommandBehaviour>>, ran: CommandId[] = []) {
  const behaviours = Object.fromEntries(IDS.map((id) => [id, overrides[id] ?? { run: () => ran.push(id) }])) as Record<CommandId, CommandBehaviour>;
  return buildCommandTable(behaviours, (key) => `«${key}»`);
}

describe('the editor command table', () => {
  it('takes words from the toolbar strings for toolbar commands and the help strings for the rest, and keys from SHORTCUTS', () => {
    const commands = table({});
    expect(commands.get('save')).toMatchObject({ label: '«toolbar.save»', tip: '«toolbar.tips.save»', shortcut: ['Ctrl+S'] });
    expect(commands.get('paste')).toMatchObject({ label: '«commands.paste»', shortcut: ['Ctrl+V'] });
    expect(commands.get('start')?.shortcut).toEqual([]);
    for (const shortcut of SHORTCUTS) expect(commands.get(shortcut.command)?.shortcut).toEqual(shortcut.keys);
  });

  it('runs an enabled command and refuses a disabled one, giving its reason only while disabled', () => {
    const ran: CommandId[] = [];
    let reviewed = false;
    const commands = table({ start: { run: () => ran.push('start'), enabled: () => reviewed, reason: () => 'review first' } }, ran);
    expect(invokeCommand(commands, 'start')).toBe(false);
    expect(commands.get('start')?.reason()).toBe('review first');
    reviewed = true;
    expect(commands.get('start')?.reason()).toBeUndefined();
    expect(invokeCommand(commands, 'start')).toBe(true);
    expect(invokeCommand(commands, 'undo')).toBe(true);
    expect(ran).toEqual(['start', 'undo']);
  });
});

/**
 * The editor's keyboard shortcuts, as data: the key handler maps strokes through
 * `commandFor`, and the help overlay lists `SHORTCUTS`, so the two cannot disagree.
 */
export type EditorCommand =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'delete'
  | 'selectAll'
  | 'find'
  | 'save'
  | 'help'
  | 'escape'
  | 'fitView'
  | 'autoLayout';

export interface KeyStroke {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface ShortcutContext {
  /** Focus is in a text field, which keeps its own editing keys. */
  inTextField: boolean;
}

/** Commands that still apply while typing in a field. */
const WHILE_TYPING: ReadonlySet<EditorCommand> = new Set(['save', 'escape', 'find', 'help']);

function strokeCommand(stroke: KeyStroke): EditorCommand | undefined {
  const primary = stroke.ctrlKey || stroke.metaKey;
  const key = stroke.key.length === 1 ? stroke.key.toLowerCase() : stroke.key;
  if (primary && !stroke.altKey) {
    if (key === 'z') return stroke.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !stroke.shiftKey) return 'redo';
    if (stroke.shiftKey) return key === 'l' ? 'autoLayout' : undefined;
    switch (key) {
      case 'c':
        return 'copy';
      case 'x':
        return 'cut';
      case 'v':
        return 'paste';
      case 'a':
        return 'selectAll';
      case 'f':
        return 'find';
      case 's':
        return 'save';
      default:
        return undefined;
    }
  }
  if (stroke.altKey || primary) return undefined;
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (key === 'Escape') return 'escape';
  if (key === '?') return 'help';
  if (key === 'F1') return 'help';
  if (key === 'f' && stroke.shiftKey) return 'fitView';
  return undefined;
}

export function commandFor(stroke: KeyStroke, context: ShortcutContext): EditorCommand | undefined {
  const command = strokeCommand(stroke);
  if (!command) return undefined;
  if (context.inTextField && !WHILE_TYPING.has(command)) return undefined;
  // A question mark typed into a field is text, not a request for help.
  if (context.inTextField && command === 'help' && stroke.key === '?') return undefined;
  return command;
}

/** What the help overlay lists: each command with its keys, in the order a user meets them. */
export const SHORTCUTS: readonly { command: EditorCommand; keys: readonly string[] }[] = [
  { command: 'undo', keys: ['Ctrl+Z'] },
  { command: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] },
  { command: 'copy', keys: ['Ctrl+C'] },
  { command: 'cut', keys: ['Ctrl+X'] },
  { command: 'paste', keys: ['Ctrl+V'] },
  { command: 'delete', keys: ['Delete', 'Backspace'] },
  { command: 'selectAll', keys: ['Ctrl+A'] },
  { command: 'find', keys: ['Ctrl+F'] },
  { command: 'save', keys: ['Ctrl+S'] },
  { command: 'autoLayout', keys: ['Ctrl+Shift+L'] },
  { command: 'fitView', keys: ['Shift+F'] },
  { command: 'escape', keys: ['Esc'] },
  { command: 'help', keys: ['?', 'F1'] },
];

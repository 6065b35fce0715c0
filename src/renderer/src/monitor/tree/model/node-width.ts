import type { NodeView } from '../../../../../shared/task/nodes';

/** Rem per character of an id in the tree's monospace text (tree.css, styles.css `code`), with room to spare. */
const ID_CHAR_REM = 0.58;
/** The smaller id shown after a name (.tree-id, 0.8rem). */
const SMALL_ID_CHAR_REM = 0.47;
/** A name's characters in the proportional face; wide (CJK) characters take about a full em. */
const NAME_CHAR_REM = 0.6;
const WIDE_CHAR_REM = 1.05;
/** Per level of nesting (TreeRow's padding), and what every row has before its text: padding, chevron, status icon and their gaps. */
const INDENT_REM = 1.15;
const LEAD_REM = 0.3 + 1.1 + 0.35 + 1 + 0.35;
const CONTAINER_MARK_REM = 0.55 + 0.35;
const TITLE_GAP_REM = 0.45;
const ERROR_CHAR_REM = 0.45;
const ERROR_PAD_REM = 0.6 + 0.35;
/** Never narrower than this, nor wider: a pathological id should not push every figure off the screen. */
export const MIN_NODE_REM = 12;
export const MAX_NODE_REM = 48;

function textRem(text: string, perChar: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? WIDE_CHAR_REM : perChar;
  return width;
}

const measured = new WeakMap<object, { baseLevel: number; rem: number }>();

type Sized = Pick<NodeView, 'nodeId' | 'name' | 'level' | 'nodeType' | 'errorCode'>;

/** The rem one row's Node cell takes: indent, icons, name and id, an error code. */
export function nodeRowRem(node: Sized, baseLevel: number): number {
  const named = node.name !== null && node.name !== node.nodeId;
  let width = LEAD_REM + Math.max(0, node.level - baseLevel) * INDENT_REM;
  if (node.nodeType === 'container') width += CONTAINER_MARK_REM;
  width += named ? textRem(node.name!, NAME_CHAR_REM) + TITLE_GAP_REM + textRem(node.nodeId, SMALL_ID_CHAR_REM) : textRem(node.nodeId, ID_CHAR_REM);
  if (node.errorCode !== null) width += ERROR_PAD_REM + node.errorCode.length * ERROR_CHAR_REM;
  return width;
}

/**
 * The Node column's width for a task: its widest row, whatever is expanded, so the column does
 * not jump as containers open; the space left over goes after the last column, not into names.
 */
export function nodeColumnRem(nodes: Iterable<Sized>): number {
  const all = [...nodes];
  const baseLevel = all.reduce((least, node) => Math.min(least, node.level), Number.POSITIVE_INFINITY);
  let widest = MIN_NODE_REM;
  for (const node of all) {
    // A busy task hands a new list many times a second with few nodes changed: unchanged ones are not measured again.
    let width = measured.get(node);
    if (width === undefined || width.baseLevel !== baseLevel) measured.set(node, (width = { baseLevel, rem: nodeRowRem(node, baseLevel) }));
    widest = Math.max(widest, width.rem);
  }
  return Math.min(MAX_NODE_REM, Math.ceil(widest * 4) / 4);
}

import { describe, expect, it } from 'vitest';
import { treeKeyAction } from '../../../../../src/renderer/src/monitor/tree/model/tree-keys';
import { visibleRows } from '../../../../../src/renderer/src/monitor/tree/model/visible-rows';
import { sampleNodes } from '../fixtures';

const NONE = { statuses: new Set<never>(), search: '' };

describe('tree keyboard', () => {
  const rows = visibleRows(sampleNodes(), new Set(['inner']), NONE).rows;
  const at = (id: string) => rows.findIndex((row) => row.node.nodeId === id);

  it('moves up, down and to the ends, never past them', () => {
    expect(treeKeyAction('ArrowDown', rows, 0)).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction('ArrowDown', rows, rows.length - 1)).toEqual({ type: 'focus', index: rows.length - 1 });
    expect(treeKeyAction('ArrowUp', rows, 0)).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction('Home', rows, 5)).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction('End', rows, 0)).toEqual({ type: 'focus', index: rows.length - 1 });
  });

  it('opens and closes containers, and moves to the first child or the parent', () => {
    expect(treeKeyAction('ArrowRight', rows, at('inner'))).toEqual({ type: 'expand', nodeId: 'inner' });
    expect(treeKeyAction('ArrowRight', rows, at('red'))).toEqual({ type: 'focus', index: at('scout') });
    expect(treeKeyAction('ArrowRight', rows, at('scout'))).toBeNull();
    expect(treeKeyAction('ArrowLeft', rows, at('red'))).toEqual({ type: 'collapse', nodeId: 'red' });
    expect(treeKeyAction('ArrowLeft', rows, at('strike'))).toEqual({ type: 'focus', index: at('red') });
    expect(treeKeyAction('ArrowLeft', rows, at('inner'))).toEqual({ type: 'focus', index: at('blue') });
  });

  it('selects with Enter or Space and ignores other keys and an empty tree', () => {
    expect(treeKeyAction('Enter', rows, at('judge'))).toEqual({ type: 'select', nodeId: 'judge' });
    expect(treeKeyAction(' ', rows, at('judge'))).toEqual({ type: 'select', nodeId: 'judge' });
    expect(treeKeyAction('x', rows, 0)).toBeNull();
    expect(treeKeyAction('ArrowDown', [], 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { configFields, defaultConfig, missingConfigFields } from '../../../src/renderer/src/editor/model/config-schema';
import { updateNode } from '../../../src/renderer/src/editor/model/document';
import { findNodes } from '../../../src/renderer/src/editor/model/find';
import { commandFor, SHORTCUTS, type KeyStroke } from '../../../src/renderer/src/editor/model/shortcuts';
import { sampleWorkflow } from './fixtures';

function stroke(key: string, modifiers: Partial<KeyStroke> = {}): KeyStroke {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

describe('find', () => {
  it('finds nodes by name or id, exact matches first', () => {
    expect(findNodes(sampleWorkflow(), 'report').map((node) => node.nodeId)).toEqual(['report']);
    expect(findNodes(sampleWorkflow(), 'S').map((node) => node.nodeId)).toEqual(['stage', 'simulate']);
    const named = updateNode(sampleWorkflow(), 'fetch', { name: 'Fetch for the report' });
    expect(findNodes(named, 'report').map((node) => node.nodeId)).toEqual(['report', 'fetch']);
    expect(findNodes(named, 'Fe').map((node) => node.nodeId)).toEqual(['fetch']);
    expect(findNodes(sampleWorkflow(), 'REP').map((node) => node.nodeId)).toEqual(['report']);
    expect(findNodes(sampleWorkflow(), 'ulat').map((node) => node.nodeId)).toEqual(['simulate']);
    expect(findNodes(sampleWorkflow(), '   ')).toEqual([]);
  });
});

describe('shortcuts', () => {
  it('maps the usual keys', () => {
    expect(commandFor(stroke('z', { ctrlKey: true }), { inTextField: false })).toBe('undo');
    expect(commandFor(stroke('Z', { ctrlKey: true, shiftKey: true }), { inTextField: false })).toBe('redo');
    expect(commandFor(stroke('y', { ctrlKey: true }), { inTextField: false })).toBe('redo');
    expect(commandFor(stroke('c', { metaKey: true }), { inTextField: false })).toBe('copy');
    expect(commandFor(stroke('v', { ctrlKey: true }), { inTextField: false })).toBe('paste');
    expect(commandFor(stroke('Delete'), { inTextField: false })).toBe('delete');
    expect(commandFor(stroke('f', { ctrlKey: true }), { inTextField: false })).toBe('find');
    expect(commandFor(stroke('s', { ctrlKey: true }), { inTextField: false })).toBe('save');
    expect(commandFor(stroke('?', { shiftKey: true }), { inTextField: false })).toBe('help');
  });

  it('leaves editing keys to a focused text field but still saves from it', () => {
    expect(commandFor(stroke('z', { ctrlKey: true }), { inTextField: true })).toBeUndefined();
    expect(commandFor(stroke('Backspace'), { inTextField: true })).toBeUndefined();
    expect(commandFor(stroke('?', { shiftKey: true }), { inTextField: true })).toBeUndefined();
    expect(commandFor(stroke('s', { ctrlKey: true }), { inTextField: true })).toBe('save');
  });

  it('lists in the help every key it maps, and maps every key it lists', () => {
    for (const { command, keys } of SHORTCUTS) {
      for (const keys_ of keys) {
        const parts = keys_.split('+');
        const key = parts.at(-1) === 'Esc' ? 'Escape' : (parts.at(-1) ?? '');
        const mapped = commandFor(
          stroke(key.length === 1 ? key.toLowerCase() : key, { ctrlKey: parts.includes('Ctrl'), shiftKey: parts.includes('Shift') || key === '?' }),
          { inTextField: false },
        );
        expect(mapped, keys_).toBe(command);
      }
    }
  });
});

describe('agent config schema', () => {
  const schema = {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string', description: 'Where to send the request' },
      method: { type: 'string', enum: ['GET', 'POST'], default: 'GET' },
      retries: { type: ['integer', 'null'] },
    },
  };

  it('lists the expected fields with their types, defaults and choices', () => {
    expect(configFields(schema)).toEqual([
      { name: 'url', type: 'string', description: 'Where to send the request', required: true },
      { name: 'method', type: 'string', defaultValue: 'GET', choices: ['GET', 'POST'], required: false },
      { name: 'retries', type: 'integer | null', required: false },
    ]);
  });

  it('names required fields a config lacks and builds a starting config from defaults', () => {
    expect(missingConfigFields(schema, { method: 'POST' })).toEqual(['url']);
    expect(missingConfigFields(schema, { url: 'http://engine.local' })).toEqual([]);
    expect(defaultConfig(schema)).toEqual({ method: 'GET' });
    expect(configFields(undefined)).toEqual([]);
  });
});

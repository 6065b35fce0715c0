import { describe, expect, it } from 'vitest';
import { fileNameFor, workflowFileKind } from '../../../src/renderer/src/editor/model/file-names';

describe('file names', () => {
  it('makes a file name from a workflow name, keeping CJK and dropping what file systems refuse', () => {
    expect(fileNameFor('演习 A/B: 第1阶段?', 'json')).toBe('演习 A-B- 第1阶段-.json');
    expect(fileNameFor('   ', 'bpmn')).toBe('workflow.bpmn');
  });

  it('tells a JSON file from a BPMN one by its name', () => {
    expect(workflowFileKind('plan.JSON')).toBe('json');
    expect(workflowFileKind('plan.bpmn')).toBe('bpmn');
    expect(workflowFileKind('plan.bpmn20.xml')).toBe('bpmn');
    expect(workflowFileKind('plan.txt')).toBeUndefined();
  });
});

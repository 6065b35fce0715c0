/** A file name from a workflow name: readable, CJK kept, without characters file systems refuse. */
export function fileNameFor(workflowName: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are refused by file systems too
  const stem = workflowName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'workflow';
  return `${stem}.${extension}`;
}

export type WorkflowFileKind = 'json' | 'bpmn';

/** What a chosen file holds, by its name; the import decides finally by reading it. */
export function workflowFileKind(fileName: string): WorkflowFileKind | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.bpmn') || lower.endsWith('.bpmn20.xml') || lower.endsWith('.xml')) return 'bpmn';
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../../../../src/main/core/workflow/bpmn/import';
import { codes } from './bpmn-test-kit';

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

function withDoctype(doctype: string, taskName: string, body = ''): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE bpmn:definitions [${doctype}]>\n<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d" targetNamespace="x"><bpmn:process id="p"><bpmn:task id="t" name="${taskName}">${body}</bpmn:task></bpmn:process></bpmn:definitions>`;
}

describe('BPMN import: hostile and broken input', () => {
  it('never expands entity declarations (billion laughs)', async () => {
    const levels = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');
    const xml = withDoctype(`<!ENTITY lol0 "lol">${levels}`, '&lol9;', '&lol9;');
    const started = performance.now();
    const result = await importBpmn(xml);
    expect(performance.now() - started).toBeLessThan(2000);
    const task = result.definition?.nodes.find((node) => node.nodeId === 't');
    expect(task?.name).toBe('&lol9;');
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    expect(codes(result.problems)).toContain('BPMN_DOCTYPE_IGNORED');
  });

  it('never reads external entities (XXE)', async () => {
    const xml = withDoctype('<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">', '&xxe;&remote;', '&xxe;');
    const result = await importBpmn(xml);
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain('root:');
    expect(result.definition?.nodes.find((node) => node.nodeId === 't')?.name).toBe('&xxe;&remote;');
    expect(codes(result.problems)).toContain('BPMN_DOCTYPE_IGNORED');
  });

  it('reports malformed XML as an error with its line and column', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d">\n<bpmn:process id="p">\n  <bpmn:task id="t">\n</bpmn:process></bpmn:definitions>`;
    const result = await importBpmn(xml);
    expect(result.definition).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', code: 'BPMN_MALFORMED_XML' });
    expect(result.problems[0]?.message).toMatch(/line 4, column 1\b.*closing tag mismatch/);
  });

  it.each([
    ['an HTML page', '<html><body><p>not a process</p></body></html>', 'BPMN_NOT_BPMN', /root element must be <definitions>.*line 1, column 1/],
    ['a BPMN tag in another namespace', '<definitions xmlns="http://example.com/not-bpmn"><process id="p"/></definitions>', 'BPMN_NOT_BPMN', /root element must be <definitions>/],
    ['plain text', 'hello, world', 'BPMN_MALFORMED_XML', /missing start tag/],
    ['nothing at all', '', 'BPMN_MALFORMED_XML', /missing start tag/],
    ['definitions without a process', `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d" targetNamespace="x"/>`, 'BPMN_NO_PROCESS', /no process/],
  ])('reports %s as an error, with no definition', async (_what, xml, code, message) => {
    const result = await importBpmn(xml);
    expect(result.definition).toBeUndefined();
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.code)).toEqual([code]);
    expect(errors[0]?.message).toMatch(message);
  });

  it('refuses input above the size limit without reading it', async () => {
    const result = await importBpmn(`<bpmn:definitions xmlns:bpmn="${BPMN_NS}">${' '.repeat(2000)}</bpmn:definitions>`, { maxBytes: 1000 });
    expect(result.definition).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'BPMN_TOO_LARGE' })]);
  });

  it('reads past unknown elements and dangling references with warnings', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="d" targetNamespace="x"><bpmn:process id="p"><bpmn:task id="a"/><bpmn:frobnicator id="f"/><bpmn:sequenceFlow id="s" sourceRef="a" targetRef="nowhere"/></bpmn:process></bpmn:definitions>`;
    const result = await importBpmn(xml);
    expect(result.definition?.nodes.map((node) => node.nodeId)).toEqual(['p', 'a']);
    const messages = result.problems.map((problem) => problem.message).join('\n');
    expect(messages).toContain('unknown type <bpmn:Frobnicator>');
    expect(messages).toContain('unresolved reference <nowhere>');
    expect(result.problems.filter((problem) => problem.path.includes('s')).map((problem) => problem.code)).toEqual(['BPMN_PARSE_WARNING', 'BPMN_DEPENDENCY_DROPPED']);
    expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true);
  });
});

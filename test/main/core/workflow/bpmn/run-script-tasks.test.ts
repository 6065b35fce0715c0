import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../../src/cli/index';
import type { RunReport } from '../../../../../src/cli/run-report';
import { recordingIo } from '../../../../helpers/cli-io';
import { useTempDirs } from '../../../../helpers/temp';

const tempDir = useTempDirs();

/** Escapes text for an XML attribute or element body. */
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

describe('BPMN script tasks run', () => {
  it('runs inline sh, python and javascript scripts from a BPMN file, and refuses groovy before running it', async () => {
    const dir = tempDir();
    const out = (name: string): string => join(dir, name);
    const file = out('scripts.bpmn');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
        <bpmn:process id="P" name="Scripts">
          <bpmn:scriptTask id="Sh" scriptFormat="sh"><bpmn:script>echo hi &gt; "${xml(out('sh.txt'))}"</bpmn:script></bpmn:scriptTask>
          <bpmn:scriptTask id="Py" scriptFormat="python"><bpmn:script><![CDATA[open(${JSON.stringify(out('py.txt'))}, "w").write(str(1 < 2))]]></bpmn:script></bpmn:scriptTask>
          <bpmn:scriptTask id="Js" scriptFormat="javascript"><bpmn:script>${xml(`(await import('node:fs')).writeFileSync(${JSON.stringify(out('js.txt'))}, 'js')`)}</bpmn:script></bpmn:scriptTask>
          <bpmn:scriptTask id="Groovy" scriptFormat="groovy"><bpmn:script>new File("${xml(out('groovy.txt'))}").text = "no"</bpmn:script></bpmn:scriptTask>
          <bpmn:sequenceFlow id="f1" sourceRef="Sh" targetRef="Py" />
          <bpmn:sequenceFlow id="f2" sourceRef="Py" targetRef="Js" />
        </bpmn:process>
      </bpmn:definitions>`,
    );
    const io = recordingIo();
    const code = await main(['run', file, '--db', out('db.sqlite'), '--json'], io);
    const report = JSON.parse(io.stdout()) as RunReport;
    const status = Object.fromEntries(report.nodes.map((node) => [node.nodeId, node.status]));
    expect(status).toMatchObject({ Sh: 'completed', Py: 'completed', Js: 'completed', Groovy: 'failed' });
    expect(code).toBe(1);
    expect(readFileSync(out('sh.txt'), 'utf8')).toBe('hi\n');
    expect(readFileSync(out('py.txt'), 'utf8')).toBe('True');
    expect(readFileSync(out('js.txt'), 'utf8')).toBe('js');
    expect(existsSync(out('groovy.txt'))).toBe(false);
  }, 60_000);
});

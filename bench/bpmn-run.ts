import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';

/**
 * bpmn-engine executing the chain and fan shapes as BPMN, in memory, in its own process (run
 * with a large --stack-size: bpmn-engine recurses once per task and overflows the default
 * stack on a 1,000-task chain). Prints {tasks, ms} as JSON. bpmn-engine 25 stops emitting
 * `end` on processes of this size, so the time is taken to the end of the last task.
 */
function chainXml(n: number): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bench"><process id="p" isExecutable="true"><startEvent id="start"/>';
  for (let i = 0; i < n; i++) xml += `<task id="t${i}"/>`;
  xml += '<endEvent id="end"/><sequenceFlow id="fs" sourceRef="start" targetRef="t0"/>';
  for (let i = 0; i < n - 1; i++) xml += `<sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="t${i + 1}"/>`;
  return `${xml}<sequenceFlow id="fe" sourceRef="t${n - 1}" targetRef="end"/></process></definitions>`;
}

function fanXml(n: number): string {
  let xml =
    '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bench"><process id="p" isExecutable="true">' +
    '<startEvent id="start"/><task id="source"/><parallelGateway id="split"/><parallelGateway id="join"/><task id="sink"/><endEvent id="end"/>' +
    '<sequenceFlow id="f1" sourceRef="start" targetRef="source"/><sequenceFlow id="f2" sourceRef="source" targetRef="split"/>' +
    '<sequenceFlow id="f3" sourceRef="join" targetRef="sink"/><sequenceFlow id="f4" sourceRef="sink" targetRef="end"/>';
  for (let i = 0; i < n - 2; i++) xml += `<task id="m${i}"/><sequenceFlow id="a${i}" sourceRef="split" targetRef="m${i}"/><sequenceFlow id="b${i}" sourceRef="m${i}" targetRef="join"/>`;
  return `${xml}</process></definitions>`;
}

export async function runBpmn(shape: 'chain' | 'fan', tasks: number): Promise<{ tasks: number; ms: number }> {
  const engine = new Engine({ name: shape, source: shape === 'chain' ? chainXml(tasks) : fanXml(tasks) });
  await engine.getDefinitions();
  const listener = new EventEmitter();
  let ended = 0;
  let last = 0;
  const started = performance.now();
  const done = new Promise<void>((resolve) => {
    listener.on('activity.end', (api: { type: string }) => {
      if (api.type !== 'bpmn:Task') return;
      ended++;
      last = performance.now();
      if (ended === tasks) resolve();
    });
  });
  await engine.execute({ listener });
  await done;
  return { tasks: ended, ms: last - started };
}

const [shape, count] = process.argv.slice(2);
if (shape === 'chain' || shape === 'fan') {
  const result = await runBpmn(shape, Number(count));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// The shipped demo of a process agent: reads its config from stdin, reports progress in
// steps, writes a warning, and ends with a result and the configured exit code.
// See docs/agent-protocol.md for the line protocol.
import { setTimeout as sleep } from 'node:timers/promises';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const config = JSON.parse(input || '{}');
const steps = Math.max(1, Number(config.steps ?? 3));
const delayMs = Math.max(0, Number(config.delayMs ?? 200));

console.log(`demo agent ${process.env.DEDUCTION_NODE_ID ?? ''} starting ${steps} steps`);
for (let step = 1; step <= steps; step++) {
  await sleep(delayMs);
  console.log(`::progress ${step / steps} step ${step} of ${steps}`);
}
console.log('::warn the demo agent has nothing real to do');
console.log(`::result ${JSON.stringify({ steps, node: process.env.DEDUCTION_NODE_ID ?? null })}`);
process.exitCode = Number(config.exitCode ?? 0);

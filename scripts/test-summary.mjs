// Prints one closing line for the whole suite (unit and end-to-end), from the JSON reports
// that vitest and Playwright write, so a reader or CI sees the total at a glance.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;

const unit = read('test-results/vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + unit.numPendingTests + unit.numTodoTests;
}
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped;
}
if (!unit || !e2e) {
  console.error(`test summary: missing ${!unit ? 'test-results/vitest.json' : ''} ${!e2e ? 'test-results/e2e.json' : ''}`.trim());
  process.exit(1);
}
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

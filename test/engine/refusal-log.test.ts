import { describe, expect, it } from 'vitest';
import { RefusalLog } from '../../src/engine/refusal-log';

describe('Engine refusal log', () => {
  it('logs 1,000 refused handshakes from one address as one line, and their count with the next burst', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new RefusalLog((line) => lines.push(line), 60_000, () => now);
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      log.refused('10.0.0.9', 'wrong token');
      now += 5;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^refused a console from 10\.0\.0\.9: wrong token; further refusals from it within 60 s are counted/);
    log.refused('10.0.0.7', 'wrong token');
    expect(lines).toHaveLength(2);
    now += 60_000;
    log.refused('10.0.0.9', 'wrong token');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/and 999 more refused from it since the last line/);
  });
});

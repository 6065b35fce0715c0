import { describe, expect, it } from 'vitest';
import { decodeSnowflake, SnowflakeGenerator } from '../../../../src/main/core/ids/snowflake';
import { isId } from '../../../../src/shared/ids';

describe('snowflake ids', () => {
  it('encodes time, worker and sequence, and decodes them back', () => {
    const time = Date.UTC(2026, 10, 22, 12, 0, 0);
    const generator = new SnowflakeGenerator(37, () => time);
    const first = generator.next();
    const second = generator.next();
    expect(decodeSnowflake(first)).toEqual({ timeMs: time, worker: 37, sequence: 0 });
    expect(decodeSnowflake(second)).toEqual({ timeMs: time, worker: 37, sequence: 1 });
    expect(isId(first)).toBe(true);
  });

  it('produces ids beyond 2^53 today, as exact decimal strings', () => {
    const id = new SnowflakeGenerator(1).next();
    expect(BigInt(id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(String(BigInt(id))).toBe(id);
  });

  it('stays unique and increasing across 100,000 ids, sequence overflow and a clock stepping back', () => {
    let clock = Date.UTC(2026, 0, 1);
    const generator = new SnowflakeGenerator(5, () => clock);
    const ids: bigint[] = [];
    for (let i = 0; i < 100_000; i++) {
      if (i === 50_000) clock -= 10_000;
      if (i % 20_000 === 0) clock += 1;
      ids.push(generator.nextBigInt());
    }
    const firstOutOfOrder = ids.findIndex((id, i) => i > 0 && id <= ids[i - 1]!);
    expect(firstOutOfOrder).toBe(-1);
  });

  it('refuses a worker number outside 0–1023', () => {
    expect(() => new SnowflakeGenerator(1024)).toThrow(/worker must be an integer from 0 to 1023/);
    expect(() => new SnowflakeGenerator(-1)).toThrow(RangeError);
  });
});

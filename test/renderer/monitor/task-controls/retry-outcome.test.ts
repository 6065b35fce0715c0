import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../../src/renderer/src/i18n/resources';
import { retryOutcomeLines } from '../../../../src/renderer/src/monitor/task-controls/retry-outcome';
import { RETRY_SKIP_REASONS } from '../../../../src/shared/task/retry-failed';

async function translator(lng: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance.t;
}

const ids = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);

describe("a retry's notice", () => {
  it('names the restarted nodes and why each other failed node was not restarted, five of each and "and N more"', async () => {
    const t = await translator('en');
    const lines = retryOutcomeLines(
      {
        restarted: ids(9, 'wave'),
        skipped: [
          { nodeId: 'root', reason: 'childFailed' },
          { nodeId: 'late', reason: 'blockedByContainer', containerId: 'phase-2' },
          ...ids(4, 'box').map((nodeId) => ({ nodeId, reason: 'reopened' as const })),
        ],
      },
      t,
    );
    expect(lines).toEqual([
      'Restarted: wave-1, wave-2, wave-3, wave-4, wave-5, and 4 more',
      '6 other failed nodes were not restarted by themselves:',
      'root: failed because of its children; it runs again with them',
      'late: inside phase-2, which is stopped or skipped',
      'box-1: runs again with a container or child restarted with it',
      'box-2: runs again with a container or child restarted with it',
      'box-3: runs again with a container or child restarted with it',
      'and 1 more',
    ]);
  });

  it('says every reason in Chinese too', async () => {
    const t = await translator('zh-CN');
    const lines = retryOutcomeLines({ restarted: ['a'], skipped: RETRY_SKIP_REASONS.map((reason) => ({ nodeId: 'n', reason, containerId: 'c' })) }, t);
    expect(lines[0]).toBe('已重启：a');
    for (const line of lines) expect(line).not.toMatch(/monitor\.controls|[A-Za-z]{4,}/);
  });
});

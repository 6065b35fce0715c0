import { describe, expect, it } from 'vitest';
import { readCreateBody } from '../../../../src/shared/api/rest/create-body';

const body = (extra: object) => ({ name: 'drill', workflow: { nodes: [{ nodeId: 'root', nodeType: 'container', isRoot: true }] }, ...extra });

describe('the create body’s deadline', () => {
  it('goes to createTask as given (ISO time with its offset or epoch ms), and a time without its offset is refused naming the field', () => {
    expect(readCreateBody(body({ deadline: '2026-12-08T09:30:00+08:00' }))).toMatchObject({ ok: true, request: { options: { deadline: '2026-12-08T09:30:00+08:00' } } });
    expect(readCreateBody(body({ deadline: 1_796_700_000_000 }))).toMatchObject({ ok: true, request: { options: { deadline: 1_796_700_000_000 } } });
    expect(readCreateBody(body({}))).toMatchObject({ ok: true, request: { options: { name: 'drill' } } });
    const refused = readCreateBody(body({ deadline: '2026-12-08 09:30' }));
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.problems).toEqual([expect.objectContaining({ path: 'deadline' })]);
  });
});

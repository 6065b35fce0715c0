import { describe, expect, it } from 'vitest';
import { WORKFLOW_PROBLEM as P } from '../../../src/shared/workflow/problem-codes';
import { validateWorkflow } from '../../../src/shared/workflow/validate';
import { errors, flat } from '../../helpers/workflow';

const withTriggers = (triggers: unknown[]) => validateWorkflow({ ...flat(['a']), triggers });
const summary = (triggers: unknown[]) => errors(withTriggers(triggers)).map((problem) => ({ code: problem.code, path: problem.path.join('.'), message: problem.message }));

describe('trigger checks', () => {
  it('accepts schedules in a time zone, watched folders and HTTP triggers, keeping them in the definition', () => {
    const triggers = [
      { type: 'schedule', name: 'nightly', cron: '0 3 * * *', timezone: 'Asia/Shanghai', catchUp: 'once', variables: { patch: true } },
      { type: 'schedule', cron: '*/30 * * * * *' },
      { type: 'file', folder: '/srv/inbox', pattern: '*.csv' },
      { type: 'file', folder: 'C:\\inbox' },
      { type: 'http', name: 'from CI' },
    ];
    const result = withTriggers(triggers);
    expect(result.problems).toEqual([]);
    expect(result.definition?.triggers).toEqual([{ ...triggers[0] }, { ...triggers[1], catchUp: 'skip' }, triggers[2], triggers[3], triggers[4]]);
  });

  it('reports a bad cron expression at its path, with what is wrong in it', () => {
    expect(summary([{ type: 'http' }, { type: 'schedule', cron: '61 * * * *' }, { type: 'schedule', cron: '* * *' }])).toEqual([
      {
        code: P.invalidCron,
        path: 'triggers.1.cron',
        message:
          'is not a cron expression: Invalid value for minute: 61. Write five fields (minute hour day-of-month month day-of-week), or six with seconds first; e.g. "0 3 * * *" is 03:00 every day',
      },
      { code: P.invalidCron, path: 'triggers.2.cron', message: expect.stringContaining("is not a cron expression: invalid configuration format ('* * *')") },
    ]);
  });

  it('reports a cron expression no date matches, an unknown time zone, a relative folder and a pattern with a path', () => {
    expect(
      summary([
        { type: 'schedule', cron: '0 0 31 2 *' },
        { type: 'schedule', cron: '0 3 * * *', timezone: 'Mars/Olympus' },
        { type: 'file', folder: 'inbox', pattern: 'a/*.csv' },
      ]),
    ).toEqual([
      { code: P.invalidCron, path: 'triggers.0.cron', message: 'the cron expression "0 0 31 2 *" never fires: no date matches it' },
      { code: P.invalidTimeZone, path: 'triggers.1.timezone', message: '"Mars/Olympus" is not a time zone this system knows; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC' },
      { code: P.invalidWatch, path: 'triggers.2.folder', message: 'the watched folder "inbox" is not an absolute path; give the full path of the folder' },
      { code: P.invalidWatch, path: 'triggers.2.pattern', message: 'the pattern "a/*.csv" holds a path separator; it matches file names in the folder (* and ? as wildcards)' },
    ]);
  });

  it('reports a trigger of an unknown type or a catch-up policy it does not know through the schema', () => {
    const found = errors(withTriggers([{ type: 'cron' }, { type: 'schedule', cron: '0 * * * *', catchUp: 'all' }]));
    expect(found.map((problem) => problem.path.join('.'))).toEqual(expect.arrayContaining(['triggers.0.type', 'triggers.1.catchUp']));
  });
});

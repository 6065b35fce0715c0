import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { openStore } from '../../src/main/core/store/store';
import { listTriggers } from '../../src/main/core/triggers/trigger-rows';
import { saveTemplate } from '../../src/main/core/workflow/templates';
import { exitOf, spawnCli } from '../helpers/built-cli';
import { recordingIo } from '../helpers/cli-io';
import { MIGRATIONS_DIR } from '../helpers/paths';
import { writeFileSync } from 'node:fs';
import { workflow } from '../helpers/scheduler';
import { flat } from '../helpers/workflow';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();

async function databaseWithTemplate(): Promise<string> {
  const db = join(tempDir(), 'console.sqlite');
  const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
  saveTemplate(store, workflow([{ nodeId: 'a' }], { name: 'backup' }), { createdBy: 'alice' });
  store.close();
  return db;
}

async function triggersIn(db: string) {
  const store = await openStore({ file: db, migrationsDir: MIGRATIONS_DIR });
  try {
    return listTriggers(store);
  } finally {
    store.close();
  }
}

describe('deduction trigger', () => {
  it('adds a schedule, lists it with its next firing and owner, pauses and resumes it, and removes it', async () => {
    const db = await databaseWithTemplate();
    const add = recordingIo();
    expect(await main(['trigger', 'add', 'backup', '--cron', '0 2 * * *', '--timezone', 'Asia/Shanghai', '--catch-up', 'once', '--var', 'keep=30', '--var', 'mode=full', '--owner', 'ops', '--db', db], add)).toBe(0);
    const [made] = await triggersIn(db);
    expect(made).toMatchObject({ kind: 'schedule', owner: 'ops', spec: { cron: '0 2 * * *', timezone: 'Asia/Shanghai', catchUp: 'once', variables: { keep: 30, mode: 'full' } } });
    expect(add.stdout()).toBe(`added trigger ${made!.id}: backup ← schedule "0 2 * * *" (Asia/Shanghai), catch-up once`);

    const list = recordingIo();
    expect(await main(['trigger', 'list', '--db', db], list)).toBe(0);
    const [header, row] = list.stdout().trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+KIND\s+TEMPLATE\s+FIRES ON\s+NEXT\s+OWNER\s+LAST$/);
    expect(row!.split(/\s{2,}/)).toEqual([made!.id, 'schedule', 'backup', '0 2 * * * Asia/Shanghai', new Date(made!.nextFireAt!).toISOString(), 'ops', '-']);

    const pause = recordingIo();
    expect(await main(['trigger', 'pause', made!.id, '--db', db], pause)).toBe(0);
    expect(pause.stdout()).toBe(`paused trigger ${made!.id}`);
    expect((await triggersIn(db))[0]).toMatchObject({ paused: true, nextFireAt: null });
    const paused = recordingIo();
    await main(['trigger', 'list', '--json', '--db', db], paused);
    expect(JSON.parse(paused.stdout())).toMatchObject([{ id: made!.id, paused: true }]);

    const resume = recordingIo();
    expect(await main(['trigger', 'resume', made!.id, '--db', db], resume)).toBe(0);
    expect(resume.stdout()).toMatch(new RegExp(`^resumed trigger ${made!.id}; next firing \\d{4}-\\d\\d-\\d\\dT18:00:00.000Z$`));

    expect(await main(['trigger', 'remove', made!.id, '--db', db], recordingIo())).toBe(0);
    expect(await triggersIn(db)).toEqual([]);
  });

  it('refuses a bad cron, an unknown template or trigger, and a trigger of no or several kinds, with exit code 2', async () => {
    const db = await databaseWithTemplate();
    const cases: [string[], RegExp][] = [
      [['add', 'backup', '--cron', '0 25 * * *'], /^deduction: The trigger is not valid: cron is not a cron expression: Invalid value for hour: 25/],
      [['add', 'backup', '--cron', '0 1 * * *', '--timezone', 'Nowhere/Town'], /timezone "Nowhere\/Town" is not a time zone this system knows/],
      [['add', 'nothing', '--http'], /^deduction: There is no template "nothing"$/m],
      [['add', 'backup'], /^deduction: say what fires the trigger: --cron, --folder or --http$/m],
      [['add', 'backup', '--http', '--folder', '/tmp'], /^deduction: give one of --folder, --http, not several$/m],
      [['pause', '999'], /^deduction: There is no trigger 999$/m],
    ];
    for (const [args, message] of cases) {
      const io = recordingIo();
      expect(await main(['trigger', ...args, '--db', db], io), args.join(' ')).toBe(2);
      expect(io.stderr(), args.join(' ')).toMatch(message);
    }
    expect(await triggersIn(db)).toEqual([]);
  });

  it('lists triggers from the built command', async () => {
    const db = await databaseWithTemplate();
    expect(await main(['trigger', 'add', 'backup', '--folder', '/srv/inbox', '--pattern', '*.csv', '--owner', 'ops', '--db', db], recordingIo())).toBe(0);
    const child = spawnCli(['trigger', 'list', '--db', db]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await exitOf(child)).toBe(0);
    expect(out).toMatch(/\bfile\s+backup\s+\/srv\/inbox\/\*\.csv\s+-\s+ops\s+-\n$/);
  });

  it('leaves a template’s bad cron and time zone to `deduction validate`, which names their paths', async () => {
    const path = join(tempDir(), 'scheduled.json');
    writeFileSync(path, JSON.stringify({ ...flat(['a']), triggers: [{ type: 'schedule', cron: '0 3 * *' }, { type: 'schedule', cron: '0 3 * * *', timezone: 'Asia/Shangai' }] }));
    const io = recordingIo();
    expect(await main(['validate', path], io)).toBe(2);
    expect(io.stdout().split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^error {4}triggers\[0\]\.cron: is not a cron expression: invalid configuration format .* \[INVALID_CRON\]$/),
      'error    triggers[1].timezone: "Asia/Shangai" is not a time zone this system knows; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC [INVALID_TIME_ZONE]',
    ]);
  });
});

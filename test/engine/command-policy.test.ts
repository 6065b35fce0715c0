import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allows, buildCommandPolicy, LOCAL_USER_POLICY, NO_COMMANDS_POLICY, refusal, type CommandSubject } from '../../src/engine/command-policy';
import { useTempDirs } from '../helpers/temp';

const tempDir = useTempDirs();
const df: CommandSubject = { shown: 'df', name: 'df', path: '/usr/bin/df' };
const ownDf: CommandSubject = { shown: './bin/df', path: '/home/op/bin/df' };
const deep: CommandSubject = { shown: '/opt/tools/a/b/run', path: '/opt/tools/a/b/run' };
const alpine: CommandSubject = { shown: 'docker image alpine:3.20', image: 'alpine:3.20' };

describe('command policy patterns', () => {
  it('match a bare name only for programs named without a path; * and ? as wildcards', () => {
    expect(allows(buildCommandPolicy(['df'], undefined), df)).toBe(true);
    expect(allows(buildCommandPolicy(['df'], undefined), ownDf)).toBe(false);
    expect(allows(buildCommandPolicy(['d?'], undefined), df)).toBe(true);
    expect(allows(buildCommandPolicy(['python*'], undefined), { shown: 'python3', name: 'python3' })).toBe(true);
    expect(allows(buildCommandPolicy(['python*'], undefined), df)).toBe(false);
  });

  it('match an absolute path: * within one folder, ** across folders; a bare name by where PATH finds it', () => {
    expect(allows(buildCommandPolicy(['/usr/bin/*'], undefined), df)).toBe(true);
    expect(allows(buildCommandPolicy(['/home/op/bin/df'], undefined), ownDf)).toBe(true);
    expect(allows(buildCommandPolicy(['/opt/tools/*'], undefined), deep)).toBe(false);
    expect(allows(buildCommandPolicy(['/opt/tools/**'], undefined), deep)).toBe(true);
    expect(allows(buildCommandPolicy(['/usr/bin/*'], undefined), { shown: 'df', name: 'df' })).toBe(false);
  });

  it('match docker images only with docker:IMAGE; * alone allows everything', () => {
    expect(allows(buildCommandPolicy(['docker:alpine:*'], undefined), alpine)).toBe(true);
    expect(allows(buildCommandPolicy(['docker:alpine:3.19'], undefined), alpine)).toBe(false);
    expect(allows(buildCommandPolicy(['/usr/bin/*', 'df'], undefined), alpine)).toBe(false);
    for (const subject of [df, ownDf, deep, alpine]) expect(allows(LOCAL_USER_POLICY, subject)).toBe(true);
    for (const subject of [df, ownDf, deep, alpine]) expect(allows(NO_COMMANDS_POLICY, subject)).toBe(false);
  });

  it('come from --allow-command and a policy file together; a refusal names the command and where the policy came from', () => {
    const file = join(tempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ allow: ['/usr/bin/*'] }));
    const policy = buildCommandPolicy(['sh'], file);
    expect(policy).toEqual({ allow: ['sh', '/usr/bin/*'], origin: `--allow-command and the policy file ${file}` });
    expect(refusal(policy, ownDf)).toBe(`./bin/df (/home/op/bin/df) is not allowed by this Engine's command policy (--allow-command and the policy file ${file}): it allows sh, /usr/bin/*`);
    expect(buildCommandPolicy([], undefined)).toBe(NO_COMMANDS_POLICY);
  });

  it('are refused when unusable, naming the pattern or the file', () => {
    const dir = tempDir();
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(() => buildCommandPolicy([''], undefined)).toThrow('--allow-command: an empty pattern');
    expect(() => buildCommandPolicy(['bin/df'], undefined)).toThrow('--allow-command: "bin/df" is a relative path: give an absolute path or a bare program name');
    expect(() => buildCommandPolicy([], join(dir, 'missing.json'))).toThrow(/--command-policy .*missing\.json: cannot read it as JSON: ENOENT/);
    expect(() => buildCommandPolicy([], write('list.json', '["df"]'))).toThrow(/list\.json: \(file\): .*expected \{"allow": \["pattern", …\]\}/);
    expect(() => buildCommandPolicy([], write('typo.json', '{"alow": ["df"]}'))).toThrow(/typo\.json: allow: .*expected array/);
    expect(() => buildCommandPolicy([], write('bad.json', '{"allow": ["df", " sh"]}'))).toThrow(/bad\.json: allow\[1\]: " sh" has spaces around it/);
  });
});

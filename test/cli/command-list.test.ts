import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { COMMANDS, type CommandName } from '../../src/cli/commands';
import { recordingIo } from '../helpers/cli-io';

/** The command list as commander prints it with every command's module loaded and registered. */
async function listedWithEveryModule(): Promise<string> {
  const io = recordingIo();
  const program = new Command('deduction').configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  const registrars = new Set(await Promise.all(Object.values(COMMANDS).map((entry) => entry.load())));
  for (const register of registrars) register(program, io, () => undefined);
  const help = program.helpInformation();
  return help.slice(help.indexOf('Commands:'));
}

describe('the command list', () => {
  it('lists, without loading them, every command as its module registers it: name, usage and description', async () => {
    const io = recordingIo();
    expect(await main(['--help'], io)).toBe(0);
    const listed = io.stdout();
    expect(listed.slice(listed.indexOf('Commands:')).trimEnd()).toBe((await listedWithEveryModule()).trimEnd());
    for (const name of Object.keys(COMMANDS)) expect(listed).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('runs each command from its own module: `<command> --help` shows its options', async () => {
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      const io = recordingIo();
      expect(await main([name, '--help'], io), name).toBe(0);
      expect(io.stdout(), name).toMatch(new RegExp(`^Usage: deduction ${name} `, 'm'));
      expect(io.stdout(), name).toContain(COMMANDS[name].description.slice(0, 40));
    }
    const helpIo = recordingIo();
    expect(await main(['help', 'convert'], helpIo)).toBe(0);
    expect(helpIo.stdout()).toMatch(/--to <format>/);
  });

  it('refuses an unknown command with the list of known ones to choose from', async () => {
    const io = recordingIo();
    expect(await main(['valdate', 'x.json'], io)).toBe(2);
    expect(io.stderr()).toMatch(/unknown command 'valdate'[\s\S]*validate/);
  });
});

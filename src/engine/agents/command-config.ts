import { z } from 'zod';
import { INTERPRETERS } from '../../shared/engine/interpreters';


const MAX_SCRIPT_CHARS = 1024 * 1024;

/**
 * The agentConfig of the command agent (`script` in the shipped catalog). Keys it does not
 * know are the program's own data: the whole config reaches the program on stdin.
 */
export const commandConfigSchema = z
  .object({
    /** The program: a name found on the Engine's PATH, or a path. Run without a shell. */
    command: z.string().min(1).max(4096).optional(),
    /** Its arguments, an argv passed as it is: never split, never read by a shell. */
    args: z.array(z.string().max(65_536)).max(10_000).default([]),
    /** Inline script text, run by `interpreter` from a private temporary file. */
    script: z.string().min(1).max(MAX_SCRIPT_CHARS).optional(),
    interpreter: z.enum(INTERPRETERS).optional(),
    /** Only then is `command` one line of shell, run by `sh -c` (`cmd /c` on Windows). */
    shell: z.boolean().default(false),
    /** Working folder; a relative one is taken from the container's folder, else the Engine's. */
    cwd: z.string().min(1).max(4096).optional(),
    env: z.record(z.string(), z.string().max(65_536)).default({}),
    /** Ends the whole process tree after this long; the node then ends `timeout`. */
    timeoutMs: z.int().positive().max(30 * 24 * 3600_000).optional(),
    /** Run inside `docker run --rm -i IMAGE`. */
    docker: z.object({ image: z.string().min(1).max(512) }).strict().optional(),
  })
  .loose()
  .superRefine((config, context) => {
    const issue = (path: string, message: string): void => context.addIssue({ code: 'custom', path: [path], message });
    if (config.command === undefined && config.script === undefined) issue('command', 'give either command (a program) or script (inline script text)');
    if (config.command !== undefined && config.script !== undefined) issue('script', 'give command or script, not both');
    if (config.interpreter !== undefined && config.script === undefined) issue('interpreter', 'interpreter goes with script');
    if (config.shell && config.script !== undefined) issue('shell', 'shell goes with command; a script already names its interpreter');
    if (config.command?.startsWith('-')) issue('command', `"${config.command.slice(0, 100)}" starts with "-": a program name, not an option`);
    if (config.docker && /^-/.test(config.docker.image)) issue('docker', `image "${config.docker.image.slice(0, 100)}" starts with "-"`);
  });
export type CommandConfig = z.infer<typeof commandConfigSchema>;

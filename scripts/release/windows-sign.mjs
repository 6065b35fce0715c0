/**
 * Windows code signing from the environment. Either electron-builder signs with the
 * certificate file it is given (CSC_LINK and CSC_KEY_PASSWORD, or WIN_CSC_*), or
 * WINDOWS_SIGN_COMMAND names a command that signs one file in place: a hardware token's tool
 * or a signing service's client, with `{file}` where the file goes, for example
 *   "C:\Program Files\Vendor\signtool.exe" sign /sha1 AB12… /tr http://timestamp.example /td sha256 /fd sha256 {file}
 * The command runs without a shell, so a file name is one argument whatever it contains.
 */
export const SIGN_COMMAND_VARIABLE = 'WINDOWS_SIGN_COMMAND';
export const FILE_PLACEHOLDER = '{file}';

/**
 * Splits a command line into arguments at unquoted whitespace; "double" or 'single' quotes
 * group. Backslashes are ordinary characters, as they are in Windows paths.
 */
export function splitCommand(text) {
  const args = [];
  let current = '';
  let quote = null;
  let started = false;
  for (const char of text) {
    if (quote !== null) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (quote !== null) throw new Error(`${SIGN_COMMAND_VARIABLE} has an unclosed ${quote} quote`);
  if (started) args.push(current);
  return args;
}

/** The program and arguments that sign `file`, from the command template. */
export function signCommandFor(template, file) {
  const parts = splitCommand(template);
  if (parts.length === 0) throw new Error(`${SIGN_COMMAND_VARIABLE} is empty`);
  if (!parts.some((part) => part.includes(FILE_PLACEHOLDER))) {
    throw new Error(`${SIGN_COMMAND_VARIABLE} must say where the file goes with ${FILE_PLACEHOLDER}`);
  }
  const [command, ...args] = parts.map((part) => part.split(FILE_PLACEHOLDER).join(file));
  return { command, args };
}

/**
 * How to sign one file: with the command when one is set (it wins, so a token can be used on
 * a machine that also has a certificate configured), with electron-builder's own signtool
 * when it was given a certificate, or not at all, saying so.
 */
export function windowsSignPlan(env, { file, hasCertificate }) {
  const template = env[SIGN_COMMAND_VARIABLE]?.trim();
  if (template) return { kind: 'command', ...signCommandFor(template, file) };
  if (hasCertificate) return { kind: 'certificate' };
  return {
    kind: 'skip',
    reason: `not signing ${file}: neither ${SIGN_COMMAND_VARIABLE} nor CSC_LINK (or WIN_CSC_LINK) is set`,
  };
}

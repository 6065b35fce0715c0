/**
 * The environment of agent processes. From the Engine's own environment only an allowlist
 * passes (locale, home, PATH, temp folders, what Windows needs to start a program): its
 * token and whatever else the operator keeps there stay out. What a workflow adds (a
 * container's `env`, a command's `env`) may not name variables that make an interpreter or
 * the loader run code of the setter's choosing.
 */
const INHERITED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  'TMPDIR',
  'TEMP',
  'TMP',
  // Windows: programs do not start, or cannot find their files, without these.
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
  'USERNAME',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'PROGRAMFILES(X86)',
  'COMMONPROGRAMFILES',
  'HOMEDRIVE',
  'HOMEPATH',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
]);
const INHERITED_PREFIXES = ['LC_'];

/** How the docker client finds its daemon; passed to `docker` only. */
export const DOCKER_CLIENT_ENV = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY'];

const REFUSED = new Set([
  'PATH',
  'ENV',
  'BASH_ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PROMPT_COMMAND',
  'PS4',
  'IFS',
  'PYTHONSTARTUP',
  'PYTHONPATH',
  'PYTHONHOME',
  'PYTHONINSPECT',
  'PYTHONUSERBASE',
  'PERL5OPT',
  'PERL5LIB',
  'PERLLIB',
  'PERL5DB',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'GCONV_PATH',
  'HOSTALIASES',
  'RESOLV_HOST_CONF',
  'MALLOC_CHECK_',
]);
const REFUSED_PREFIXES = ['NODE_', 'NPM_CONFIG_', 'ELECTRON_', 'LD_', 'DYLD_', 'BASH_FUNC_', 'GIT_', 'DEDUCTION_', 'DOCKER_'];
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a workflow may not set this variable, or null when it may. */
export function refusedEnvName(name: string): string | null {
  if (!VALID_NAME.test(name)) return `"${name.slice(0, 100)}" is not a valid environment variable name`;
  const upper = name.toUpperCase();
  if (REFUSED.has(upper) || REFUSED_PREFIXES.some((prefix) => upper.startsWith(prefix))) {
    return `${name} can make a program run code it was not given, so workflows may not set it`;
  }
  return null;
}

/** The first variable of `env` a workflow may not set, in words, or null. */
export function checkWorkflowEnv(env: Record<string, string>, where: string): string | null {
  for (const [name, value] of Object.entries(env)) {
    const problem = refusedEnvName(name);
    if (problem) return `${where}: ${problem}`;
    if (value.includes('\u0000')) return `${where}: ${name} holds a NUL character`;
  }
  return null;
}

/** The part of the Engine's environment agent processes get, plus `extra` names the caller needs. */
export function inheritedEnv(from: NodeJS.ProcessEnv = process.env, extra: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(from)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (INHERITED.has(upper) || INHERITED_PREFIXES.some((prefix) => upper.startsWith(prefix)) || extra.includes(upper)) out[name] = value;
  }
  return out;
}

export declare const BINDING_FILE: string;
export declare const STAMP_FILE: string;
export declare const MAKE_COMMAND: string;
export declare const HEADERS_URL: string;
export declare const ELECTRON_GYP_DIR: string;
export declare const DIST_ARCHS: Readonly<Record<string, readonly string[]>>;

export declare function electronBindingDir(platform: string, arch: string): string;

export interface ScriptOptions {
  ifPossible: boolean;
  dist: boolean;
  archs: string[] | undefined;
  distUrl: string;
}

export declare function parseArgs(argv: readonly string[]): ScriptOptions;

export declare function targetArchs(target: { archs: string[] | undefined; dist: boolean; platform: string; hostArch: string }): string[];

export declare function headersTarball(distUrl: string, electron: string): string;

export interface InstalledFacts {
  platform: string;
  electron: string | undefined;
  abi: string | undefined;
  betterSqlite3: string | undefined;
}

export interface Stamp {
  electron: string | undefined;
  abi: string | undefined;
  betterSqlite3: string | undefined;
  platform: string;
  arch: string;
}

export declare function stampFor(facts: InstalledFacts, arch: string): Stamp;

export declare function installedFacts(root: string, platform: string): InstalledFacts;

export interface ScriptIo {
  facts: InstalledFacts;
  env: Record<string, string | undefined>;
  log(line: string): void;
  isCurrent(arch: string): boolean;
  headersCached(electron: string): boolean;
  reachable(url: string): Promise<boolean>;
  build(arch: string): Promise<void>;
}

export declare function run(options: ScriptOptions & { archs: string[] }, io: ScriptIo): Promise<number>;

export declare function findNodeGyp(root: string, env: Record<string, string | undefined>): string;

export declare function buildBinding(build: {
  root: string;
  outDir: string;
  stamp: object;
  gypArgs: string[];
  nodeGyp: string;
  env?: Record<string, string | undefined>;
}): Promise<void>;

export declare function electronGypArgs(target: { electron: string; arch: string; distUrl: string; devdir?: string }): string[];

export declare function reachable(url: string, env?: Record<string, string | undefined>): Promise<boolean>;

export declare function machineIo(machine: {
  root: string;
  options: { distUrl: string };
  env?: Record<string, string | undefined>;
  platform?: string;
  log?: (line: string) => void;
}): ScriptIo;

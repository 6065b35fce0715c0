export type Run = (command: string, args: string[], options: { input?: string }) => Promise<void>;

export declare function runCommand(command: string, args: string[], options?: { input?: string }): Promise<void>;

export declare function finishArtifacts(options: {
  outDir: string;
  artifactPaths: readonly string[];
  env: Record<string, string | undefined>;
  run?: Run;
  log?: (message: string) => void;
}): Promise<string[]>;

export declare function finishFolder(options: {
  dir: string;
  env: Record<string, string | undefined>;
  run?: Run;
  log?: (message: string) => void;
}): Promise<string[]>;

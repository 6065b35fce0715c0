export declare const GPG_SIGNED_EXTENSIONS: readonly string[];

export declare function gpgSignTargets(files: readonly string[]): string[];

export declare function gpgDetachSignCommand(
  keyId: string,
  file: string,
  options?: { withPassphrase?: boolean },
): { command: 'gpg'; args: string[]; output: string };

import type { FuseV1Config } from '@electron/fuses';

export type FuseName =
  | 'RunAsNode'
  | 'EnableCookieEncryption'
  | 'EnableNodeOptionsEnvironmentVariable'
  | 'EnableNodeCliInspectArguments'
  | 'EnableEmbeddedAsarIntegrityValidation'
  | 'OnlyLoadAppFromAsar'
  | 'GrantFileProtocolExtraPrivileges';

export declare const FUSES: Readonly<Record<FuseName, boolean>>;

export declare function fuseConfig(target: { platform: string; arch: string }): FuseV1Config;

export declare function electronBinaryPath(app: { appOutDir: string; platform: string; productFilename: string; executableName: string }): string;

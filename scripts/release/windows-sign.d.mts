export declare const SIGN_COMMAND_VARIABLE: 'WINDOWS_SIGN_COMMAND';
export declare const FILE_PLACEHOLDER: '{file}';

export declare function splitCommand(text: string): string[];

export declare function signCommandFor(template: string, file: string): { command: string; args: string[] };

export type WindowsSignPlan =
  | { kind: 'command'; command: string; args: string[] }
  | { kind: 'certificate' }
  | { kind: 'skip'; reason: string };

export declare function windowsSignPlan(
  env: Record<string, string | undefined>,
  target: { file: string; hasCertificate: boolean },
): WindowsSignPlan;

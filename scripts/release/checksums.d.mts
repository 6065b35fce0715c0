export declare const MANIFEST_NAME: 'SHA256SUMS';

export declare function sha256File(file: string): Promise<string>;

export declare function manifestText(entries: ReadonlyArray<{ name: string; sha256: string }>): string;

export declare function manifestName(dir: string, file: string): string;

export declare function writeManifest(dir: string, files: readonly string[]): Promise<string>;

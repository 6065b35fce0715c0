import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The marker @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLED = 0x31;
const DISABLED = 0x30;

/**
 * Electron's fuses as it ships them (RunAsNode, NODE_OPTIONS, --inspect and file:// privileges
 * on; cookie encryption, asar integrity, asar-only and the browser V8 snapshot off), plus one
 * fuse newer than @electron/fuses knows.
 */
export const SHIPPED_FUSES = [ENABLED, DISABLED, ENABLED, ENABLED, DISABLED, DISABLED, DISABLED, ENABLED, ENABLED];

/**
 * Writes a stand-in for an Electron binary: no program, just the bytes @electron/fuses reads
 * and writes (the sentinel, wire version 1, the wire's length and one byte per fuse).
 */
export function writeFakeElectronBinary(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const wire = Buffer.from([1, SHIPPED_FUSES.length, ...SHIPPED_FUSES]);
  writeFileSync(file, Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), Buffer.from(SENTINEL), wire, Buffer.alloc(64)]));
  chmodSync(file, 0o755);
}

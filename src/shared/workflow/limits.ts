import { ENGINE_LIMITS } from '../engine/protocol';

/**
 * Every size limit a workflow meets, in one place, so that what `validate` accepts is what
 * the console stores and an Engine takes: a file that passes validation never fails later on
 * a limit it was not told about. Each is checked when a definition is validated, with a
 * message naming the limit and the value found.
 */

const MIB = 1024 * 1024;

/** Room a socket.io frame and the command envelope take around a submitted task tree. */
const SUBMISSION_ENVELOPE_BYTES = 64 * 1024;

export const WORKFLOW_LIMITS = {
  /** The largest workflow file read (JSON or BPMN; BPMN carries its diagram besides the tree). */
  fileBytes: 32 * MIB,
  /**
   * The largest task tree an Engine is sent: its message limit less the envelope. This is
   * what a workflow's size really meets, whatever the size of the file it came from.
   */
  submissionBytes: ENGINE_LIMITS.maxCommandBytes - SUBMISSION_ENVELOPE_BYTES,
  /** Nodes in one workflow, containers included. */
  nodes: 100_000,
  /** How far below the root a node may sit (the root's children are at depth 1). */
  nestingDepth: 100,
  /** Characters of a node id. */
  idLength: 200,
  /** One node's agentConfig or containerConfig, as JSON: it travels whole in every start command. */
  configBytes: 1 * MIB,
  /** Nesting of JSON values (configs, conditions, variables). */
  jsonDepth: 128,
  /** JSON values in one definition, counted before anything else looks at it. */
  jsonValues: 10_000_000,
} as const;

/** The UTF-8 size of a string, without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes as people read them: "17.2 MiB", "900 KiB", "512 bytes". */
export function describeBytes(bytes: number): string {
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}

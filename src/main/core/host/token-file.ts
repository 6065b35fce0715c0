import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SESSION_ROLES } from '../../../shared/api/app-status';
import { MIN_TOKEN_LENGTH, type HostCredential } from './auth';
import { errorText } from '../../../shared/error-text';

const tokenFileSchema = z
  .array(
    z.strictObject({
      token: z.string().min(MIN_TOKEN_LENGTH, `a token must be at least ${MIN_TOKEN_LENGTH} characters`),
      role: z.enum(SESSION_ROLES),
      /** Recorded with every action of a session holding this token. */
      name: z.string().trim().min(1).max(200),
    }),
  )
  .min(1, 'the file lists no token');

/**
 * Reads a host token file: a JSON list of `{ "token", "role": "operator" | "viewer", "name" }`,
 * one per person or screen, so the audit trail names who acted. Throws naming the file and the
 * first bad entry.
 */
export function readTokenFile(file: string): HostCredential[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the token file ${file}: ${(error as NodeJS.ErrnoException).code ?? errorText(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the token file ${file} is not JSON: ${errorText(error)}`, { cause: error });
  }
  const parsed = tokenFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`the token file ${file}: ${issue.path.length > 0 ? `entry ${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

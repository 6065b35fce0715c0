import { z } from 'zod';
import type { Id } from '../ids';

/** A bookmark marks a moment to come back to; an annotation says something about it. */
export const BOOKMARK_KINDS = ['bookmark', 'annotation'] as const;
export type BookmarkKind = (typeof BOOKMARK_KINDS)[number];

export const BOOKMARK_LIMITS = { text: 4000, perTask: 2000 } as const;

export const bookmarkInputSchema = z.object({
  kind: z.enum(BOOKMARK_KINDS),
  /** When in the task: ms since it started. */
  taskTimeMs: z.int().min(0).max(366 * 86_400_000),
  /** The node the remark is about, if any. */
  nodeId: z.string().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(BOOKMARK_LIMITS.text),
});
export type BookmarkInput = z.infer<typeof bookmarkInputSchema>;

export interface BookmarkView extends BookmarkInput {
  bookmarkId: Id;
  taskId: Id;
  /** Who made it: the session's operator or viewer name. */
  author: string | null;
  createdAt: number;
}

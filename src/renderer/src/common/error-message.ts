/** What went wrong, in the words of whatever failed: an ApiError's or Error's message, else the value itself. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

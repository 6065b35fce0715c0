/** A JSON text column as its value; SQL NULL stays null. */
export function parseJsonColumn<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

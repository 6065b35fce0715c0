/** A run of a message, marked when it is a search hit. */
export interface Segment {
  text: string;
  hit: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into runs with every occurrence of every term marked, case-insensitively and
 * in any script; overlapping or touching hits merge into one run.
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const ranges: Array<[number, number]> = [];
  for (const term of new Set(terms)) {
    if (term === '') continue;
    const pattern = new RegExp(escapeRegExp(term), 'giu');
    for (const match of text.matchAll(pattern)) {
      if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  if (ranges.length === 0) return text === '' ? [] : [{ text, hit: false }];
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  const segments: Segment[] = [];
  let position = 0;
  for (const [start, end] of merged) {
    if (start > position) segments.push({ text: text.slice(position, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    position = end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), hit: false });
  return segments;
}

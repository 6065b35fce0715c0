/**
 * XML 1.0 cannot hold every string a definition can: control characters (other than tab and
 * line breaks), lone surrogates and U+FFFE/U+FFFF are not characters of a well-formed document,
 * and a carriage return does not survive an attribute (XML reads line breaks back as \n).
 * The exporter writes readable text without them and keeps the exact value as JSON, whose
 * escapes are plain ASCII.
 */
// eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Readable text: the characters XML forbids left out, line breaks as XML reads them back (\n). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
}

/** JSON text that is also valid XML character data (JSON.stringify escapes all else). */
export function jsonForXml(value: unknown): string {
  return JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

/** Whether a name survives as a BPMN name attribute as it is: the import drops blank names. */
export function nameSurvivesXml(name: string): boolean {
  return xmlSafe(name) === name && name.trim() !== '';
}

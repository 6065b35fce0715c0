import type { ParseError, ParseWarning } from 'bpmn-moddle';
import type { ModdleElement } from 'moddle';
import type { BpmnDefinitions } from 'bpmn-moddle/types';
import { BPMN_PROBLEM, type ImportProblems } from './import-problems';
import { createModdle } from './moddle';
import { errorText } from '../../../../shared/error-text';

/** Large enough for tens of thousands of elements, small enough to refuse a runaway file. */
export const DEFAULT_MAX_BPMN_BYTES = 32 * 1024 * 1024;

export interface ParsedBpmn {
  definitions?: ModdleElement<BpmnDefinitions>;
  /** Every element that has an id, as bpmn-moddle resolved them. */
  elementsById: Record<string, ModdleElement>;
}

/** Where bpmn-moddle says a problem is; it counts lines and columns from 0. */
interface MessageLocation {
  line?: number;
  column?: number;
  near?: string;
  reason: string;
}

const LOCATED_MESSAGE = /^unparsable content (.*?) ?detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)$/;

function locate(message: string): MessageLocation {
  const match = LOCATED_MESSAGE.exec(message);
  if (!match) return { reason: message };
  const [, near, line, column, reason] = match;
  return { near: near || undefined, line: Number(line) + 1, column: Number(column) + 1, reason: reason ?? message };
}

/** The reader's reason, and where it is when the reader says: the params (and context) of a located wording. */
function locationParams(location: MessageLocation) {
  const { line, column, near, reason: detail } = location;
  if (line === undefined || column === undefined) return { detail };
  return near === undefined ? ({ context: 'located', line, column, detail } as const) : ({ context: 'locatedNear', line, column, near, detail } as const);
}

function isParseError(error: unknown): error is ParseError {
  return error instanceof Error;
}

/**
 * Reads BPMN 2.0 XML with bpmn-moddle. The XML reader underneath (saxen) decodes only the
 * predefined and numeric character entities: a DOCTYPE's entity declarations are never
 * expanded and external entities are never fetched, so neither "billion laughs" nor XXE apply.
 */
export async function parseBpmnXml(xml: string, problems: ImportProblems, maxBytes = DEFAULT_MAX_BPMN_BYTES): Promise<ParsedBpmn> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > maxBytes) {
    problems.error(BPMN_PROBLEM.tooLarge, { bytes, max: maxBytes });
    return { elementsById: {} };
  }
  if (/<!DOCTYPE/i.test(xml)) {
    problems.warn(BPMN_PROBLEM.doctypeIgnored, {});
  }
  try {
    const result = await createModdle().fromXML(xml);
    for (const warning of result.warnings) reportReaderWarning(warning, problems);
    return { definitions: result.rootElement, elementsById: result.elementsById };
  } catch (error) {
    reportReaderFailure(error, problems);
    return { elementsById: {} };
  }
}

function reportReaderWarning(warning: ParseWarning, problems: ImportProblems): void {
  const location = locate(warning.message);
  const elementId = typeof warning.element?.id === 'string' ? warning.element.id : undefined;
  problems.warn(BPMN_PROBLEM.parseWarning, locationParams(location), { elementId });
}

function reportReaderFailure(error: unknown, problems: ImportProblems): void {
  if (!isParseError(error)) {
    problems.error(BPMN_PROBLEM.malformedXml, { context: 'unreadable', detail: errorText(error) });
    return;
  }
  if (error.message.startsWith('failed to parse document as')) {
    const firstWarning = error.warnings?.[0];
    problems.error(BPMN_PROBLEM.notBpmn, firstWarning ? locationParams(locate(firstWarning.message)) : { context: 'noRoot' });
    return;
  }
  problems.error(BPMN_PROBLEM.malformedXml, locationParams(locate(error.message)));
}

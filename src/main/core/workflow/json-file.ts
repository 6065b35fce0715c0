import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { WorkflowFormat, WorkflowReadResult } from '../../../shared/workflow/read-result';
import type { Problem } from '../../../shared/workflow/problems';
import { validateWorkflow, type ValidationOptions, type ValidationResult } from '../../../shared/workflow/validate';
import { jsonWorkflowShape } from '../../../shared/workflow/itops/detect';
import { ITOPS_PROBLEM } from '../../../shared/workflow/itops/problem-codes';
import { readItopsTemplate } from '../../../shared/workflow/itops/read';
import { problem } from '../../../shared/workflow/problems';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../../../shared/workflow/definition';
import { WORKFLOW_PROBLEM } from '../../../shared/workflow/problem-codes';
import { FILE_PROBLEM, fileError } from './file-problems';
import { locateJsonSyntaxError } from './json-syntax';
import { errorText } from '../../../shared/error-text';
import { describeBytes, WORKFLOW_LIMITS } from '../../../shared/workflow/limits';

/**
 * Reading workflow files: the Deduction design's JSON, the IT-ops design's template (JSON with
 * `edges`, docs/itops-format.md), or BPMN 2.0 XML through the BPMN import, told apart by
 * content (then by extension). Nothing here throws on bad input; every
 * refusal is a Problem naming the file and what is wrong with it.
 */

/**
 * The largest workflow file read, in bytes. A larger file is refused before it is read, so it
 * can never stall the app; what a smaller one may hold is bounded by the other WORKFLOW_LIMITS.
 */
export const MAX_WORKFLOW_FILE_BYTES = WORKFLOW_LIMITS.fileBytes;

/**
 * Parses and validates JSON: the design's definition, or an IT-ops template. `source` names the input in messages; `validation`
 * carries the agent catalog to check configs against, when the caller knows it.
 */
export function parseWorkflowJson(text: string, source = 'the input', validation: ValidationOptions = {}): WorkflowReadResult {
  if (text.length > MAX_WORKFLOW_FILE_BYTES) {
    return { format: 'json', problems: [tooLarge(source, text.length, 'characters')] };
  }
  const body = stripBom(text);
  if (body.trim() === '') return { format: 'json', problems: [fileError(FILE_PROBLEM.empty, { source })] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { format: 'json', problems: [syntaxError(source, body, error)] };
  }
  const shape = jsonWorkflowShape(parsed);
  if (shape.format === 'itops') return { format: 'itops', ...readValidated(readItopsTemplate(parsed, validation)) };
  if (shape.format === 'ambiguous') {
    const marks = { definitionMarks: shape.definitionMarks.join(' and '), templateMarks: shape.templateMarks.join(' and ') };
    return { problems: [problem('error', ITOPS_PROBLEM.ambiguousFormat, [], { source, ...marks })] };
  }
  return { format: 'json', ...validated(parsed, validation) };
}

/** Reads workflow text in either format; BPMN goes through the BPMN import, then validation. */
export async function parseWorkflowText(text: string, options: { source?: string; fileName?: string } & ValidationOptions = {}): Promise<WorkflowReadResult> {
  const source = options.source ?? 'the input';
  const validation: ValidationOptions = options.agents ? { agents: options.agents } : {};
  const format = detectWorkflowFormat(text, options.fileName);
  if (format === 'json') return parseWorkflowJson(text, source, validation);
  if (format === 'bpmn') return parseBpmn(text, source, options.fileName, validation);
  const start = stripBom(text).trimStart().slice(0, 20);
  return { problems: [fileError(FILE_PROBLEM.unknownFormat, { source, start: JSON.stringify(start) })] };
}

/** Content first ({ is JSON, < is XML), then the file's extension. */
export function detectWorkflowFormat(text: string, fileName?: string): WorkflowFormat | undefined {
  const first = stripBom(text).trimStart()[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'bpmn';
  const extension = fileName === undefined ? '' : extname(fileName).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.bpmn' || extension === '.xml' || extension === '.bpmn2') return 'bpmn';
  return undefined;
}

export async function readWorkflowFile(path: string, validation: ValidationOptions = {}): Promise<WorkflowReadResult> {
  const read = await readText(path);
  if (typeof read !== 'string') return { problems: [read] };
  return parseWorkflowText(read, { source: path, fileName: path, ...validation });
}

/** The text of a regular, UTF-8 file of at most MAX_WORKFLOW_FILE_BYTES, or why not. */
async function readText(path: string): Promise<string | Problem> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return info.isDirectory() ? fileError(FILE_PROBLEM.notAFile, { context: 'folder', source: path }) : fileError(FILE_PROBLEM.notAFile, { source: path });
    if (info.size > MAX_WORKFLOW_FILE_BYTES) return tooLarge(path, info.size, 'bytes');
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileError(FILE_PROBLEM.notFound, { source: path });
    return fileError(FILE_PROBLEM.unreadable, { source: path, detail: errorText(error) });
  }
  if (bytes.length > MAX_WORKFLOW_FILE_BYTES) return tooLarge(path, bytes.length, 'bytes');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileError(FILE_PROBLEM.notUtf8, { context: 'utf16', source: path });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileError(FILE_PROBLEM.notUtf8, { source: path });
  }
}

async function parseBpmn(xml: string, source: string, fileName: string | undefined, validation: ValidationOptions): Promise<WorkflowReadResult> {
  const name = fileName === undefined ? undefined : basename(fileName, extname(fileName));
  // Loaded here, not up front: JSON reads (most of them) never need bpmn-moddle.
  const { importBpmn } = await import('./bpmn/import');
  const imported = await importBpmn(xml, { ...(name !== undefined && { name }), maxBytes: MAX_WORKFLOW_FILE_BYTES });
  if (!imported.definition) {
    const problems = imported.problems.some((problem) => problem.severity === 'error')
      ? imported.problems
      : [...imported.problems, fileError(FILE_PROBLEM.unknownFormat, { context: 'bpmn', source })];
    return { format: 'bpmn', problems };
  }
  // Validated here too, for the normalized definition; the import may already report the
  // validator's findings, so each problem is kept once.
  const result = validated(imported.definition, validation);
  const seen = new Set(imported.problems.map(problemKey));
  return { format: 'bpmn', ...result, problems: [...imported.problems, ...result.problems.filter((problem) => !seen.has(problemKey(problem)))] };
}

/** Problems with the input as data, which an editor cannot be trusted to hold. */
const UNREPAIRABLE: ReadonlySet<string> = new Set([
  WORKFLOW_PROBLEM.notAnObject,
  WORKFLOW_PROBLEM.notFinite,
  WORKFLOW_PROBLEM.notJson,
  WORKFLOW_PROBLEM.circular,
  WORKFLOW_PROBLEM.tooDeep,
  WORKFLOW_PROBLEM.tooLarge,
  WORKFLOW_PROBLEM.forbiddenKey,
  WORKFLOW_PROBLEM.tooManyNodes,
  WORKFLOW_PROBLEM.tooDeeplyNested,
  WORKFLOW_PROBLEM.configTooLarge,
  WORKFLOW_PROBLEM.submissionTooLarge,
  WORKFLOW_PROBLEM.unreadable,
  WORKFLOW_PROBLEM.internal,
]);

function problemKey(problem: Problem): string {
  return JSON.stringify([problem.severity, problem.code, problem.path, problem.message]);
}

function validated(input: unknown, validation: ValidationOptions): Omit<WorkflowReadResult, 'format'> {
  const result = readValidated(validateWorkflow(input, validation));
  if (result.definition) return result;
  const draft = repairableDraft(input, result.problems);
  return draft ? { ...result, draft } : result;
}

/**
 * The input as a definition the editor can hold, when only whole-workflow checks failed: every
 * field matches the schema, and nothing was refused as unsafe or too large to walk.
 */
function repairableDraft(input: unknown, problems: readonly Problem[]): WorkflowDefinition | undefined {
  if (problems.some((found) => UNREPAIRABLE.has(found.code))) return undefined;
  const parsed = workflowDefinitionSchema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

function readValidated(result: ValidationResult): Omit<WorkflowReadResult, 'format'> {
  return result.definition ? { definition: result.definition, problems: result.problems } : { problems: result.problems };
}

function tooLarge(source: string, size: number, unit: 'bytes' | 'characters'): Problem {
  return fileError(FILE_PROBLEM.tooLarge, { context: unit, source, size: describeBytes(size), count: size.toLocaleString('en'), max: describeBytes(MAX_WORKFLOW_FILE_BYTES) });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where and how the text breaks the JSON grammar; V8's own words if the locator finds nothing. */
function syntaxError(source: string, text: string, error: unknown): Problem {
  const found = locateJsonSyntaxError(text);
  if (found) return fileError(FILE_PROBLEM.jsonSyntax, { context: 'located', source, detail: found.message, line: found.line, column: found.column });
  return fileError(FILE_PROBLEM.jsonSyntax, { source, detail: errorText(error) });
}

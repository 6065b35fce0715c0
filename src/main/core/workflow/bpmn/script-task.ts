import type { ModdleElement } from 'moddle';
import { CAMUNDA_NS, foreignAttribute, foreignExtensionElements, ZEEBE_NS } from './extensions';
import { isInterpreter, type Interpreter } from '../../../../shared/engine/interpreters';
import type { WorkflowNodeDefinition } from '../../../../shared/workflow/definition';
import { describeElement, elementId } from './describe';
import { BPMN_PROBLEM, bpmnWarning, type ImportProblems } from './import-problems';
import type { Problem } from '../../../../shared/workflow/problems';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';


/** The interpreter the agent assumes when a config names none. */
export const DEFAULT_INTERPRETER: Interpreter = 'sh';

/** scriptFormat values (lower case, without a text/ or application/ media-type prefix) by interpreter. */
const FORMAT_ALIASES: Record<string, Interpreter> = {
  sh: 'sh',
  shell: 'sh',
  'x-sh': 'sh',
  'x-shellscript': 'sh',
  bash: 'bash',
  'x-bash': 'bash',
  python: 'python3',
  python3: 'python3',
  py: 'python3',
  'x-python': 'python3',
  'x-python3': 'python3',
  javascript: 'node',
  js: 'node',
  node: 'node',
  nodejs: 'node',
  ecmascript: 'node',
  'x-javascript': 'node',
  pwsh: 'pwsh',
  powershell: 'pwsh',
};

/** The scriptFormat an export writes for each interpreter (what the import reads back to it). */
const FORMAT_OF: Record<Interpreter, string> = { sh: 'sh', bash: 'bash', python3: 'python', node: 'javascript', pwsh: 'powershell' };

const KNOWN_FORMATS_TEXT = 'sh, bash, python, javascript (node), powershell';

export function interpreterOfFormat(format: string): Interpreter | undefined {
  const key = format
    .trim()
    .toLowerCase()
    .replace(/^(text|application)\//, '');
  return Object.hasOwn(FORMAT_ALIASES, key) ? FORMAT_ALIASES[key] : undefined;
}

/** The scriptFormat of an interpreter; an interpreter no agent knows is written as it is. */
export function formatOfInterpreter(interpreter: string): string {
  return isInterpreter(interpreter) ? FORMAT_OF[interpreter] : interpreter;
}

/** Something the mapping of a task could not carry over exactly: a warning about its element. */
export type MappingNote = Problem;

export interface ScriptMapping {
  agentConfig?: Record<string, JsonLogic>;
  notes: MappingNote[];
  consumed: string[];
}

/** Camunda resources the Engine cannot open: they live in the deployment or on a Java classpath. */
const ENGINE_ONLY_RESOURCE = /^(classpath|deployment):/i;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A script task as a command-agent config: an inline script runs with the interpreter its
 * scriptFormat names; a Camunda 7 script resource (a file path) runs as the interpreter's
 * command with the path as its argument. A format no interpreter runs is kept as it is: as
 * the interpreter of an inline script, which the agent refuses before running anything; as the
 * command of a script file (`groovy check.groovy` runs where groovy is installed and allowed).
 */
export function mapScriptTask(element: ModdleElement): ScriptMapping {
  const script = text(element.script);
  const format = text(element.scriptFormat)?.trim();
  const resource = text(foreignAttribute(element, CAMUNDA_NS, 'resource'))?.trim();
  const consumed = resource === undefined ? [] : [`${CAMUNDA_NS}#resource`];
  const notes: MappingNote[] = [];
  // A format no interpreter runs is kept as it is: reportUnknownInterpreter names it.
  const chosen: string = (format === undefined ? undefined : (interpreterOfFormat(format) ?? format)) ?? DEFAULT_INTERPRETER;
  if (script !== undefined) {
    if (format === undefined) notes.push(bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'noScriptFormat', element: describeElement(element), interpreter: DEFAULT_INTERPRETER }, elementId(element)));
    return { agentConfig: { script, interpreter: chosen }, notes, consumed };
  }
  if (resource !== undefined) {
    if (ENGINE_ONLY_RESOURCE.test(resource)) {
      notes.push(bpmnWarning(BPMN_PROBLEM.scriptUnsupported, { context: 'classpath', element: describeElement(element), resource: JSON.stringify(resource) }, elementId(element)));
      return { notes, consumed };
    }
    const where = elementId(element);
    if (format === undefined) notes.push(bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'noScriptFormatFile', element: describeElement(element), interpreter: DEFAULT_INTERPRETER }, where));
    const command = JSON.stringify(`${chosen} ${resource}`);
    notes.push(bpmnWarning(BPMN_PROBLEM.semanticsApproximated, { context: 'scriptFile', element: describeElement(element), resource: JSON.stringify(resource), command }, where));
    return { agentConfig: { command: chosen, args: [resource] }, notes, consumed };
  }
  const zeebeScript = foreignExtensionElements(element).find((found) => found.namespace === ZEEBE_NS && found.localName === 'script');
  notes.push(bpmnWarning(BPMN_PROBLEM.scriptUnsupported, { context: zeebeScript === undefined ? 'noScript' : 'feel', element: describeElement(element) }, elementId(element)));
  return { notes, consumed: zeebeScript === undefined ? consumed : [...consumed, `${ZEEBE_NS}#script`] };
}

function unknownInterpreter(config: Record<string, unknown> | undefined): string | undefined {
  if (config?.script === undefined) return undefined;
  const interpreter = config.interpreter;
  return typeof interpreter === 'string' && !isInterpreter(interpreter) ? interpreter : undefined;
}

/**
 * Names a script node whose interpreter the script agent does not know (a BPMN scriptFormat
 * such as groovy, or what an earlier export carried), so that it is fixed before a run.
 */
export function reportUnknownInterpreter(node: WorkflowNodeDefinition, element: ModdleElement, problems: ImportProblems): void {
  if (node.nodeType !== 'agent' || node.agentLoad !== 'script') return;
  const interpreter = unknownInterpreter(node.agentConfig);
  if (interpreter === undefined) return;
  const params = { context: 'unknownFormat', element: describeElement(element), format: JSON.stringify(interpreter), known: KNOWN_FORMATS_TEXT } as const;
  problems.warn(BPMN_PROBLEM.scriptUnsupported, params, { elementId: elementId(element), nodeId: node.nodeId });
}

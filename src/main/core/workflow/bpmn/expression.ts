import type { ModdleElement } from 'moddle';
import type { BpmnFormalExpression } from 'bpmn-moddle/types';
import { elToJsonLogic } from '../../../../shared/workflow/expression/el-condition';
import type { JsonLogic } from '../../../../shared/workflow/expression/logic';

/** The expression language the exporter tags a conditionExpression with when it is JSON Logic itself. */
export const JSON_LOGIC_LANGUAGE = 'https://jsonlogic.com';

/** Languages whose simple expressions el-condition.ts reads (unset: EL, as most engines assume). */
const EL_LANGUAGE = /(^|[^a-z])(juel|el|uel|spel)([^a-z]|$)/i;

export type ExpressionReading = { kind: 'none' } | { kind: 'logic'; logic: JsonLogic } | { kind: 'unexpressible'; text: string };

/** A BPMN expression (conditionExpression, …) read as JSON Logic where it can be. */
export function readExpression(expression: ModdleElement<BpmnFormalExpression> | undefined): ExpressionReading {
  const body = typeof expression?.body === 'string' ? expression.body.trim() : '';
  // A constant true (the same in EL, XPath, FEEL or JavaScript) is no condition at all.
  if (!expression || body === '' || body === 'true') return { kind: 'none' };
  const language = typeof expression.language === 'string' ? expression.language : undefined;
  if (language === JSON_LOGIC_LANGUAGE) {
    try {
      return { kind: 'logic', logic: JSON.parse(body) as JsonLogic };
    } catch {
      return { kind: 'unexpressible', text: body };
    }
  }
  if (language !== undefined && !EL_LANGUAGE.test(language)) return { kind: 'unexpressible', text: body };
  const logic = elToJsonLogic(body);
  return logic === undefined ? { kind: 'unexpressible', text: body } : { kind: 'logic', logic };
}

/** An expression's text shortened for a warning. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 120 ? `${flat.slice(0, 117)}...` : flat}"`;
}

import { BpmnModdle } from 'bpmn-moddle';
import { deductionPackage } from './deduction-schema';

/** A BpmnModdle that also knows the `deduction` extension. One per call: moddle caches types. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ deduction: deductionPackage });
}

import type { PackageDefinition } from 'bpmn-moddle';

/**
 * The `deduction` BPMN extension: what a workflow definition holds that BPMN has no place for.
 * Scalars are attributes on the BPMN element (readable in any modeler's XML view); structured
 * values (agentConfig, retry, pin, a condition as JSON Logic, …) are `deduction:field` extension
 * elements whose body is JSON, so that they survive a round trip exactly.
 */
export const DEDUCTION_NS_URI = 'http://deduction-console/schema/bpmn';
export const DEDUCTION_PREFIX = 'deduction';

/** Attributes the exporter writes and the importer honours, on any BPMN element. */
export const DEDUCTION_ATTRIBUTES = ['nodeId', 'agentLoad', 'kind', 'join', 'priority', 'timeoutMs', 'dependencyType'] as const;
export type DeductionAttribute = (typeof DEDUCTION_ATTRIBUTES)[number];

export const DEDUCTION_FIELD_TYPE = 'deduction:Field';

export const deductionPackage: PackageDefinition = {
  name: 'Deduction',
  prefix: DEDUCTION_PREFIX,
  uri: DEDUCTION_NS_URI,
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'Attributes',
      extends: ['bpmn:BaseElement'],
      // Strings, not Integer: moddle would turn a malformed number into NaN without a word.
      properties: DEDUCTION_ATTRIBUTES.map((name) => ({ name, isAttr: true, type: 'String' })),
    },
    {
      name: 'Field',
      superClass: ['Element'],
      properties: [
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'value', isBody: true, type: 'String' },
      ],
    },
  ],
};

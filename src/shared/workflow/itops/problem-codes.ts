/** Stable codes of the problems reading or writing an IT-ops template reports (wordings: problem-wordings.ts). */
export const ITOPS_PROBLEM = {
  notAnObject: 'ITOPS_NOT_AN_OBJECT',
  unknownProperty: 'ITOPS_UNKNOWN_PROPERTY',
  unknownNode: 'ITOPS_UNKNOWN_NODE',
  duplicateEdge: 'ITOPS_DUPLICATE_EDGE',
  condition: 'ITOPS_CONDITION',
  decisionBranch: 'ITOPS_DECISION_BRANCH',
  parallelUndecided: 'ITOPS_PARALLEL_UNDECIDED',
  parallelStartCondition: 'ITOPS_PARALLEL_START_CONDITION',
  ambiguousFormat: 'ITOPS_AMBIGUOUS_FORMAT',
  exportApproximated: 'ITOPS_EXPORT_APPROXIMATED',
} as const;

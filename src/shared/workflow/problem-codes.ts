/** Stable codes of the problems the workflow validator reports; the editor and tests key on them. */
export const WORKFLOW_PROBLEM = {
  // The input as data: what JSON cannot carry, or what is unsafe to walk.
  notAnObject: 'NOT_AN_OBJECT',
  notFinite: 'NOT_FINITE_NUMBER',
  notJson: 'NOT_JSON_VALUE',
  circular: 'CIRCULAR_REFERENCE',
  tooDeep: 'TOO_DEEP',
  tooLarge: 'TOO_LARGE',
  forbiddenKey: 'FORBIDDEN_KEY',
  // The limits of limits.ts that are not about JSON as such.
  tooManyNodes: 'TOO_MANY_NODES',
  tooDeeplyNested: 'NESTING_TOO_DEEP',
  configTooLarge: 'CONFIG_TOO_LARGE',
  submissionTooLarge: 'SUBMISSION_TOO_LARGE',
  hiddenIdCharacter: 'HIDDEN_ID_CHARACTER',
  unreadable: 'UNREADABLE_VALUE',
  // The zod schema of the definition.
  schema: 'SCHEMA',
  unknownProperty: 'UNKNOWN_PROPERTY',
  // The node tree.
  duplicateNodeId: 'DUPLICATE_NODE_ID',
  noRoot: 'NO_ROOT',
  multipleRoots: 'MULTIPLE_ROOTS',
  rootNotContainer: 'ROOT_NOT_CONTAINER',
  rootWithParent: 'ROOT_WITH_PARENT',
  orphan: 'ORPHAN_NODE',
  unknownParent: 'UNKNOWN_PARENT',
  unknownChild: 'UNKNOWN_CHILD',
  parentNotContainer: 'PARENT_NOT_CONTAINER',
  parentMismatch: 'PARENT_CHILDREN_MISMATCH',
  childOfTwo: 'CHILD_OF_TWO_PARENTS',
  childListedTwice: 'CHILD_LISTED_TWICE',
  parentCycle: 'PARENT_CYCLE',
  emptyContainer: 'EMPTY_CONTAINER',
  // Dependencies.
  unknownDependency: 'UNKNOWN_DEPENDENCY',
  selfDependency: 'SELF_DEPENDENCY',
  duplicateDependency: 'DUPLICATE_DEPENDENCY',
  duplicateEdge: 'DUPLICATE_EDGE',
  dependencyCycle: 'DEPENDENCY_CYCLE',
  dependsOnAncestor: 'DEPENDS_ON_ANCESTOR',
  dependsOnDescendant: 'DEPENDS_ON_DESCENDANT',
  deadlock: 'DEADLOCK',
  redundantAnyEdge: 'REDUNDANT_ANY_EDGE',
  pointlessJoin: 'POINTLESS_JOIN',
  // JSON Logic conditions and activations.
  invalidLogic: 'INVALID_JSON_LOGIC',
  constantLogic: 'CONSTANT_JSON_LOGIC',
  unknownVariable: 'UNKNOWN_CONDITION_VARIABLE',
  // Node settings.
  agentWithoutLoad: 'AGENT_WITHOUT_LOAD',
  kindTypeMismatch: 'KIND_TYPE_MISMATCH',
  ignoredSetting: 'IGNORED_SETTING',
  pointlessSetting: 'POINTLESS_SETTING',
  // Recovery rules (onError) of agents and of the workflow.
  onErrorRule: 'ON_ERROR_RULE',
  // Agent configs against their manifest's configSchema (when the catalog is known).
  missingConfigField: 'MISSING_CONFIG_FIELD',
  configAlternatives: 'CONFIG_ALTERNATIVES',
  // Declared inputs.
  duplicateInput: 'DUPLICATE_INPUT',
  inputDefaultType: 'INPUT_DEFAULT_TYPE',
  // Triggers (schedule triggers' cron expressions and time zones).
  invalidCron: 'INVALID_CRON',
  invalidTimeZone: 'INVALID_TIME_ZONE',
  invalidWatch: 'INVALID_WATCH',
  // Injects (the master scenario event list).
  invalidInject: 'INVALID_INJECT',
  // The validator itself failed; never expected, reported rather than thrown.
  internal: 'INTERNAL_ERROR',
} as const;

export type WorkflowProblemCode = (typeof WORKFLOW_PROBLEM)[keyof typeof WORKFLOW_PROBLEM];

/**
 * What each problem says, in English, written once, here: a problem's `message` is its
 * wording filled with its params (problems.ts), and the window's English locale takes its
 * `problemMessages` from here too; zh-CN words each key itself. A key is the problem's code,
 * or `<code>_<context>` where one code has several wordings (`params.context` picks one).
 * Placeholders are i18next's `{{name}}`; `$t(schemaTypes.{{expected}})` nests a wording of
 * SCHEMA_TYPE_WORDINGS, and a wording with `one` and `other` forms is chosen by its `count`.
 * Node ids are placed quoted, as nodeRef writes them.
 */
export const PROBLEM_WORDINGS = {
  // The input as data.
  NOT_AN_OBJECT: 'a workflow definition must be an object with "name" and "nodes", not {{received}}',
  NOT_FINITE_NUMBER: '{{value}} is not a number JSON can hold; use a finite number',
  NOT_JSON_VALUE_bigint: 'is a bigint; JSON holds numbers (or write large ids as decimal strings)',
  NOT_JSON_VALUE_function: 'is a function; a definition holds data only',
  NOT_JSON_VALUE_symbol: 'is a symbol; a definition holds data only',
  NOT_JSON_VALUE_hole: 'is a hole in a sparse array; JSON arrays have no holes',
  NOT_JSON_VALUE_accessor: 'is a getter or setter; a definition holds plain data only',
  NOT_JSON_VALUE_undefinedInArray: 'is undefined; JSON arrays cannot hold undefined (use null)',
  NOT_JSON_VALUE_date: 'is a Date (write it as an ISO 8601 string), not plain data',
  NOT_JSON_VALUE_map: 'is a Map (use a plain object), not plain data',
  NOT_JSON_VALUE_set: 'is a Set (use an array), not plain data',
  NOT_JSON_VALUE_instance: 'is an instance of {{name}}, not plain data',
  NOT_JSON_VALUE_customPrototype: 'is an object with a custom prototype, not plain data',
  CIRCULAR_REFERENCE: 'refers back to an object that contains it (a circular reference); JSON cannot hold that',
  TOO_DEEP: 'nested deeper than {{max}} levels; flatten it',
  TOO_LARGE_problems: 'the data holds more than {{max}} problems; the check stopped there',
  TOO_LARGE_values: 'the definition holds more than {{max}} values; it is refused as too large',
  FORBIDDEN_KEY: "the key {{key}} is not allowed: it would replace an object's prototype",
  UNREADABLE_VALUE: 'could not be read: {{detail}}',
  // Limits.
  TOO_MANY_NODES: 'the workflow has {{count}} nodes; the limit is {{max}} nodes per workflow. Split it into several workflows',
  NESTING_TOO_DEEP: '{{node}} is nested {{depth}} levels below the root; the nesting depth limit is {{max}} levels. Flatten the workflow',
  CONFIG_TOO_LARGE: "the {{field}} of {{node}} is {{size}} as JSON; a node's config is limited to {{max}}. Move large data to a file the agent reads",
  SUBMISSION_TOO_LARGE:
    "the task tree sent to an Engine for this workflow would be {{size}}; the Engine's message limit leaves {{max}} for it. Shrink the agent and container configs, or split the workflow",
  HIDDEN_ID_CHARACTER: 'the node id {{node}} holds {{character}}, an invisible or text-direction character that can disguise the id on screen; remove it',
  // The schema.
  SCHEMA_required: 'is required ($t(schemaTypes.{{expected}}))',
  SCHEMA_type: 'must be $t(schemaTypes.{{expected}}), not {{received}}',
  SCHEMA_oneOf: 'must be one of {{values}}, not {{received}}',
  SCHEMA_empty: 'must not be empty',
  SCHEMA_minLength: 'must be at least {{limit}} characters long',
  SCHEMA_maxLength: 'must be at most {{limit}} characters long',
  SCHEMA_minItems: 'must have at least {{limit}} items',
  SCHEMA_maxItems: 'must have at most {{limit}} items',
  SCHEMA_min: 'must be at least {{limit}}',
  SCHEMA_max: 'must be at most {{limit}}',
  SCHEMA_above: 'must be more than {{limit}}',
  SCHEMA_below: 'must be less than {{limit}}',
  SCHEMA_datetime: 'must be an ISO 8601 date and time with a time zone, e.g. 2026-05-01T08:00:00Z',
  SCHEMA_format: 'must be a valid {{format}}',
  SCHEMA_multipleOf: 'must be a multiple of {{divisor}}',
  SCHEMA_undefined: 'must not be undefined; leave the property out instead',
  SCHEMA_version: 'must be text or a whole number, not {{received}}',
  SCHEMA_pin: 'must be {"at": an ISO 8601 time or epoch milliseconds} or {"delayMs": milliseconds after the task starts}',
  SCHEMA_at: 'must be an ISO 8601 date and time with a time zone, or epoch milliseconds',
  SCHEMA_json: 'must be a JSON value (null, true or false, a finite number, text, an array or an object), not {{received}}',
  SCHEMA_controlCharacters: 'must not contain control characters',
  SCHEMA_nodesRequired: "is required: the list of the workflow's nodes",
  SCHEMA_nodesNotArray: 'must be an array of nodes, not {{received}}',
  SCHEMA_noNodes: 'must not be empty: a workflow needs at least its root container',
  SCHEMA_nodeNotObject: 'each node must be an object, not {{received}}',
  SCHEMA_other: 'is not valid: {{detail}}',
  UNKNOWN_PROPERTY_workflow: '{{property}} is not a property of the workflow; it is ignored',
  UNKNOWN_PROPERTY_node: '{{property}} is not a property of a node; it is ignored',
  UNKNOWN_PROPERTY_dependency: '{{property}} is not a property of a dependency; it is ignored',
  UNKNOWN_PROPERTY_retry: '{{property}} is not a property of retry; it is ignored',
  UNKNOWN_PROPERTY_backoff: '{{property}} is not a property of backoff; it is ignored',
  UNKNOWN_PROPERTY_layout: '{{property}} is not a property of layout; it is ignored',
  UNKNOWN_PROPERTY_pin: '{{property}} is not a property of pin; it is ignored',
  UNKNOWN_PROPERTY_onError: '{{property}} is not a property of an onError rule; it is ignored',
  // The node tree.
  DUPLICATE_NODE_ID: 'the node id {{node}} is already used by nodes[{{index}}]; node ids must be unique',
  NO_ROOT: 'there is no root: every node has a parent; mark the top container with "isRoot": true and give it no parent',
  MULTIPLE_ROOTS: '{{node}} is one of {{count}} roots ({{names}}); a workflow has exactly one root container',
  ROOT_NOT_CONTAINER: 'the root {{node}} is an agent; the root must be a container',
  ROOT_WITH_PARENT: 'isRoot is true, but the node has the parent {{parent}}; the root has no parent',
  ORPHAN_NODE: "{{node}} has no parent container and is not the root; give it a parentId, or list it in a container's children",
  UNKNOWN_PARENT: 'the parentId {{parent}} names no node',
  UNKNOWN_CHILD: 'lists the child {{child}}, but no node has that id',
  PARENT_NOT_CONTAINER_agentWithChildren: '{{node}} is an agent but lists children; only containers hold nodes',
  PARENT_NOT_CONTAINER_agentParent: 'the parent {{parent}} is an agent; only containers hold nodes',
  PARENT_CHILDREN_MISMATCH_claimedByOther: 'parentId is {{parent}}, but {{other}} lists this node among its children',
  PARENT_CHILDREN_MISMATCH_notListed: 'parentId is {{parent}}, but the children of {{parent}} do not list this node',
  PARENT_CHILDREN_MISMATCH_nullButClaimed: 'parentId is null, but {{other}} lists this node among its children',
  CHILD_OF_TWO_PARENTS: 'lists {{child}} as a child, but {{other}} already does; a node has one parent',
  CHILD_LISTED_TWICE: 'lists the child {{child}} twice',
  PARENT_CYCLE_ownChild: '{{node}} lists itself as its own child',
  PARENT_CYCLE_ownParent: '{{node}} is its own parent',
  PARENT_CYCLE_nesting: 'containers nest in a cycle: {{cycle}} (each holds the next), so none of them hangs from the root',
  EMPTY_CONTAINER: 'the container {{node}} holds no nodes, so it does nothing and completes at once',
  // Dependencies.
  UNKNOWN_DEPENDENCY: 'depends on {{source}}, but no node has that id',
  SELF_DEPENDENCY: '{{node}} depends on itself',
  DUPLICATE_DEPENDENCY: 'repeats dependencies[{{index}}] on {{source}}; the repeat is ignored',
  DUPLICATE_EDGE: '{{node}} already depends on {{source}} (dependencies[{{index}}]); a pair of nodes has one dependency: merge the two into one type and condition',
  DEPENDENCY_CYCLE: 'dependency cycle: {{cycle}} (each waits for the one before it, so none can start)',
  DEPENDS_ON_ANCESTOR: 'depends on {{source}}, a container it is inside, which can only finish after this node does: a deadlock',
  DEPENDS_ON_DESCENDANT: 'the container {{node}} depends on {{source}}, which is inside it and can only start after the container does: a deadlock',
  DEADLOCK: 'deadlock through containers: {{cycle}} (each can only go after the one before it, so none of them can go first)',
  REDUNDANT_ANY_EDGE_joinOne: 'an "any" dependency without a condition is satisfied at once, so with join "one" this node never waits for its other dependencies',
  REDUNDANT_ANY_EDGE_joinAll: 'an "any" dependency without a condition never waits, so beside other dependencies it changes nothing',
  REDUNDANT_ANY_EDGE_onAncestor: 'an "any" dependency on {{source}}, a container it is inside, never waits; it has no effect',
  REDUNDANT_ANY_EDGE_onDescendant: 'an "any" dependency of a container on {{source}}, which is inside it, never waits; it has no effect',
  POINTLESS_JOIN: 'join "one" only matters with two or more dependencies; this node has {{count}}',
  // JSON Logic.
  INVALID_JSON_LOGIC_noKey: 'a JSON Logic operation is an object with exactly one key, its operator; this one has none',
  INVALID_JSON_LOGIC_keys: 'a JSON Logic operation is an object with exactly one key, its operator; this one has {{count}} ({{keys}})',
  INVALID_JSON_LOGIC_log: 'the JSON Logic operator "log" is not allowed here: it writes to the console, and expressions must not have side effects',
  INVALID_JSON_LOGIC_unknownOperator: 'unknown JSON Logic operator {{operator}}',
  INVALID_JSON_LOGIC_unapplied: 'the text typed in {{field}} is not applied until it is fixed: {{reason}}',
  CONSTANT_JSON_LOGIC_condition: 'the condition is the constant {{value}}, not an expression: it never looks at the data',
  CONSTANT_JSON_LOGIC_activation: 'the activation is the constant {{value}}, not an expression: it never looks at the data',
  UNKNOWN_CONDITION_VARIABLE_condition: 'reads {{variable}}, but a condition sees only {{roots}}; did you mean {{suggestion}}?',
  // Node settings.
  AGENT_WITHOUT_LOAD: 'the agent {{node}} has no agentLoad, which names what runs it (e.g. "script", "http", "manual")',
  KIND_TYPE_MISMATCH_agent: 'the kind {{kind}} is for containers, but {{node}} is an agent; make it a container or give it an agent kind ({{kinds}})',
  KIND_TYPE_MISMATCH_container: 'the kind {{kind}} is for agents, but {{node}} is a container; make it an agent or give it a container kind ({{kinds}})',
  IGNORED_SETTING_containerConfig: 'containerConfig on the agent {{node}} is ignored and dropped: only containers are initialized with one',
  IGNORED_SETTING_agentLoad: 'agentLoad on the container {{node}} is ignored and dropped: containers run no load themselves; their agents do',
  IGNORED_SETTING_agentConfig: 'agentConfig on the container {{node}} is ignored and dropped: containers run no load themselves; their agents do',
  IGNORED_SETTING_containerType: 'containerType on the agent {{node}} is ignored and dropped: only containers have a container type',
  IGNORED_SETTING_agentMetaId: 'agentMetaId on the container {{node}} is ignored and dropped: containers run no agent themselves; their agents do',
  IGNORED_SETTING_agentUrl: 'agentUrl on the container {{node}} is ignored and dropped: containers run no agent themselves; their agents do',
  IGNORED_SETTING_onError: 'onError on the container {{node}} is ignored and dropped: recovery rules act on the failed attempts of agents',
  ON_ERROR_RULE_emptyCode: 'the code pattern is empty, so the rule never matches; write an error code such as "TIMEOUT", a pattern such as "HTTP_*", or "*" for any code',
  ON_ERROR_RULE_unreachable: 'no failure reaches this rule: rule {{rule}} before it matches every code',
  ON_ERROR_RULE_retryWithoutBudget: 'a retry rule needs maxRetries of at least 1: without a budget it never retries',
  ON_ERROR_RULE_retryFieldsIgnored: 'maxRetries and backoff only apply to the action "retry"; with "{{action}}" they are ignored',
  ON_ERROR_RULE_handlerMissing: 'a handler rule needs handlerNodeId: the node that runs to handle the failure',
  ON_ERROR_RULE_handlerIgnored: 'handlerNodeId only applies to the action "handler"; with "{{action}}" it is ignored',
  ON_ERROR_RULE_handlerUnknown: 'the handler {{handler}} names no node',
  ON_ERROR_RULE_handlerSelf: '{{node}} names itself as its handler; a failed node cannot handle its own failure',
  ON_ERROR_RULE_handlerAncestor: 'the handler {{handler}} is a container that {{node}} is inside; a handler is an agent that runs beside the failed node',
  ON_ERROR_RULE_handlerNotAgent: 'the handler {{handler}} is a container; a handler must be an agent',
  ON_ERROR_RULE_handlerOutside: 'the handler {{handler}} is not inside a container around {{node}}, so it cannot run while {{node}} waits for it; move it into the same container',
  ON_ERROR_RULE_defaultHandlerOutside: 'the default handler {{handler}} must be a child of the root {{root}}, so that it can run for a failure anywhere',
  ON_ERROR_RULE_handlerWithDependencies: 'the handler {{handler}} has dependencies; a handler starts only when a rule invokes it, so remove them',
  IGNORED_SETTING_childrenOnAgent: '"children" on the {{type}} node {{node}} is ignored: only a parallel node holds children',
  IGNORED_SETTING_requiredSkills: 'requiredSkills on the container {{node}} is ignored and dropped: containers are placed where their children need them; require skills on the agents',
  IGNORED_SETTING_assignee: 'assignee on the container {{node}} is ignored and dropped: only manual agents are decided by an operator',
  POINTLESS_SETTING_noRetries: 'backoff has no effect with maxRetries 0',
  POINTLESS_SETTING_initialAboveMax: 'initialMs ({{initialMs}}) is above maxMs ({{maxMs}}), so every retry waits maxMs',
  POINTLESS_SETTING_containerPriority: 'priority has no effect on the container {{node}}: containers take no Engine capacity, so they never wait in the queue that priority orders',
  MISSING_CONFIG_FIELD: 'the {{agentLoad}} agent {{node}} needs agentConfig.{{field}}, which its manifest requires',
  CONFIG_ALTERNATIVES_noneOfExactlyOne: 'the {{agentLoad}} agent {{node}} needs exactly one of these in its agentConfig: {{choices}}',
  CONFIG_ALTERNATIVES_noneOfAny: 'the {{agentLoad}} agent {{node}} needs at least one of these in its agentConfig: {{choices}}',
  CONFIG_ALTERNATIVES_severalOf: 'the {{agentLoad}} agent {{node}} gives more than one of these in its agentConfig: {{choices}}; its manifest allows exactly one',
  DUPLICATE_INPUT: 'the input {{name}} is already declared by inputs[{{index}}]; input names must be unique',
  INPUT_DEFAULT_TYPE: 'the default of the input {{name}} must be of type {{type}}, not {{received}}',
  INVALID_CRON:
    'is not a cron expression: {{detail}}. Write five fields (minute hour day-of-month month day-of-week), or six with seconds first; e.g. "0 3 * * *" is 03:00 every day',
  INVALID_CRON_never: 'the cron expression {{cron}} never fires: no date matches it',
  INVALID_TIME_ZONE: '{{zone}} is not a time zone this system knows; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC',
  INVALID_WATCH_folder: 'the watched folder {{folder}} is not an absolute path; give the full path of the folder',
  INVALID_WATCH_pattern: 'the pattern {{pattern}} holds a path separator; it matches file names in the folder (* and ? as wildcards)',
  INVALID_INJECT_duplicateId: 'the inject id {{id}} is already used by injects[{{index}}]; inject ids must be unique',
  INVALID_INJECT_unknownNode: 'the inject {{id}} names the node {{node}}, which is neither in the workflow nor added by an inject',
  INVALID_INJECT_notAgent: 'the inject {{id}} sends a message to {{node}}, a container; only running agents receive messages',
  INVALID_INJECT_nodeClash: 'the inject {{id}} adds the node {{node}}, which another inject adds too; node ids must be unique',
  INVALID_INJECT_nodeExists: 'the inject {{id}} adds the node {{node}}, which the workflow already has; the addition is refused when it fires (unless it has fired already)',
  INVALID_INJECT_noParent: 'the inject {{id}} adds the node {{node}} without a parentId naming a container of the workflow or one it adds',
  INTERNAL_ERROR: 'the validator failed on this input: {{detail}}',

  // Reading a workflow file (src/main/core/workflow/file-problems.ts).
  FILE_NOT_FOUND: '{{source}} does not exist',
  FILE_NOT_REGULAR: '{{source}} is not a regular file; give the path of a workflow file',
  FILE_NOT_REGULAR_folder: '{{source}} is a folder; give the path of a workflow file',
  FILE_UNREADABLE: '{{source}} could not be read: {{detail}}',
  FILE_TOO_LARGE_bytes: '{{source}} is {{size}} ({{count}} bytes); the workflow file limit is {{max}}. Split the workflow, or move large data out of agentConfig',
  FILE_TOO_LARGE_characters: '{{source}} is {{size}} ({{count}} characters); the workflow file limit is {{max}}. Split the workflow, or move large data out of agentConfig',
  FILE_NOT_UTF8: '{{source}} is not UTF-8 text (is it a binary file?)',
  FILE_NOT_UTF8_utf16: '{{source}} is UTF-16 text; save it as UTF-8',
  FILE_EMPTY: '{{source}} is empty; a workflow file holds a JSON object with "name" and "nodes"',
  FILE_UNKNOWN_FORMAT: '{{source}} is neither JSON nor BPMN XML: it starts with {{start}} and its name does not end in .json, .bpmn or .xml',
  FILE_UNKNOWN_FORMAT_bpmn: '{{source}} could not be imported as BPMN',
  JSON_SYNTAX: '{{source}} is not valid JSON: {{detail}}',
  JSON_SYNTAX_located: '{{source}} is not valid JSON: {{detail}}, at line {{line}}, column {{column}}',
  // The IT-ops design's template format (src/shared/workflow/itops/).
  ITOPS_NOT_AN_OBJECT: 'an IT-ops template must be an object with "name", "nodes" and "edges", not {{received}}',
  ITOPS_UNKNOWN_PROPERTY_template: '{{property}} is not a property of the template; it is ignored',
  ITOPS_UNKNOWN_PROPERTY_node: '{{property}} is not a property of a node; it is ignored',
  ITOPS_UNKNOWN_PROPERTY_edge: '{{property}} is not a property of an edge; it is ignored',
  ITOPS_UNKNOWN_PROPERTY_variable: '{{property}} is not a property of a variable; it is ignored',
  ITOPS_UNKNOWN_NODE_source: 'the edge starts at {{node}}, but no node has that id',
  ITOPS_UNKNOWN_NODE_target: 'the edge leads to {{node}}, but no node has that id',
  ITOPS_DUPLICATE_EDGE: 'repeats edges[{{index}}] from {{source}} to {{target}}; a pair of nodes has one edge: merge their conditions',
  ITOPS_CONDITION:
    'the condition {{condition}} cannot be read: write comparisons, &&, ||, !, literals and variable paths (variables.needPatch == true, ${ok}), or JSON Logic',
  ITOPS_DECISION_BRANCH: 'the decision node {{node}} leads to {{target}} without a condition, so that branch is always taken',
  ITOPS_PARALLEL_UNDECIDED_oneBranch: 'the parallel node {{node}} has one branch, so it holds only {{child}}; list its children with "children" to hold more',
  ITOPS_PARALLEL_UNDECIDED_severalMeets: 'the branches of the parallel node {{node}} meet at several nodes ({{nodes}}), so where the parallel step ends cannot be told; list its children with "children"',
  ITOPS_PARALLEL_UNDECIDED_enteredFromOutside:
    '{{node}} lies between the parallel node {{parallel}} and where its branches meet, but this edge reaches it from {{source}}, outside that step; list the children of {{parallel}} with "children"',
  ITOPS_PARALLEL_UNDECIDED_crossing: '{{node}} lies inside both parallel nodes {{first}} and {{second}}, and neither holds the other; list their children with "children"',
  ITOPS_PARALLEL_START_CONDITION: 'an edge from the parallel node {{parallel}} to its child {{node}} only starts the child with it, so its condition cannot be kept; put the condition on an edge into {{parallel}}',
  ITOPS_AMBIGUOUS_FORMAT: '{{source}} mixes the two JSON workflow formats: {{definitionMarks}} (the Deduction definition) and {{templateMarks}} (the IT-ops template); write it in one of them',
  ITOPS_EXPORT_APPROXIMATED_container: 'the container {{node}} is written as a parallel node, the only container the template has; it reads back with kind "parallel" and its default timeout and retries',
  ITOPS_EXPORT_APPROXIMATED_agent:
    'the agent {{node}} has no kind; it is written as type {{type}} (its agentLoad {{agentLoad}} kept under "deduction") and reads back with that kind and its default timeout and retries',
  // Saving a template (src/main/core/workflow/templates.ts).
  TEMPLATE_NAME: 'a template name must be 1 to {{max}} characters',

  // The BPMN import (src/main/core/workflow/bpmn/import-problems.ts).
  BPMN_TOO_LARGE: 'The BPMN file is {{bytes}} bytes; the import accepts at most {{max}}.',
  BPMN_MALFORMED_XML: 'Malformed XML: {{detail}}',
  BPMN_MALFORMED_XML_located: 'Malformed XML at line {{line}}, column {{column}}: {{detail}}',
  BPMN_MALFORMED_XML_locatedNear: 'Malformed XML at line {{line}}, column {{column}} (near {{near}}): {{detail}}',
  BPMN_MALFORMED_XML_unreadable: 'The BPMN file could not be read: {{detail}}',
  BPMN_NOT_BPMN: 'Not a BPMN 2.0 document: the root element must be <definitions> in namespace http://www.omg.org/spec/BPMN/20100524/MODEL: {{detail}}',
  BPMN_NOT_BPMN_located:
    'Not a BPMN 2.0 document: the root element must be <definitions> in namespace http://www.omg.org/spec/BPMN/20100524/MODEL at line {{line}}, column {{column}}: {{detail}}',
  BPMN_NOT_BPMN_locatedNear:
    'Not a BPMN 2.0 document: the root element must be <definitions> in namespace http://www.omg.org/spec/BPMN/20100524/MODEL at line {{line}}, column {{column}} (near {{near}}): {{detail}}',
  BPMN_NOT_BPMN_noRoot: 'Not a BPMN 2.0 document: the root element must be <definitions> in namespace http://www.omg.org/spec/BPMN/20100524/MODEL: no root element',
  BPMN_NO_PROCESS: 'The BPMN file has no process and no pool to import.',
  BPMN_PARSE_WARNING: 'BPMN reader: {{detail}}',
  BPMN_PARSE_WARNING_located: 'BPMN reader at line {{line}}, column {{column}}: {{detail}}',
  BPMN_PARSE_WARNING_locatedNear: 'BPMN reader at line {{line}}, column {{column}} (near {{near}}): {{detail}}',
  BPMN_DOCTYPE_IGNORED: 'The document type declaration (DOCTYPE) is ignored: its entities are neither expanded nor fetched.',
  BPMN_UNSUPPORTED_ELEMENT: '{{element}} is not supported; it is not imported.',
  BPMN_UNSUPPORTED_ELEMENT_calledOnly: '{{element}} is not supported; it is only called from content that is not imported, so it is not imported.',
  BPMN_UNSUPPORTED_ELEMENT_compensation: '{{element}} is not supported; a compensation handler runs only on compensation, so it is not imported.',
  BPMN_UNSUPPORTED_ELEMENT_eventSubprocess: '{{element}} is not supported; an event subprocess runs only when its trigger fires; it and the {{count}} elements in it are not imported.',
  BPMN_UNSUPPORTED_ELEMENT_eventSubprocessWithActivities:
    '{{element}} is not supported; an event subprocess runs only when its trigger fires; it and the {{count}} elements in it are not imported (its activities: {{activities}}).',
  BPMN_UNSUPPORTED_ELEMENT_loopMarker: 'The {{marker}} marker of {{element}} is not supported; the node runs once.',
  BPMN_UNSUPPORTED_ELEMENT_boundaryDetached: '{{element}} (attached to {{task}}, which is not imported) is not imported; the flows after it start with their container.',
  BPMN_UNSUPPORTED_ELEMENT_boundaryUnattached: '{{element}} (attached to nothing) is not imported; the flows after it start with their container.',
  BPMN_UNSUPPORTED_ELEMENT_startEventDefinition: 'The {{kind}} event definition of {{element}} is not supported; its trigger is not imported: the nodes after it start with their container.',
  BPMN_UNSUPPORTED_ELEMENT_catchEventDefinition: 'The {{kind}} event definition of {{element}} is not supported; the flow does not wait for it: it is passed through.',
  BPMN_UNSUPPORTED_ELEMENT_throwEventDefinition: 'The {{kind}} event definition of {{element}} is not supported; nothing is thrown: it is passed through.',
  BPMN_UNSUPPORTED_ELEMENT_endEventDefinition: 'The {{kind}} event definition of {{element}} is not supported; its result is not thrown: it ends the path like a plain end event.',
  BPMN_UNSUPPORTED_ELEMENT_eventDefinition: 'The {{kind}} event definition of {{element}} is not supported; it is passed through.',
  BPMN_SEMANTICS_APPROXIMATED_noAgent:
    '{{element}}: it names no agent (no camunda:topic or Zeebe task type); it becomes an "http" call, which needs a url in its agentConfig before it can run.',
  BPMN_SEMANTICS_APPROXIMATED_receiveTask: '{{element}}: waiting for a message is not modelled; it runs as a simulation agent.',
  BPMN_SEMANTICS_APPROXIMATED_callActivity: '{{element}}: the called element is not inlined; it runs as a simulation agent.',
  BPMN_SEMANTICS_APPROXIMATED_callActivityNamed: '{{element}}: the called element {{called}} is not inlined; it runs as a simulation agent.',
  BPMN_SEMANTICS_APPROXIMATED_noScriptFormat: '{{element}}: it has no scriptFormat; its script runs with {{interpreter}}.',
  BPMN_SEMANTICS_APPROXIMATED_noScriptFormatFile: '{{element}}: it has no scriptFormat; its script file runs with {{interpreter}}.',
  BPMN_SEMANTICS_APPROXIMATED_scriptFile: "{{element}}: its script file {{resource}} runs as {{command}}; a relative path is taken from the Engine's working directory.",
  BPMN_SEMANTICS_APPROXIMATED_boundary: '{{element}} on {{task}}, with its {{kinds}} event definition, has no equivalent; the flows after it run when {{node}} fails.',
  BPMN_SEMANTICS_APPROXIMATED_boundaryBare: '{{element}} on {{task}}, with no event definition, has no equivalent; the flows after it run when {{node}} fails.',
  BPMN_SEMANTICS_APPROXIMATED_boundaryNonInterrupting:
    '{{element}} (non-interrupting) on {{task}}, with its {{kinds}} event definition, has no equivalent; the flows after it run once {{node}} finishes.',
  BPMN_SEMANTICS_APPROXIMATED_boundaryNonInterruptingBare:
    '{{element}} (non-interrupting) on {{task}}, with no event definition, has no equivalent; the flows after it run once {{node}} finishes.',
  BPMN_SEMANTICS_APPROXIMATED_severalTimeouts:
    '{{event}} is one of several timers on {{node}}: the node times out after the shortest, and the flows after each of them run when it fails.',
  BPMN_SEMANTICS_APPROXIMATED_severalPins: 'Several timers lead to node {{node}}; it is pinned by the nearest one only.',
  BPMN_SEMANTICS_APPROXIMATED_timerFromFlow: "The timer of {{element}} waits from when the flow reaches it; its pin on the next nodes counts from the task's start.",
  BPMN_SEMANTICS_APPROXIMATED_conditionIgnored: 'The condition of {{flow}} is ignored: {{gateway}} does not evaluate conditions.',
  BPMN_SEMANTICS_APPROXIMATED_sharedProcess: '{{element}} shares its process with another pool; it is imported empty.',
  BPMN_SEMANTICS_APPROXIMATED_blackBoxPool: '{{element}} is a black-box pool (no process); it is imported as an empty container.',
  BPMN_SEMANTICS_APPROXIMATED_inclusiveMerge: '{{element}} merges branches: the nodes after it join with "one" and do not wait for every active branch.',
  BPMN_SEMANTICS_APPROXIMATED_complexGateway: '{{element}} is imported like an inclusive gateway; its activation condition is not.',
  BPMN_SEMANTICS_APPROXIMATED_eventBasedGateway: '{{element}} chooses a branch by the first event; all of its branches are followed.',
  BPMN_SEMANTICS_APPROXIMATED_transaction: '{{element}} becomes a plain container: its cancel and compensation semantics are not imported.',
  BPMN_SEMANTICS_APPROXIMATED_adHocSubProcess:
    '{{element}} becomes a plain container: its children without flows run at once, and its completion condition and ordering are not imported.',
  BPMN_PLAIN_TASK:
    '{{element}} is a plain task with no type; it becomes a manual task that waits for an operator to approve it. Give it a task type, or deduction:agentLoad="sim" to simulate it.',
  BPMN_ARTIFACT_IGNORED: '{{element}} is not imported (diagram-only content).',
  BPMN_ARTIFACT_IGNORED_lane: '{{element}} is not imported: lanes only group nodes, which are imported.',
  BPMN_EXTENSION_IGNORED: 'Extensions of {{element}} are not imported: {{names}}.',
  BPMN_EXTENSION_IGNORED_notInteger: 'deduction:{{field}} {{value}} of {{element}} is not an integer; it is ignored.',
  BPMN_EXTENSION_IGNORED_notNodeField: 'deduction:field {{field}} of {{element}} is not a node field; it is ignored.',
  BPMN_EXTENSION_IGNORED_wrongShape: 'deduction:field {{field}} of {{element}} does not have the shape of that field; it is ignored.',
  BPMN_EXTENSION_IGNORED_notJson: 'The deduction:field {{field}} of {{element}} is not valid JSON and is ignored.',
  BPMN_EXTENSION_IGNORED_notKind: 'deduction:kind {{value}} of {{element}} is not a node kind ({{kinds}}); it is ignored.',
  BPMN_EXTENSION_IGNORED_notJoinMode: 'deduction:join {{value}} of {{element}} is not a join mode; it is ignored.',
  BPMN_EXTENSION_IGNORED_notWorkflowField: 'deduction:field {{field}} of the definitions is not a workflow field of the right shape; it is ignored.',
  BPMN_EXTENSION_IGNORED_notDependencyType: 'deduction:dependencyType {{value}} on the flow {{flow}} is not a dependency type; it is ignored.',
  BPMN_CONDITION_NOT_EXPRESSIBLE: 'The condition {{condition}} of {{flow}} has no JSON Logic equivalent; the dependency is unconditional.',
  BPMN_CONDITION_NOT_EXPRESSIBLE_defaultFlow:
    '{{flow}} is the default flow of {{gateway}}, but not every other branch has an expressible condition; the dependency is unconditional.',
  BPMN_CONDITION_NOT_EXPRESSIBLE_fromStart:
    'Node {{node}} is reached from the start of the workflow through the condition {{condition}}; with no source node to carry it, the condition is lost.',
  BPMN_CONDITION_NOT_EXPRESSIBLE_fromScopeStart:
    'Node {{node}} is reached from the start of its scope through a conditional branch ({{conditions}}); with no source node to carry the condition, it is lost.',
  BPMN_CONDITION_MISSING: '{{flow}} leaves {{gateway}} without a condition; the branch is always taken.',
  BPMN_JOIN_APPROXIMATED_tooComplex:
    'The paths into node {{node}} are too many or nest too deeply to follow one by one; it waits for each of its sources once, without their conditions.',
  BPMN_JOIN_APPROXIMATED_mixedAll:
    'The paths into node {{node}} mix all-joins (parallel gateways, message flows) and one-joins (exclusive or inclusive gateways, merging flows); it joins its inputs with "all", the alternatives among them as finish edges.',
  BPMN_JOIN_APPROXIMATED_mixedOne:
    'The paths into node {{node}} mix all-joins (parallel gateways, message flows) and one-joins (exclusive or inclusive gateways, merging flows); it joins its inputs with "one".',
  BPMN_JOIN_APPROXIMATED_completeAndFail: 'Node {{node}} would need {{source}} both to complete and to fail; it waits for it to finish instead.',
  BPMN_DEPENDENCY_DROPPED_cycle:
    'The dependency of {{node}} on {{source}} is dropped: it would close a cycle (a loop in the BPMN flow, or a node waiting for its own container).',
  BPMN_DEPENDENCY_DROPPED_skipped:
    'Node {{node}} can start directly from the start of its scope, so it does not wait for {{sources}} (a loop back or an alternative path in the BPMN flow).',
  BPMN_DEPENDENCY_DROPPED_flow: '{{element}} does not connect two imported elements; it is ignored.',
  BPMN_DEPENDENCY_DROPPED_unnamedThrowLink: 'The link {{element}} has no name, so it links to nothing; the flow ends there.',
  BPMN_DEPENDENCY_DROPPED_unnamedCatchLink: 'The link {{element}} has no name, so it links to nothing; the flow starts there.',
  BPMN_DEPENDENCY_DROPPED_noCatchingLink: 'The link {{element}} has no catching link {{name}} in its scope; its path ends there.',
  BPMN_DEPENDENCY_DROPPED_noThrowingLink: 'The link {{element}} has no throwing link {{name}} in its scope; the flow after it starts with its container.',
  BPMN_DEPENDENCY_DROPPED_gatewayLoop: 'The flow {{flow}} into {{element}} closes a loop of gateways and events with no activity in it; the loop is ignored.',
  BPMN_SCRIPT_UNSUPPORTED_classpath:
    '{{element}}: its script resource {{resource}} lives in a Camunda deployment or classpath, which an Engine cannot read; give the node a script or a command.',
  BPMN_SCRIPT_UNSUPPORTED_noScript: '{{element}}: it has no inline script and no script resource; give the node a script or a command.',
  BPMN_SCRIPT_UNSUPPORTED_feel: '{{element}}: its zeebe:script is a FEEL expression, which no agent evaluates; give the node a script or a command.',
  BPMN_SCRIPT_UNSUPPORTED_unknownFormat:
    '{{element}}: its scriptFormat {{format}} is not one the script agent runs ({{known}}); the node keeps interpreter {{format}}, which the agent refuses before running anything, until its script is rewritten for one of them.',
  BPMN_TIMER_UNSUPPORTED_noTimeout: 'The timer of {{element}} on {{task}} cannot be a timeout: it has no timeDuration; the flows after it run when {{node}} fails.',
  BPMN_TIMER_UNSUPPORTED_dateOrCycleTimeout:
    'The timer of {{element}} on {{task}} cannot be a timeout: {{value}} is a date or a cycle, not a timeDuration; the flows after it run when {{node}} fails.',
  BPMN_TIMER_UNSUPPORTED_durationTimeout:
    'The timer of {{element}} on {{task}} cannot be a timeout: timeDuration {{value}} is not a calendar-free ISO 8601 duration; the flows after it run when {{node}} fails.',
  BPMN_TIMER_UNSUPPORTED_longTimeout:
    "The timer of {{element}} on {{task}} cannot be a timeout: timeDuration {{value}} is outside what a node's timeoutMs allows; the flows after it run when {{node}} fails.",
  BPMN_TIMER_UNSUPPORTED_noPin: 'The timer of {{element}} is not imported: it has no timeDuration, timeDate or timeCycle.',
  BPMN_TIMER_UNSUPPORTED_cyclePin: 'The timer of {{element}} is not imported: timeCycle {{value}} repeats, and a pin starts a node once.',
  BPMN_TIMER_UNSUPPORTED_durationPin: 'The timer of {{element}} is not imported: timeDuration {{value}} is not a calendar-free ISO 8601 duration.',
  BPMN_TIMER_UNSUPPORTED_longPin: 'The timer of {{element}} is not imported: timeDuration {{value}} is longer than a pin allows.',
  BPMN_TIMER_UNSUPPORTED_datePin: 'The timer of {{element}} is not imported: timeDate {{value}} is not an ISO 8601 date-time with a time zone.',
  BPMN_MESSAGE_FLOW_DROPPED: '{{element}} does not connect two imported elements; it is not imported.',
  BPMN_ID_REPLACED: 'The id {{id}} cannot be a node id here; the node is {{node}}.',
  BPMN_ID_REPLACED_nameShortened: 'The name of {{element}} is longer than {{max}} characters and is shortened.',
  BPMN_INTERNAL_ERROR: 'The BPMN import failed on this file: {{detail}}',
} as const satisfies Record<string, Wording>;

/** The types a schema problem names (`$t(schemaTypes.<key>)` in a wording). */
export const SCHEMA_TYPE_WORDINGS = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
} as const;

export type SchemaType = keyof typeof SCHEMA_TYPE_WORDINGS;

type Wording = string | { readonly one: string; readonly other: string };
type Placeholders<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamNames<W> = W extends { one: infer One; other: infer Other } ? Placeholders<One> | Placeholders<Other> | 'count' : Placeholders<W>;

export type ProblemWordingKey = keyof typeof PROBLEM_WORDINGS;

type WordingParams<K extends ProblemWordingKey> = { [P in ParamNames<(typeof PROBLEM_WORDINGS)[K]>]: P extends 'expected' ? SchemaType : string | number };

/**
 * The params a problem of code C takes: those of one of its wordings, with the `context` that
 * picks it (none for the code's own key). A code's contexts start lower-case, which is how a
 * context is told from the rest of a code (NOT_JSON_VALUE_bigint).
 */
export type ProblemArgs<C extends string> = {
  [K in ProblemWordingKey]: K extends C
    ? WordingParams<K> & { context?: never }
    : K extends `${C}_${infer X}`
      ? X extends Uncapitalize<X>
        ? WordingParams<K> & { context: X }
        : never
      : never;
}[ProblemWordingKey];

/** The catalog key of a code and context: `CODE` or `CODE_context`. */
export function wordingKey(code: string, context: string | undefined): string {
  return context === undefined ? code : `${code}_${context}`;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const NESTED = /\$t\(schemaTypes\.(\w+)\)/g;

/** A wording in English, filled with its params; undefined when the catalog has no such key. */
export function problemWording(key: string, params: Readonly<Record<string, string | number | undefined>>): string | undefined {
  if (!Object.hasOwn(PROBLEM_WORDINGS, key)) return undefined;
  const wording = PROBLEM_WORDINGS[key as ProblemWordingKey] as Wording;
  const form = typeof wording === 'string' ? wording : params['count'] === 1 ? wording.one : wording.other;
  return form
    .replace(PLACEHOLDER, (placeholder, name: string) => (params[name] === undefined ? placeholder : String(params[name])))
    .replace(NESTED, (nested, type: string) => (Object.hasOwn(SCHEMA_TYPE_WORDINGS, type) ? SCHEMA_TYPE_WORDINGS[type as SchemaType] : nested));
}

/** One wording in English, filled: for schema messages that are also read outside a Problem. */
export function wordingText<K extends ProblemWordingKey>(key: K, params: WordingParams<K>): string {
  return problemWording(key, params as Record<string, string | number>)!;
}

/** The params a wording places, for checks of the catalog against its translations. */
export function wordingParamNames(key: ProblemWordingKey): string[] {
  const wording = PROBLEM_WORDINGS[key] as Wording;
  const forms = typeof wording === 'string' ? [wording] : [wording.one, wording.other];
  const names = forms.flatMap((form) => [...form.matchAll(PLACEHOLDER)].map((match) => match[1]!));
  if (typeof wording !== 'string') names.push('count');
  return [...new Set(names)];
}

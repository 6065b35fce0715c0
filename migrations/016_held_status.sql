-- Deduction Console schema, version 16: `held`, an operator's hold of a node (issue 22), joins
-- the node statuses of workflow_node.status and of node_state_transition's from/to statuses.
--
-- A CHECK cannot be changed in place, so both tables are rebuilt with the same ids and columns.
-- Migrations run with foreign keys on: dropping workflow_node would delete (ON DELETE CASCADE)
-- every row that references it, so those rows are kept aside first and written back after.
-- The new table refers to itself by its own name, which the rename turns into workflow_node.
CREATE TEMP TABLE v16_execution AS SELECT * FROM node_execution;
CREATE TEMP TABLE v16_log AS SELECT * FROM node_execution_log;
CREATE TEMP TABLE v16_transition AS SELECT * FROM node_state_transition;
CREATE TEMP TABLE v16_dependency AS SELECT * FROM node_dependency;
CREATE TEMP TABLE v16_node_assignment AS SELECT * FROM node_assignment;
CREATE TEMP TABLE v16_manual_assignment AS SELECT * FROM manual_assignment;

CREATE TABLE workflow_node_v16 (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  node_type        TEXT    NOT NULL CHECK (node_type IN ('container', 'agent')),
  node_name        TEXT,
  parent_node_id   TEXT,
  is_root          INTEGER NOT NULL DEFAULT 0 CHECK (is_root IN (0, 1)),
  level            INTEGER NOT NULL DEFAULT 0 CHECK (level >= 0),
  agent_load       TEXT,
  agent_config     TEXT    CHECK (agent_config IS NULL OR json_valid(agent_config)),
  container_config TEXT    CHECK (container_config IS NULL OR json_valid(container_config)),
  join_mode        TEXT    NOT NULL DEFAULT 'all' CHECK (join_mode IN ('all', 'one')),
  priority         INTEGER NOT NULL DEFAULT 0,
  retry_policy     TEXT    CHECK (retry_policy IS NULL OR json_valid(retry_policy)),
  timeout_ms       INTEGER CHECK (timeout_ms IS NULL OR timeout_ms > 0),
  pin              TEXT    CHECK (pin IS NULL OR json_valid(pin)),
  activation       TEXT    CHECK (activation IS NULL OR json_valid(activation)),
  status           TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped', 'held')
                          AND (status <> 'initializing' OR node_type = 'container')),
  current_batch    INTEGER NOT NULL DEFAULT 0 CHECK (current_batch >= 0),
  engine_id        TEXT,
  progress         REAL    NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  result           TEXT    CHECK (result IS NULL OR json_valid(result)),
  error_code       TEXT,
  error_message    TEXT,
  not_before       INTEGER,
  ready_time       INTEGER,
  start_time       INTEGER,
  end_time         INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  agent_meta_id    INTEGER,
  agent_url        TEXT,
  container_type   TEXT,
  env_config       TEXT    CHECK (env_config IS NULL OR json_valid(env_config)),
  biz_value        TEXT    CHECK (biz_value IS NULL OR json_valid(biz_value)),
  kind             TEXT    CHECK (kind IS NULL OR kind IN ('manual', 'script', 'api_call', 'decision', 'parallel')),
  required_skills  TEXT    CHECK (required_skills IS NULL OR (json_valid(required_skills) AND json_type(required_skills) = 'array')),
  assignee         TEXT,
  UNIQUE (task_id, node_id),
  FOREIGN KEY (task_id, parent_node_id) REFERENCES workflow_node_v16 (task_id, node_id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  CHECK ((node_type = 'agent') = (agent_load IS NOT NULL))
);
INSERT INTO workflow_node_v16 SELECT * FROM workflow_node ORDER BY id;
DROP TABLE node_state_transition;
DROP TABLE workflow_node;
ALTER TABLE workflow_node_v16 RENAME TO workflow_node;
CREATE INDEX idx_node_task_parent ON workflow_node (task_id, parent_node_id);

CREATE TABLE node_state_transition (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  batch            INTEGER NOT NULL DEFAULT 0,
  from_status      TEXT    CHECK (from_status IS NULL OR from_status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped', 'held')),
  to_status        TEXT    NOT NULL CHECK (to_status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped', 'held')),
  reason           TEXT,
  trigger_type     TEXT    NOT NULL CHECK (trigger_type IN ('system', 'user', 'dependency', 'timeout', 'error')),
  operator         TEXT,
  created_at       INTEGER NOT NULL,
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
CREATE INDEX idx_transition_task_node ON node_state_transition (task_id, node_id, id);
CREATE INDEX idx_transition_task_time ON node_state_transition (task_id, created_at);

INSERT INTO node_execution SELECT * FROM v16_execution ORDER BY id;
INSERT INTO node_execution_log SELECT * FROM v16_log ORDER BY id;
INSERT INTO node_state_transition SELECT * FROM v16_transition ORDER BY id;
INSERT INTO node_dependency SELECT * FROM v16_dependency ORDER BY id;
INSERT INTO node_assignment SELECT * FROM v16_node_assignment ORDER BY id;
INSERT INTO manual_assignment SELECT * FROM v16_manual_assignment ORDER BY id;
DROP TABLE v16_execution;
DROP TABLE v16_log;
DROP TABLE v16_transition;
DROP TABLE v16_dependency;
DROP TABLE v16_node_assignment;
DROP TABLE v16_manual_assignment;

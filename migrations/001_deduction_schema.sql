-- Deduction Console schema, version 1: the six tables of the Deduction design, the tables
-- they reference, workflow templates, and full-text search over log messages.
-- Times are INTEGER milliseconds since the Unix epoch; ids are 64-bit snowflakes.
-- A landed migration is never edited: add a new numbered file instead.

CREATE TABLE scheme (
  id            INTEGER PRIMARY KEY,
  scheme_name   TEXT    NOT NULL,
  description   TEXT,
  config        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  created_by    TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX uk_scheme_name ON scheme (scheme_name);

CREATE TABLE env_instance (
  id            INTEGER PRIMARY KEY,
  env_name      TEXT    NOT NULL,
  description   TEXT,
  engines       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(engines) AND json_type(engines) = 'array'),
  strategy      TEXT    NOT NULL DEFAULT 'round_robin'
                CHECK (strategy IN ('round_robin', 'least_connections', 'weighted')),
  status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX uk_env_instance_name ON env_instance (env_name);

CREATE TABLE agent_meta (
  id            INTEGER PRIMARY KEY,
  agent_load    TEXT    NOT NULL,
  agent_kind    TEXT    NOT NULL,
  agent_name    TEXT    NOT NULL,
  description   TEXT,
  version       TEXT,
  config_schema TEXT    CHECK (config_schema IS NULL OR json_valid(config_schema)),
  engine_ids    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(engine_ids) AND json_type(engine_ids) = 'array'),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX uk_agent_meta_load ON agent_meta (agent_load);

CREATE TABLE workflow_template (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  version       INTEGER NOT NULL CHECK (version >= 1),
  description   TEXT,
  definition    TEXT    NOT NULL CHECK (json_valid(definition)),
  created_by    TEXT,
  created_at    INTEGER NOT NULL,
  UNIQUE (name, version)
);

CREATE TABLE deduction_task (
  id                INTEGER PRIMARY KEY,
  task_name         TEXT    NOT NULL,
  scheme_id         INTEGER REFERENCES scheme (id) ON DELETE SET NULL,
  env_instance_id   INTEGER REFERENCES env_instance (id) ON DELETE SET NULL,
  template_id       INTEGER REFERENCES workflow_template (id) ON DELETE SET NULL,
  status            TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'initializing', 'running', 'paused', 'completed', 'failed', 'stopped')),
  variables         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(variables)),
  root_node_id      TEXT    NOT NULL,
  total_nodes       INTEGER NOT NULL DEFAULT 0 CHECK (total_nodes >= 0),
  total_containers  INTEGER NOT NULL DEFAULT 0 CHECK (total_containers >= 0),
  total_agents      INTEGER NOT NULL DEFAULT 0 CHECK (total_agents >= 0),
  completed_nodes   INTEGER NOT NULL DEFAULT 0 CHECK (completed_nodes >= 0),
  failed_nodes      INTEGER NOT NULL DEFAULT 0 CHECK (failed_nodes >= 0),
  running_nodes     INTEGER NOT NULL DEFAULT 0 CHECK (running_nodes >= 0),
  skipped_nodes     INTEGER NOT NULL DEFAULT 0 CHECK (skipped_nodes >= 0),
  error_message     TEXT,
  created_by        TEXT,
  start_time        INTEGER,
  end_time          INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  CHECK (total_nodes = total_containers + total_agents)
);
CREATE INDEX idx_task_status ON deduction_task (status);

-- The design's deduction_task.workflow_snapshot, one-to-one in its own table: the task row is
-- rewritten on every scheduler commit (its counters), and SQLite rewrites a whole row on each
-- update, so a megabyte snapshot in it would be copied on every node transition.
CREATE TABLE deduction_task_snapshot (
  task_id           INTEGER PRIMARY KEY REFERENCES deduction_task (id) ON DELETE CASCADE,
  workflow_snapshot TEXT    NOT NULL CHECK (json_valid(workflow_snapshot))
);
CREATE INDEX idx_task_created_at ON deduction_task (created_at);
CREATE INDEX idx_task_scheme ON deduction_task (scheme_id);

CREATE TABLE workflow_node (
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
                   CHECK (status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped')
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
  UNIQUE (task_id, node_id),
  FOREIGN KEY (task_id, parent_node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
    DEFERRABLE INITIALLY DEFERRED,
  CHECK ((node_type = 'agent') = (agent_load IS NOT NULL))
);
CREATE INDEX idx_node_task_status ON workflow_node (task_id, status);
CREATE INDEX idx_node_task_parent ON workflow_node (task_id, parent_node_id);

CREATE TABLE node_dependency (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  source_node_id   TEXT    NOT NULL,
  dependency_type  TEXT    NOT NULL DEFAULT 'success' CHECK (dependency_type IN ('finish', 'success', 'failure', 'any')),
  condition        TEXT    CHECK (condition IS NULL OR json_valid(condition)),
  created_at       INTEGER NOT NULL,
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE,
  FOREIGN KEY (task_id, source_node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE,
  CHECK (node_id <> source_node_id)
);
CREATE INDEX idx_dependency_task_node ON node_dependency (task_id, node_id);
CREATE INDEX idx_dependency_task_source ON node_dependency (task_id, source_node_id);

CREATE TABLE node_execution (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  batch            INTEGER NOT NULL CHECK (batch >= 1),
  engine_id        TEXT,
  status           TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'initializing', 'running', 'completed', 'failed', 'stopped', 'timeout')),
  resolved_config  TEXT    CHECK (resolved_config IS NULL OR json_valid(resolved_config)),
  result           TEXT    CHECK (result IS NULL OR json_valid(result)),
  progress         REAL    NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  exit_code        INTEGER,
  error_code       TEXT,
  error_message    TEXT,
  start_time       INTEGER,
  end_time         INTEGER,
  duration_ms      INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  UNIQUE (task_id, node_id, batch),
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
CREATE INDEX idx_execution_task_status ON node_execution (task_id, status);
CREATE INDEX idx_execution_engine ON node_execution (engine_id, status);

CREATE TABLE node_execution_log (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  execution_id     INTEGER REFERENCES node_execution (id) ON DELETE CASCADE,
  batch            INTEGER,
  engine_id        TEXT,
  seq              INTEGER,
  log_level        TEXT    NOT NULL DEFAULT 'info' CHECK (log_level IN ('debug', 'info', 'warn', 'error')),
  log_type         TEXT    NOT NULL DEFAULT 'stdout' CHECK (log_type IN ('stdout', 'stderr', 'system', 'progress', 'result')),
  source           TEXT,
  message          TEXT    NOT NULL,
  log_time         INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
-- (task_id) alone keeps rowids in order within a task: log pages are read in id order from a cursor.
CREATE INDEX idx_log_task ON node_execution_log (task_id);
CREATE INDEX idx_log_task_node_time ON node_execution_log (task_id, node_id, log_time);
CREATE INDEX idx_log_execution ON node_execution_log (execution_id);

CREATE VIRTUAL TABLE node_execution_log_fts USING fts5 (
  message,
  content = 'node_execution_log',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);
CREATE TRIGGER trg_log_fts_insert AFTER INSERT ON node_execution_log BEGIN
  INSERT INTO node_execution_log_fts (rowid, message) VALUES (new.id, new.message);
END;
CREATE TRIGGER trg_log_fts_delete AFTER DELETE ON node_execution_log BEGIN
  INSERT INTO node_execution_log_fts (node_execution_log_fts, rowid, message) VALUES ('delete', old.id, old.message);
END;
CREATE TRIGGER trg_log_fts_update AFTER UPDATE OF message ON node_execution_log BEGIN
  INSERT INTO node_execution_log_fts (node_execution_log_fts, rowid, message) VALUES ('delete', old.id, old.message);
  INSERT INTO node_execution_log_fts (rowid, message) VALUES (new.id, new.message);
END;

CREATE TABLE node_state_transition (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  batch            INTEGER NOT NULL DEFAULT 0,
  from_status      TEXT    CHECK (from_status IS NULL OR from_status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped')),
  to_status        TEXT    NOT NULL CHECK (to_status IN ('pending', 'waiting', 'ready', 'initializing', 'running', 'completed', 'failed', 'stopped', 'skipped')),
  reason           TEXT,
  trigger_type     TEXT    NOT NULL CHECK (trigger_type IN ('system', 'user', 'dependency', 'timeout', 'error')),
  operator         TEXT,
  created_at       INTEGER NOT NULL,
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
CREATE INDEX idx_transition_task_node ON node_state_transition (task_id, node_id, id);
CREATE INDEX idx_transition_task_time ON node_state_transition (task_id, created_at);

-- CPU and memory samples per node execution (task_id set) or per Engine host (task_id NULL).
CREATE TABLE resource_sample (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT,
  batch            INTEGER,
  engine_id        TEXT    NOT NULL,
  cpu_percent      REAL    NOT NULL CHECK (cpu_percent >= 0),
  memory_bytes     INTEGER NOT NULL CHECK (memory_bytes >= 0),
  sample_time      INTEGER NOT NULL,
  CHECK ((task_id IS NULL) = (node_id IS NULL))
);
CREATE INDEX idx_sample_task_node_time ON resource_sample (task_id, node_id, sample_time);
CREATE INDEX idx_sample_engine_time ON resource_sample (engine_id, sample_time);

-- The last Engine event ingested per Engine session, so that events an Engine replays after
-- a reconnect or a console restart are recognised as duplicates.
CREATE TABLE engine_cursor (
  engine_id        TEXT    NOT NULL,
  session_id       TEXT    NOT NULL,
  last_seq         INTEGER NOT NULL CHECK (last_seq >= 0),
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (engine_id, session_id)
);

-- This console's name towards Engines (one row), kept across restarts so that an Engine hands
-- the events it kept for this console back to it, and to no other console.
CREATE TABLE engine_console (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  session_id       TEXT    NOT NULL,
  created_at       INTEGER NOT NULL
);

-- Console settings, one JSON value per key (see src/shared/settings); the app validates
-- values on read, so a value written by a newer version never breaks an older one.
CREATE TABLE app_setting (
  key              TEXT    PRIMARY KEY,
  value            TEXT    NOT NULL CHECK (json_valid(value)),
  updated_at       INTEGER NOT NULL
);

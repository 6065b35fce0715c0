-- Deduction Console schema, version 12: skill- and load-aware assignment.
--
-- env_instance.strategy gains `score` (the IT-ops design's composite score). A CHECK cannot be
-- changed in place, so the table is rebuilt with the same ids. Dropping the old table would set
-- deduction_task.env_instance_id to NULL (ON DELETE SET NULL), so the tasks' environments are
-- kept aside and written back.
CREATE TEMP TABLE task_env_v12 AS SELECT id, env_instance_id FROM deduction_task WHERE env_instance_id IS NOT NULL;
CREATE TABLE env_instance_v12 (
  id            INTEGER PRIMARY KEY,
  env_name      TEXT    NOT NULL,
  description   TEXT,
  engines       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(engines) AND json_type(engines) = 'array'),
  strategy      TEXT    NOT NULL DEFAULT 'round_robin'
                CHECK (strategy IN ('round_robin', 'least_connections', 'weighted', 'score')),
  status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
INSERT INTO env_instance_v12 (id, env_name, description, engines, strategy, status, created_at, updated_at)
  SELECT id, env_name, description, engines, strategy, status, created_at, updated_at FROM env_instance ORDER BY id;
DROP TABLE env_instance;
ALTER TABLE env_instance_v12 RENAME TO env_instance;
CREATE UNIQUE INDEX uk_env_instance_name ON env_instance (env_name);
UPDATE deduction_task SET env_instance_id = (SELECT env_instance_id FROM task_env_v12 WHERE task_env_v12.id = deduction_task.id)
  WHERE id IN (SELECT id FROM task_env_v12);
DROP TABLE task_env_v12;

-- workflow_node: what a node asks of whoever runs it.
--   required_skills  JSON array of skills: an agent runs only on an Engine advertising all of
--                    them; a manual step goes to an operator having them. NULL: none.
--   assignee         manual steps: the operator who decides it, as the definition names them.
ALTER TABLE workflow_node ADD COLUMN required_skills TEXT
  CHECK (required_skills IS NULL OR (json_valid(required_skills) AND json_type(required_skills) = 'array'));
ALTER TABLE workflow_node ADD COLUMN assignee TEXT;

-- Where the balancer placed each agent execution (task, node, batch): the chosen Engine, the
-- strategy, the chosen Engine's score and every candidate's ([{engine, score}], score NULL under
-- round_robin). Executions placed without a balancer (the embedded Engine) have no row.
CREATE TABLE node_assignment (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id     TEXT    NOT NULL,
  batch       INTEGER NOT NULL CHECK (batch >= 1),
  engine_id   TEXT    NOT NULL,
  strategy    TEXT    NOT NULL CHECK (strategy IN ('round_robin', 'least_connections', 'weighted', 'score')),
  score       REAL,
  candidates  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(candidates) AND json_type(candidates) = 'array'),
  created_at  INTEGER NOT NULL,
  UNIQUE (task_id, node_id, batch),
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);

-- The people who decide manual steps: their skills (JSON array) and whether they supervise
-- (a supervisor may decide any manual step).
CREATE TABLE operator (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  skills      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(skills) AND json_type(skills) = 'array'),
  supervisor  INTEGER NOT NULL DEFAULT 0 CHECK (supervisor IN (0, 1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX uk_operator_name ON operator (name);

-- Who a manual step's execution is assigned to, and how (definition: named by the node;
-- skills: the operator with its required skills and the fewest open manual steps). assignee
-- NULL: no operator had the skills; only a supervisor may decide it.
CREATE TABLE manual_assignment (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  batch            INTEGER NOT NULL CHECK (batch >= 1),
  assignee         TEXT,
  source           TEXT    NOT NULL CHECK (source IN ('definition', 'skills')),
  required_skills  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(required_skills) AND json_type(required_skills) = 'array'),
  created_at       INTEGER NOT NULL,
  UNIQUE (task_id, node_id, batch),
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
CREATE INDEX idx_manual_assignment_assignee ON manual_assignment (assignee);

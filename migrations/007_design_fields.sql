-- Deduction Console schema, version 7: the Deduction design's task and node columns that had no
-- home, and its constraints on task names and dependencies.

-- The task's description (a createTask option), and where it runs: the id the Engine knows it by
-- and the URL of the Engine it was submitted to, both set when the scheduler submits it. The
-- in-process Engine has no lasting address (a random loopback port of this process), so a task
-- run there keeps engine_url NULL.
ALTER TABLE deduction_task ADD COLUMN description TEXT;
ALTER TABLE deduction_task ADD COLUMN engine_task_id TEXT;
ALTER TABLE deduction_task ADD COLUMN engine_url TEXT;

-- A node's agent_meta row, agent download URL and container type, as the workflow gives them,
-- and its environment and business parameters (JSON), which travel to the Engine with the task.
-- agent_meta_id is not a foreign key: a workflow file or a run bundle names another database's
-- agent_meta rows as often as this one's.
ALTER TABLE workflow_node ADD COLUMN agent_meta_id INTEGER;
ALTER TABLE workflow_node ADD COLUMN agent_url TEXT;
ALTER TABLE workflow_node ADD COLUMN container_type TEXT;
ALTER TABLE workflow_node ADD COLUMN env_config TEXT CHECK (env_config IS NULL OR json_valid(env_config));
ALTER TABLE workflow_node ADD COLUMN biz_value TEXT CHECK (biz_value IS NULL OR json_valid(biz_value));

-- Task names are unique. Tasks that share a name keep it in the oldest (lowest id) and the others
-- become "name (k)": each takes, in id order, the lowest k from 2 up that no task is named with
-- already. Two renamed tasks never meet: "X (k)" = "Y (j)" with k and j digits means X = Y, k = j.
CREATE TEMP TABLE task_rename AS
WITH ranked AS (
  SELECT id, task_name, row_number() OVER (PARTITION BY task_name ORDER BY id) AS place,
         count(*) OVER (PARTITION BY task_name) AS shared
  FROM deduction_task
),
clashing AS (
  SELECT r.task_name, r.shared,
         (SELECT count(*) FROM deduction_task t WHERE substr(t.task_name, 1, length(r.task_name) + 2) = r.task_name || ' (') AS taken
  FROM ranked r WHERE r.place = 1 AND r.shared > 1
),
suffix (task_name, k, last) AS (
  SELECT task_name, 2, shared + taken FROM clashing
  UNION ALL
  SELECT task_name, k + 1, last FROM suffix WHERE k < last
),
free AS (
  SELECT s.task_name, s.k, row_number() OVER (PARTITION BY s.task_name ORDER BY s.k) + 1 AS place
  FROM suffix s
  WHERE NOT EXISTS (SELECT 1 FROM deduction_task t WHERE t.task_name = s.task_name || ' (' || s.k || ')')
)
SELECT r.id, r.task_name || ' (' || f.k || ')' AS new_name
FROM ranked r JOIN free f ON f.task_name = r.task_name AND f.place = r.place
WHERE r.place > 1;

UPDATE deduction_task SET task_name = (SELECT new_name FROM task_rename WHERE task_rename.id = deduction_task.id)
WHERE id IN (SELECT id FROM task_rename);
DROP TABLE task_rename;
CREATE UNIQUE INDEX uk_task_name ON deduction_task (task_name);

-- One dependency per (source, target) pair, and an edge that names no type is `finish`, as in
-- the design. SQLite changes neither a default nor a constraint in place, so the table is built
-- again; of edges that repeat a pair, the first written (lowest id) stays. The workflow
-- snapshot keeps what was submitted. The unique index serves lookups by (task_id, node_id)
-- as idx_dependency_task_node did.
CREATE TABLE node_dependency_v7 (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  source_node_id   TEXT    NOT NULL,
  dependency_type  TEXT    NOT NULL DEFAULT 'finish' CHECK (dependency_type IN ('finish', 'success', 'failure', 'any')),
  condition        TEXT    CHECK (condition IS NULL OR json_valid(condition)),
  created_at       INTEGER NOT NULL,
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE,
  FOREIGN KEY (task_id, source_node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE,
  CHECK (node_id <> source_node_id),
  UNIQUE (task_id, node_id, source_node_id)
);
INSERT INTO node_dependency_v7 (id, task_id, node_id, source_node_id, dependency_type, condition, created_at)
SELECT id, task_id, node_id, source_node_id, dependency_type, condition, created_at FROM node_dependency
WHERE id IN (SELECT min(id) FROM node_dependency GROUP BY task_id, node_id, source_node_id);
DROP TABLE node_dependency;
ALTER TABLE node_dependency_v7 RENAME TO node_dependency;
CREATE INDEX idx_dependency_task_source ON node_dependency (task_id, source_node_id);

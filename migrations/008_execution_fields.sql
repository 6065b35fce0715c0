-- Deduction Console schema, version 8: the fields of the design's node_execution and
-- node_execution_log that had no column yet.
--
-- node_execution:
--   engine_node_id           the Engine's id for the execution. The Engine protocol names an
--                            execution by (task, node, batch) and reports no id of its own, so
--                            this is that key in printable form, `<task id>/<node id>/<batch>`.
--   queue_time_ms            milliseconds from the node becoming ready (workflow_node.ready_time)
--                            to the step that sent its start (or container init) command.
--   managed_nodes_total      containers only: the nodes inside the container at any depth.
--   managed_nodes_completed  containers only: how many of those had completed when the
--                            execution was last written (at its end, once it has ended).
--   cpu_peak, cpu_mean       the execution's resource samples: CPU in percent of one core
--                            (as pidusage reports it; above 100 for a process using several).
--   memory_peak, memory_mean memory in MB (MiB, 1,048,576 bytes) — the design's unit; samples
--                            (resource_sample.memory_bytes) hold bytes. NULL: no samples.
-- Written by the scheduler in the commit that ends the execution; queue time, the Engine id and
-- the managed total as soon as the execution starts.
ALTER TABLE node_execution ADD COLUMN engine_node_id TEXT;
ALTER TABLE node_execution ADD COLUMN queue_time_ms INTEGER CHECK (queue_time_ms IS NULL OR queue_time_ms >= 0);
ALTER TABLE node_execution ADD COLUMN managed_nodes_total INTEGER CHECK (managed_nodes_total IS NULL OR managed_nodes_total >= 0);
ALTER TABLE node_execution ADD COLUMN managed_nodes_completed INTEGER CHECK (managed_nodes_completed IS NULL OR managed_nodes_completed >= 0);
ALTER TABLE node_execution ADD COLUMN cpu_peak REAL CHECK (cpu_peak IS NULL OR cpu_peak >= 0);
ALTER TABLE node_execution ADD COLUMN cpu_mean REAL CHECK (cpu_mean IS NULL OR cpu_mean >= 0);
ALTER TABLE node_execution ADD COLUMN memory_peak REAL CHECK (memory_peak IS NULL OR memory_peak >= 0);
ALTER TABLE node_execution ADD COLUMN memory_mean REAL CHECK (memory_mean IS NULL OR memory_mean >= 0);

-- node_execution_log: the design's CRITICAL level, its log types as log_category (log_type
-- already holds where a line came from: stdout, stderr, system, progress, result — a different
-- question, kept), and extra_data, a JSON object an agent may attach to a line (at most 16 KiB
-- of JSON text, checked where lines come in). A CHECK constraint cannot be changed in place, so
-- the table is rebuilt with the same ids: the full-text index (external content, by rowid)
-- stays valid, and its triggers and the table's indexes are created again as they were.
-- Existing lines: system lines are of category system, every other line of category execution.
DROP TRIGGER trg_log_fts_insert;
DROP TRIGGER trg_log_fts_delete;
DROP TRIGGER trg_log_fts_update;
CREATE TABLE node_execution_log_v8 (
  id               INTEGER PRIMARY KEY,
  task_id          INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id          TEXT    NOT NULL,
  execution_id     INTEGER REFERENCES node_execution (id) ON DELETE CASCADE,
  batch            INTEGER,
  engine_id        TEXT,
  seq              INTEGER,
  log_level        TEXT    NOT NULL DEFAULT 'info' CHECK (log_level IN ('debug', 'info', 'warn', 'error', 'critical')),
  log_type         TEXT    NOT NULL DEFAULT 'stdout' CHECK (log_type IN ('stdout', 'stderr', 'system', 'progress', 'result')),
  source           TEXT,
  message          TEXT    NOT NULL,
  log_time         INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  line             INTEGER,
  log_category     TEXT    NOT NULL DEFAULT 'execution' CHECK (log_category IN ('execution', 'system', 'network', 'resource')),
  extra_data       TEXT    CHECK (extra_data IS NULL OR (json_valid(extra_data) AND json_type(extra_data) = 'object')),
  FOREIGN KEY (task_id, node_id) REFERENCES workflow_node (task_id, node_id) ON DELETE CASCADE
);
INSERT INTO node_execution_log_v8 (id, task_id, node_id, execution_id, batch, engine_id, seq, log_level, log_type, source, message, log_time, created_at, line, log_category)
  SELECT id, task_id, node_id, execution_id, batch, engine_id, seq, log_level, log_type, source, message, log_time, created_at, line,
         CASE log_type WHEN 'system' THEN 'system' ELSE 'execution' END
  FROM node_execution_log ORDER BY id;
DROP TABLE node_execution_log;
ALTER TABLE node_execution_log_v8 RENAME TO node_execution_log;
CREATE INDEX idx_log_task ON node_execution_log (task_id);
CREATE INDEX idx_log_task_node ON node_execution_log (task_id, node_id);
CREATE INDEX idx_log_execution ON node_execution_log (execution_id);
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

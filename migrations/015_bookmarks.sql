-- Deduction Console schema: bookmarks and annotations of the after-action review. Each marks a
-- moment of the task in task time (ms since the task started) with who made it and its text;
-- kinds are the list of src/shared/review/bookmarks.ts. Carried in run bundles with the task.
CREATE TABLE task_bookmark (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('bookmark', 'annotation')),
  task_time_ms INTEGER NOT NULL CHECK (task_time_ms >= 0),
  node_id TEXT,
  text TEXT NOT NULL,
  author TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX idx_bookmark_task_time ON task_bookmark (task_id, task_time_ms);

-- Deduction Console schema: injects of the master scenario event list that have fired. One row
-- per (task, inject), written in the transaction that carries out the inject (or records why it
-- could not be), so that an inject fires once, also across a crash and restart. requested: an
-- operator asked for it from a process that does not run the task (the CLI); the console that
-- runs it fires it and turns the row into fired or failed. A pending inject has no row.
CREATE TABLE task_inject_fire (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  inject_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'fired', 'failed')),
  fired_at INTEGER NOT NULL,
  task_time_ms INTEGER NOT NULL CHECK (task_time_ms >= 0),
  operator TEXT,
  detail TEXT,
  UNIQUE (task_id, inject_id)
);

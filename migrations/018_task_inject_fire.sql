-- Deduction Console schema: injects of the master scenario event list that have fired. One row
-- per (task, inject), written in the transaction that carries out the inject (or records why it
-- could not be), so that an inject fires once, also across a crash and restart. State is the
-- list of src/shared/injects/inject-spec.ts less pending (a pending inject has no row).
CREATE TABLE task_inject_fire (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  inject_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('fired', 'failed')),
  fired_at INTEGER NOT NULL,
  task_time_ms INTEGER NOT NULL CHECK (task_time_ms >= 0),
  operator TEXT,
  detail TEXT,
  UNIQUE (task_id, inject_id)
);

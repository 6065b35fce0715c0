-- Deduction Console schema, version 5: who runs which task when several processes open one
-- database (the desktop app, `deduction serve`, `deduction run`). Each process registers itself
-- and renews its heartbeat; a process whose heartbeat is older than the lease bound is gone.
-- A running task belongs to one process (task_owner); no other process schedules, recovers or
-- controls it while that process lives. One live process at most holds the scheduler role:
-- it recovers tasks whose owner is gone; a second app or `serve` watches instead.
CREATE TABLE console_process (
  owner_id      TEXT    PRIMARY KEY,
  pid           INTEGER NOT NULL,
  host          TEXT    NOT NULL,
  command       TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('scheduler', 'watcher', 'runner')),
  started_at    INTEGER NOT NULL,
  heartbeat_at  INTEGER NOT NULL
);

-- Deleting a process (it closed, or its lease expired and another process swept it) frees
-- its tasks for the scheduler to take over.
CREATE TABLE task_owner (
  task_id       INTEGER PRIMARY KEY REFERENCES deduction_task (id) ON DELETE CASCADE,
  owner_id      TEXT    NOT NULL REFERENCES console_process (owner_id) ON DELETE CASCADE,
  claimed_at    INTEGER NOT NULL
);
CREATE INDEX idx_task_owner_owner ON task_owner (owner_id);

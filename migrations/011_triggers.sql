-- Deduction Console schema, version 11: triggers, what starts a task of a template by itself
-- (a cron schedule in a time zone, a file appearing in a watched folder, an HTTP call to the
-- headless host). A trigger names its template by name: it starts the latest version. Those a
-- template's definition declares (source 'declared') are replaced when a newer version is
-- saved; those added by hand (source 'manual') stay.
-- A schedule's next firing time is claimed with a conditional UPDATE on next_fire_at, so two
-- processes on one database never start the same firing twice. checked_until is the moment up
-- to which the schedule's firings have been handled: after a pause in every process, the ones
-- between it and now are the missed ones, handled by the trigger's catch-up policy.
CREATE TABLE workflow_trigger (
  id              INTEGER PRIMARY KEY,
  template_name   TEXT    NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('schedule', 'file', 'http')),
  spec            TEXT    NOT NULL CHECK (json_valid(spec)),
  source          TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('declared', 'manual')),
  owner           TEXT,
  paused          INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  next_fire_at    INTEGER,
  checked_until   INTEGER,
  last_fired_at   INTEGER,
  last_task_id    INTEGER REFERENCES deduction_task (id) ON DELETE SET NULL,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX idx_trigger_template ON workflow_trigger (template_name);
CREATE INDEX idx_trigger_due ON workflow_trigger (next_fire_at) WHERE paused = 0;

-- Every firing, and every run of missed firings a catch-up skipped: what happened, and the
-- task it started. Deleting the trigger deletes its history.
CREATE TABLE trigger_firing (
  id              INTEGER PRIMARY KEY,
  trigger_id      INTEGER NOT NULL REFERENCES workflow_trigger (id) ON DELETE CASCADE,
  fired_at        INTEGER NOT NULL,
  due_at          INTEGER,
  outcome         TEXT    NOT NULL CHECK (outcome IN ('started', 'missed', 'failed')),
  missed          INTEGER NOT NULL DEFAULT 0 CHECK (missed >= 0),
  task_id         INTEGER REFERENCES deduction_task (id) ON DELETE SET NULL,
  detail          TEXT
);
CREATE INDEX idx_trigger_firing_trigger ON trigger_firing (trigger_id, fired_at);

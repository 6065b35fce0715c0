-- Deduction Console schema: alerts, kept across restarts. One row per condition while it
-- holds (condition_key: rule, task, node, Engine): a repeated firing counts on that row. States
-- and severities are the lists of src/shared/api/alerts.ts; the rule is not checked here, so a
-- new rule needs no migration.
CREATE TABLE alert (
  id INTEGER PRIMARY KEY,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged', 'resolved')),
  condition_key TEXT NOT NULL,
  task_id INTEGER REFERENCES deduction_task (id) ON DELETE CASCADE,
  node_id TEXT,
  engine_id TEXT,
  params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  fire_count INTEGER NOT NULL DEFAULT 1,
  raised_at INTEGER NOT NULL,
  last_fired_at INTEGER NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER,
  resolved_by TEXT,
  resolved_at INTEGER,
  escalated_at INTEGER,
  notify_error TEXT,
  CHECK ((state = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK (state <> 'acknowledged' OR acknowledged_at IS NOT NULL)
);
-- At most one unresolved alert per condition.
CREATE UNIQUE INDEX alert_condition_unresolved ON alert (condition_key) WHERE state <> 'resolved';
CREATE INDEX alert_state_raised ON alert (state, raised_at);
CREATE INDEX alert_task ON alert (task_id);

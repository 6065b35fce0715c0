-- Deduction Console schema: the exercise clock of a task (src/shared/clock/clock-model.ts).
-- task_clock holds its time base and the anchor it runs on now; task_clock_change is its
-- audited history, one row per change with who made it, when, and the clock before and after.
-- Tasks with neither run on real time from their start (time base wall).
CREATE TABLE task_clock (
  task_id INTEGER PRIMARY KEY REFERENCES deduction_task (id) ON DELETE CASCADE,
  time_base TEXT NOT NULL DEFAULT 'wall' CHECK (time_base IN ('wall', 'simulation')),
  sim_ms REAL NOT NULL DEFAULT 0 CHECK (sim_ms >= 0),
  wall_ms INTEGER NOT NULL,
  rate REAL NOT NULL DEFAULT 1 CHECK (rate >= 0.25 AND rate <= 64),
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  updated_at INTEGER NOT NULL
);

CREATE TABLE task_clock_change (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES deduction_task (id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('pause', 'resume', 'rate', 'step')),
  operator TEXT,
  at_ms INTEGER NOT NULL,
  step_ms INTEGER,
  old_sim_ms REAL NOT NULL,
  old_rate REAL NOT NULL,
  old_paused INTEGER NOT NULL CHECK (old_paused IN (0, 1)),
  new_sim_ms REAL NOT NULL,
  new_rate REAL NOT NULL,
  new_paused INTEGER NOT NULL CHECK (new_paused IN (0, 1))
);
CREATE INDEX idx_clock_change_task ON task_clock_change (task_id, id);

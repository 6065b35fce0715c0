-- Deduction Console schema, version 19: a task's deadline (epoch ms), if it has one. The alert
-- monitor warns while the forecast's p90 finish passes it (alert rule "deadline-miss").
ALTER TABLE deduction_task ADD COLUMN deadline INTEGER CHECK (deadline IS NULL OR deadline >= 0);

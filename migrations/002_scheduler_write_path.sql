-- Deduction Console schema, version 2: indexes that every scheduler commit rewrote and no
-- query reads. A node or execution changes status several times in its life, and each change
-- moved its entry in these indexes; nothing looks nodes or executions up by status or by
-- Engine (the monitor, reports and the scheduler read a task's rows by task, node and batch,
-- which the UNIQUE (task_id, node_id[, batch]) indexes serve).
DROP INDEX idx_node_task_status;
DROP INDEX idx_execution_task_status;
DROP INDEX idx_execution_engine;

-- Deduction Console schema, version 3: a task's log lines by node in id order. The log viewer
-- shows the lines of the selected node (and its subtree) newest first, paging by id: with
-- (task_id, node_id, log_time) a node's page read every line of the node and sorted them, or
-- walked the whole task's lines in id order looking for the node's (a node with one line in
-- two hundred took 100 ms and more in a million-line task). Rowids are part of every index
-- entry, so (task_id, node_id) holds each node's lines in id order and a page is a range read.
-- It replaces the (task_id, node_id, log_time) index rather than joining it: one more index on
-- the log cost about a fifth of the ingest rate, and lines of a node in time order (the run
-- report's last problem lines of a failed node) are a node's lines sorted, which stay few.
DROP INDEX idx_log_task_node_time;
CREATE INDEX idx_log_task_node ON node_execution_log (task_id, node_id);

-- Deduction Console schema, version 10: a node's kind (the IT-ops design's manual, script,
-- api_call, decision, parallel), as the workflow gives it, for the node views and the run
-- report. NULL for a node without a kind, and for every node written before this version.
ALTER TABLE workflow_node ADD COLUMN kind TEXT CHECK (kind IS NULL OR kind IN ('manual', 'script', 'api_call', 'decision', 'parallel'));

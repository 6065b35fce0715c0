-- Deduction Console schema, version 6: tasks imported from run bundles, and log lines numbered
-- by the Engine.
-- An imported task is another workstation's history: the scheduler never loads, recovers or
-- controls it, whatever status its rows say. import_digest is the SHA-256 of the bundle it came
-- from, so that importing the same bundle again is recognised and changes nothing.
ALTER TABLE deduction_task ADD COLUMN imported_at INTEGER;
ALTER TABLE deduction_task ADD COLUMN import_digest TEXT;
-- A log line's number within its execution, as the Engine counts it (from 1 for each run of a
-- batch). A batch that runs again under the same number after a crash counts from 1 again;
-- the console stores only lines beyond the highest it holds, so the log holds each line once.
ALTER TABLE node_execution_log ADD COLUMN line INTEGER;

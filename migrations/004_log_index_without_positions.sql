-- Deduction Console schema, version 4: the log's trigram index without token positions.
-- With detail=full every trigram of every line stored its position list, and writing them was
-- the largest single cost of ingesting a log line. Searches ask whether a line contains a
-- string, never where; with detail=none FTS5 answers `message LIKE '%term%'` from the rowid
-- lists alone and confirms each candidate against the stored line, so results are the same.
-- The triggers that keep the index in step name the table, not its definition, and stay.
DROP TABLE node_execution_log_fts;
CREATE VIRTUAL TABLE node_execution_log_fts USING fts5 (
  message,
  content = 'node_execution_log',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0',
  detail = none,
  columnsize = 0
);
INSERT INTO node_execution_log_fts (node_execution_log_fts) VALUES ('rebuild');

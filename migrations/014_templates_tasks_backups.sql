-- Deduction Console schema, version 14: templates and tasks kept as the IT-ops design keeps them,
-- and the record of scheduled backups.

-- A template's status (draft, active, archived; see src/shared/workflow/templates.ts) and tags
-- (a JSON array of strings) belong to its name: every version of a name carries the same ones,
-- set on all of them together. A version saved later takes its predecessor's tags, and its
-- status, except that saving a new version of an archived template makes it active again.
ALTER TABLE workflow_template ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived'));
ALTER TABLE workflow_template ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');
CREATE INDEX idx_template_status ON workflow_template (status);
CREATE TRIGGER trg_template_inherit AFTER INSERT ON workflow_template
WHEN EXISTS (SELECT 1 FROM workflow_template WHERE name = new.name AND version < new.version)
BEGIN
  UPDATE workflow_template
  SET tags = (SELECT tags FROM workflow_template WHERE name = new.name AND version < new.version ORDER BY version DESC LIMIT 1),
      status = (SELECT CASE status WHEN 'archived' THEN 'active' ELSE status END
                FROM workflow_template WHERE name = new.name AND version < new.version ORDER BY version DESC LIMIT 1)
  WHERE id = new.id;
END;

-- An archived task is left out of the default task list and stays whole and viewable.
ALTER TABLE deduction_task ADD COLUMN archived_at INTEGER;

-- Backups the schedule (and "back up now") wrote. A scheduled run claims its slot, the local
-- date and hour it is due, by inserting its row: of several processes sharing the database
-- only the first inserts it and runs that backup. A run made on demand has no slot.
CREATE TABLE backup_run (
  id           INTEGER PRIMARY KEY,
  slot         TEXT    UNIQUE,
  file         TEXT,
  started_at   INTEGER NOT NULL,
  finished_at  INTEGER,
  bytes        INTEGER CHECK (bytes IS NULL OR bytes >= 0),
  sha256       TEXT,
  verified     INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  error        TEXT,
  claimed_by   TEXT    NOT NULL
);
CREATE INDEX idx_backup_run_started ON backup_run (started_at);

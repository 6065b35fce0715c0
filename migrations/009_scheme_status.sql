-- Deduction Console schema, version 9: schemes are archived, never deleted, while tasks name
-- them. An archived scheme takes no new task; setting it active again restores it.
ALTER TABLE scheme ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived'));

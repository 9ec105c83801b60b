-- The team's checklist template (items, required/optional, weights,
-- threshold). No row: the default template of lib/packet/checklist-template.ts.
CREATE TABLE team_settings (
  team_id             bigint PRIMARY KEY REFERENCES teams(id),
  checklist_template  jsonb NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

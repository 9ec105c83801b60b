-- A team's own language model for drafting (issue 19): an OpenAI-compatible
-- endpoint, its model name and key (lib/drafting/drafting-policy.ts). No row:
-- drafting is off.
CREATE TABLE team_drafting (
  team_id bigint PRIMARY KEY REFERENCES teams(id),
  policy jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  schema_version integer NOT NULL DEFAULT 1
);

-- The team's engagement policy: engagement-rule thresholds, the stage →
-- progress map, the intro clock (minutes, and whether it starts at the won
-- stage or at acceptance) and the intro template's team texts. No row: the
-- defaults of lib/engagement/policy.ts.
CREATE TABLE team_engagement (
  team_id     bigint PRIMARY KEY REFERENCES teams(id),
  policy      jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

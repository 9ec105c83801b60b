-- The public pool's territory rules, conflicts with their rulings, and the
-- record that an expiring-claim notice went out (so each goes out once).
ALTER TABLE users ADD COLUMN department text;

-- The claimer's department when the claim was made: the pool it falls into.
ALTER TABLE claims ADD COLUMN department text;
-- The CRM deal the claim was made from, so the popup can open it.
ALTER TABLE claims ADD COLUMN deal_url text;
CREATE INDEX claims_team_expiry ON claims(team_id, expires_at) WHERE released_at IS NULL AND won_at IS NULL;

CREATE TABLE claim_conflicts (
  id              bigserial PRIMARY KEY,
  team_id         bigint NOT NULL REFERENCES teams(id),
  claim_id        bigint NOT NULL REFERENCES claims(id),
  opened_by       bigint NOT NULL REFERENCES users(id),
  evidence        text NOT NULL,
  opened_at       timestamptz NOT NULL DEFAULT now(),
  ruled_at        timestamptz,
  ruled_by        bigint REFERENCES users(id),
  ruling          jsonb
);
CREATE INDEX claim_conflicts_team ON claim_conflicts(team_id, id);
-- One open conflict per claim and opener: repeats add nothing but noise.
CREATE UNIQUE INDEX claim_conflicts_one_open ON claim_conflicts(claim_id, opened_by) WHERE ruled_at IS NULL;

CREATE TABLE claim_notices (
  claim_id        bigint NOT NULL REFERENCES claims(id),
  threshold_days  integer NOT NULL,
  sent_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (claim_id, threshold_days)
);

-- Every claim a key ever had, for look-ups and the pool (the unique index above
-- only covers live keys).
CREATE INDEX claim_keys_team_key ON claim_keys(team_id, key, claim_id);

-- Issue 12: key accounts (a claim on one department / product line of a
-- customer), aliases (one customer's names across languages and brands, audited),
-- and the managers' daily digest (sent once per team and day).

-- Exclusion constraints over text need btree_gist's equality operators (a
-- trusted extension: no superuser needed from PostgreSQL 13 on).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The department or product line a claim covers; null: the whole customer.
ALTER TABLE claims ADD COLUMN line text;

-- Each key row covers the whole customer, [0, 2147483647), or one line,
-- [h, h+1) with h the line's 31-bit hash (lib/claims/claim-line.ts). Two live
-- rows of one key may not overlap: a whole-customer claim blocks every line and
-- any line blocks a whole-customer claim, while two different lines do not
-- block each other. Enforced here, so of racing claims exactly one wins.
ALTER TABLE claim_keys ADD COLUMN span int4range NOT NULL DEFAULT int4range(0, 2147483647);
DROP INDEX claim_keys_one_live;
ALTER TABLE claim_keys ADD CONSTRAINT claim_keys_one_live EXCLUDE USING gist (team_id WITH =, key WITH =, span WITH &&) WHERE (NOT ended);

-- Two keys of one customer (two names of it). key_a < key_b; removing keeps the row.
CREATE TABLE claim_aliases (
  id          bigserial PRIMARY KEY,
  team_id     bigint NOT NULL REFERENCES teams(id),
  key_a       text NOT NULL,
  key_b       text NOT NULL,
  name_a      text NOT NULL,
  name_b      text NOT NULL,
  created_by  bigint NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  removed_by  bigint REFERENCES users(id),
  removed_at  timestamptz,
  CHECK (key_a < key_b)
);
CREATE UNIQUE INDEX claim_aliases_live ON claim_aliases(team_id, key_a, key_b) WHERE removed_at IS NULL;
CREATE INDEX claim_aliases_b ON claim_aliases(team_id, key_b) WHERE removed_at IS NULL;

CREATE TABLE claim_digests (
  team_id  bigint NOT NULL REFERENCES teams(id),
  day      date NOT NULL,
  sent_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, day)
);

-- Customer claims (lib/claims/README.md).
CREATE TABLE claim_policies (
  team_id       bigint NOT NULL REFERENCES teams(id),
  version       integer NOT NULL,
  effective_at  timestamptz NOT NULL,
  policy        jsonb NOT NULL,
  PRIMARY KEY (team_id, version)
);

CREATE TABLE claims (
  id                       bigserial PRIMARY KEY,
  team_id                  bigint NOT NULL REFERENCES teams(id),
  user_id                  bigint NOT NULL REFERENCES users(id),
  customer                 text NOT NULL,
  policy_version           integer NOT NULL,
  claimed_at               timestamptz NOT NULL DEFAULT now(),
  expires_at               timestamptz NOT NULL,
  stages                   jsonb NOT NULL DEFAULT '[]'::jsonb,
  extension_requested_at   timestamptz,
  extension_approved_at    timestamptz,
  extension_denied_at      timestamptz,
  released_at              timestamptz,
  won_at                   timestamptz
);
CREATE INDEX claims_team_user ON claims(team_id, user_id);

-- One row per normalised key of a claim. "ended" is set when the claim is
-- released or won, or found expired when someone else claims the key: status
-- itself is always computed from timestamps, this flag only frees the key.
CREATE TABLE claim_keys (
  claim_id    bigint NOT NULL REFERENCES claims(id),
  team_id     bigint NOT NULL,
  key         text NOT NULL,
  expires_at  timestamptz NOT NULL,
  ended       boolean NOT NULL DEFAULT false,
  PRIMARY KEY (claim_id, key)
);
-- Exactly one live claim per key per team, enforced here: of two racing
-- claims of one key, the database lets exactly one in.
CREATE UNIQUE INDEX claim_keys_one_live ON claim_keys(team_id, key) WHERE NOT ended;

-- A phone seen together with a company on one claim counts for that company.
CREATE TABLE key_links (
  team_id   bigint NOT NULL,
  phone_key text NOT NULL,
  company_key text NOT NULL,
  PRIMARY KEY (team_id, phone_key, company_key)
);

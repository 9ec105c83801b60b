-- Sign-in with the company account (OpenID Connect) and invites with a
-- one-time code (issue 15). A person is found by their email address, stored
-- lower-case; one address names at most one person per team.
ALTER TABLE users ADD COLUMN email text;
CREATE UNIQUE INDEX users_team_email ON users (team_id, email);

-- The team's sign-in policy (lib/auth/sign-in-policy.ts); no row: invited people only, no identity provider.
CREATE TABLE team_sign_in (
  team_id bigint PRIMARY KEY REFERENCES teams(id),
  policy jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  schema_version integer NOT NULL DEFAULT 1
);

-- One OpenID Connect sign-in under way: the state (hashed) the browser carries
-- and the nonce the ID token must repeat; used once.
CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams(id),
  state_hash text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sign_in_attempts_state_hash_key UNIQUE (state_hash),
  CONSTRAINT sign_in_attempts_nonce_key UNIQUE (nonce)
);
CREATE INDEX sign_in_attempts_expiry ON sign_in_attempts (expires_at);

-- One-time sign-in codes of invited people, stored hashed; wrong tries counted.
CREATE TABLE sign_in_codes (
  id bigserial PRIMARY KEY,
  code_hash text NOT NULL,
  user_id bigint NOT NULL REFERENCES users(id),
  created_by bigint NOT NULL REFERENCES users(id),
  team_id bigint NOT NULL REFERENCES teams(id),
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_codes_user ON sign_in_codes (user_id) WHERE used_at IS NULL;

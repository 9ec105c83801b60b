-- Baton's one schema, for PGlite (embedded) and PostgreSQL alike.
CREATE SEQUENCE change_seq;

CREATE TABLE teams (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id          bigserial PRIMARY KEY,
  team_id     bigint NOT NULL REFERENCES teams(id),
  name        text NOT NULL,
  role        text NOT NULL CHECK (role IN ('rep', 'csm', 'manager', 'admin')),
  channel     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_team ON users(team_id);

-- Tokens are stored as SHA-256 hashes; the token itself is shown once.
CREATE TABLE tokens (
  id          bigserial PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id),
  hash        text NOT NULL UNIQUE,
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE packets (
  id             bigserial PRIMARY KEY,
  team_id        bigint NOT NULL REFERENCES teams(id),
  key            text NOT NULL,
  owner_user_id  bigint NOT NULL REFERENCES users(id),
  status         text NOT NULL DEFAULT 'draft',
  data           jsonb NOT NULL,
  clocks         jsonb NOT NULL DEFAULT '{}'::jsonb,
  seq            bigint NOT NULL DEFAULT nextval('change_seq'),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, key)
);
CREATE INDEX packets_team_seq ON packets(team_id, seq);

-- One row per processed client mutation: a replayed push changes nothing.
CREATE TABLE mutations (
  team_id      bigint NOT NULL,
  client_id    text NOT NULL,
  mutation_id  text NOT NULL,
  user_id      bigint NOT NULL,
  result       text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, client_id, mutation_id)
);

-- Append-only: who did what, when, before and after.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  team_id     bigint NOT NULL,
  user_id     bigint,
  action      text NOT NULL,
  packet_key  text,
  before      jsonb,
  after       jsonb,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_team_packet ON audit_log(team_id, packet_key, id);

-- Per-token request counts per minute, in the database so several server
-- processes share one limit.
CREATE TABLE rate_limits (
  token_id      bigint NOT NULL,
  window_start  timestamptz NOT NULL,
  count         integer NOT NULL,
  PRIMARY KEY (token_id, window_start)
);

CREATE TABLE webhooks (
  id          bigserial PRIMARY KEY,
  team_id     bigint NOT NULL REFERENCES teams(id),
  kind        text NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu', 'slack')),
  url         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Notifications wait here until the receiver takes them; retried with backoff.
CREATE TABLE webhook_outbox (
  id               bigserial PRIMARY KEY,
  team_id          bigint NOT NULL,
  webhook_id       bigint NOT NULL REFERENCES webhooks(id),
  idempotency_key  text NOT NULL UNIQUE,
  body             jsonb NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_at          timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  last_error       text
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_at) WHERE delivered_at IS NULL;

-- The whole relay (issue 16 item 1): the implementation role between sales
-- and customer success, and the team's relay policy (lib/relay/relay-policy.ts);
-- no row: sales → CS, Baton's behaviour before the relay was policy.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('rep', 'csm', 'manager', 'admin', 'implementation'));

CREATE TABLE team_relay (
  team_id bigint PRIMARY KEY REFERENCES teams(id),
  policy jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  schema_version integer NOT NULL DEFAULT 1
);

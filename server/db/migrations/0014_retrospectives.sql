-- The CSM's retrospective of a handoff, N days after acceptance (issue 16):
-- each packet section right / wrong / missing with a note, and the profile fit.
-- One per packet; the rep is the packet's owner when it was reviewed, the
-- reviewer the person who accepted it.
CREATE TABLE retrospectives (
  id            bigserial PRIMARY KEY,
  team_id       bigint NOT NULL REFERENCES teams(id),
  packet_key    text NOT NULL,
  rep_user_id   bigint NOT NULL REFERENCES users(id),
  csm_user_id   bigint NOT NULL REFERENCES users(id),
  accepted_at   timestamptz NOT NULL,
  sections      jsonb NOT NULL,
  profile_fit   text NOT NULL,
  profile_note  text NOT NULL DEFAULT '',
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT retrospectives_profile_fit_check CHECK (profile_fit IN ('yes', 'partly', 'no')),
  CONSTRAINT retrospectives_one_per_packet UNIQUE (team_id, packet_key)
);

CREATE INDEX retrospectives_team_submitted ON retrospectives (team_id, submitted_at);

CREATE INDEX retrospectives_team_rep ON retrospectives (team_id, rep_user_id);

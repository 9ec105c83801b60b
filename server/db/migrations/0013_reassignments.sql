-- The reassignment handoff (issue 16 item 2): a manager moves every customer
-- of a person who leaves or changes role, in one transaction.

-- A person who left: their tokens are revoked and they cannot sign in again.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;

-- The CSM who holds an accepted packet (set when a CSM accepts; moved by a
-- reassignment). Filled for packets accepted before this migration from the
-- audit log's last accept by a CSM.
ALTER TABLE packets ADD COLUMN csm_user_id bigint REFERENCES users(id);
UPDATE packets SET csm_user_id = a.user_id
  FROM (SELECT DISTINCT ON (l.team_id, l.packet_key) l.team_id, l.packet_key, l.user_id
        FROM audit_log l JOIN users u ON u.id = l.user_id AND u.role = 'csm'
        WHERE l.action = 'packet.accept' ORDER BY l.team_id, l.packet_key, l.id DESC) a
  WHERE packets.team_id = a.team_id AND packets.key = a.packet_key AND packets.status = 'accepted';
CREATE INDEX packets_team_csm ON packets (team_id, csm_user_id) WHERE csm_user_id IS NOT NULL;

-- One reassignment: whose customers, by whom, why, and what became of the person.
CREATE TABLE reassignments (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams(id),
  from_user_id bigint NOT NULL REFERENCES users(id),
  by_user_id bigint NOT NULL REFERENCES users(id),
  reason text NOT NULL,
  outcome text NOT NULL,
  new_role text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reassignments_outcome_check CHECK (outcome IN ('leaves', 'changesRole'))
);

-- One claim or packet handed to a receiver, with its note; shown under
-- "needs me" in the receiver's popup until acknowledged.
CREATE TABLE handoff_notes (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams(id),
  reassignment_id bigint NOT NULL REFERENCES reassignments(id),
  to_user_id bigint NOT NULL REFERENCES users(id),
  claim_id bigint REFERENCES claims(id),
  packet_key text,
  label text NOT NULL,
  deal_url text,
  note text NOT NULL DEFAULT '',
  acknowledged_at timestamptz,
  CONSTRAINT handoff_notes_one_subject CHECK ((claim_id IS NULL) <> (packet_key IS NULL))
);
CREATE INDEX handoff_notes_open ON handoff_notes (team_id, to_user_id) WHERE acknowledged_at IS NULL;

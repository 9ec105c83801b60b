-- The health figures read a team's lifecycle entries (draft started, submitted,
-- returned, accepted) in a period; the audit log also holds every edit, so a
-- team-wide scan would walk all of a busy team's edits to find the few
-- lifecycle entries. This partial index holds only those, by team and time.
CREATE INDEX audit_team_lifecycle_at ON audit_log(team_id, at) WHERE action IN ('packet.create', 'packet.submit', 'packet.return', 'packet.accept');

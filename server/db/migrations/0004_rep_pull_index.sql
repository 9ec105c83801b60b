-- A rep's pull reads only their own packets changed since their cursor; with
-- many teammates' packets newer than that cursor, the team-wide index would
-- walk all of them to find none (bench/growth.bench.ts shows the curve).
CREATE INDEX packets_team_owner_seq ON packets(team_id, owner_user_id, seq);

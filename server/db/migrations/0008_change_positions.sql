-- Packet changes are positioned by transaction id over a fixed base (the
-- sequence's last value; server/packets/change-position.ts), not by a
-- sequence taken under a team-wide lock. Nothing may advance change_seq any
-- more: that would move the base under writers in flight.
ALTER TABLE packets ALTER COLUMN seq DROP DEFAULT;

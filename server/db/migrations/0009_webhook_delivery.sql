-- Issue 17: team chat notices judged per tool, signed, paced, and @mentioning
-- the person they are for.

-- The robot's security settings. The secret (DingTalk 加签, Feishu signing) is
-- needed in clear to sign, so it cannot be hashed like a token; it is never
-- returned by the API nor logged.
ALTER TABLE webhooks ADD COLUMN name text NOT NULL DEFAULT '';
ALTER TABLE webhooks ADD COLUMN secret text;
ALTER TABLE webhooks ADD COLUMN keyword text;
ALTER TABLE webhooks ADD COLUMN removed_at timestamptz;
-- Pacing: when each of the robot's recent sends was done (ms since the epoch,
-- newest last), and until when the tool said to stop ("too fast").
ALTER TABLE webhooks ADD COLUMN recent_sends jsonb NOT NULL DEFAULT '[]';
ALTER TABLE webhooks ADD COLUMN blocked_until timestamptz;

-- A notice the tool refused for good: when, and the tool's own message (in last_error).
ALTER TABLE webhook_outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE webhook_outbox ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
DROP INDEX webhook_outbox_due;
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_outbox_failed ON webhook_outbox(webhook_id, failed_at) WHERE failed_at IS NOT NULL;

-- A person's chat identity: {"mobile": "+86…", "dingtalk": …, "wecom": …, "feishu": …, "slack": "U…"}.
ALTER TABLE users ADD COLUMN chat jsonb NOT NULL DEFAULT '{}';

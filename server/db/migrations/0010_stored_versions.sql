-- Team settings carry the version of their JSON's shape (lib/stored/setting-versions.ts):
-- a row of an older version is migrated when read, and every write stamps the
-- version its code wrote. Rows written before this carry version 1, their shape.
ALTER TABLE team_settings ADD COLUMN schema_version integer NOT NULL DEFAULT 1;
ALTER TABLE team_engagement ADD COLUMN schema_version integer NOT NULL DEFAULT 1;
ALTER TABLE claim_policies ADD COLUMN schema_version integer NOT NULL DEFAULT 1;

-- A least-privilege database (issue 12). The server connects as a runtime role that holds no UPDATE, DELETE
-- or TRUNCATE right on the consent registry (lib/server/db/runtime-role.ts grants it after every migration).
-- The few legitimate rewrites of the registry go through the SECURITY DEFINER functions below, which run as
-- the owner, and each one leaves its proof in "ConsentRegistryRewrite":
--   atrium_move_consent_records     merge and unmerge move entries between customers (customerId only)
--   atrium_erase_consent_records    the right to be forgotten deletes the person's entries and records ERASURE
--   atrium_delete_workspace         deleting a workspace cascades to its registry
-- The guard trigger no longer trusts a setting that any session can SET: it allows a rewrite only while one
-- of these functions holds a permit for the current transaction, in a schema the runtime role cannot reach.
--
-- Function bodies are E'' strings with \x3B for each semicolon: the migration runner's driver adapter splits
-- scripts on every semicolon character (it does not know dollar quoting). Read \x3B as a statement end.

CREATE SCHEMA atrium_private;
REVOKE ALL ON SCHEMA atrium_private FROM PUBLIC;

-- Rows live only for the duration of one function call (inserted, then deleted in the same transaction).
CREATE TABLE atrium_private.consent_registry_permit (
    "xact" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL
);

-- The proof of each rewrite: append-only for the runtime role (it may read, never write).
CREATE TABLE "ConsentRegistryRewrite" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "erasureRecordId" UUID,
    "performedBy" TEXT NOT NULL DEFAULT session_user,
    "performedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRegistryRewrite_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ConsentRegistryRewrite_workspaceId_performedAt_idx" ON "ConsentRegistryRewrite"("workspaceId", "performedAt");

CREATE OR REPLACE FUNCTION atrium_consent_record_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS E'
DECLARE
  reason text\x3B
BEGIN
  SELECT p.reason INTO reason FROM atrium_private.consent_registry_permit p
   WHERE p.xact = pg_current_xact_id()::text\x3B
  reason := coalesce(reason, '''')\x3B
  IF TG_OP = ''UPDATE'' THEN
    -- Everything but customerId must stay exactly as recorded.
    IF reason = ''merge'' AND (to_jsonb(NEW) - ''customerId'') = (to_jsonb(OLD) - ''customerId'') THEN
      RETURN NEW\x3B
    END IF\x3B
    RAISE EXCEPTION ''The consent registry is append-only: UPDATE of "ConsentRecord" is not allowed''
      USING ERRCODE = ''insufficient_privilege'',
            HINT = ''Only merges may move entries between customers (atrium_move_consent_records).''\x3B
  END IF\x3B
  IF TG_OP = ''DELETE'' THEN
    IF reason IN (''erasure'', ''workspace_deletion'') THEN
      RETURN OLD\x3B
    END IF\x3B
    RAISE EXCEPTION ''The consent registry is append-only: DELETE from "ConsentRecord" is not allowed''
      USING ERRCODE = ''insufficient_privilege'',
            HINT = ''Only an erasure or a workspace deletion may remove entries (atrium_erase_consent_records, atrium_delete_workspace).''\x3B
  END IF\x3B
  RAISE EXCEPTION ''The consent registry is append-only: TRUNCATE of "ConsentRecord" is not allowed''
    USING ERRCODE = ''insufficient_privilege''\x3B
END
';

-- Moves the entries of `from_customers` (only `only_ids` when given) to `to_customer`: returns the moved ids.
CREATE FUNCTION atrium_move_consent_records(workspace uuid, from_customers uuid[], to_customer uuid, only_ids uuid[] DEFAULT NULL)
RETURNS SETOF uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS E'
DECLARE
  moved uuid[]\x3B
BEGIN
  INSERT INTO atrium_private.consent_registry_permit VALUES (pg_current_xact_id()::text, ''merge'')\x3B
  WITH m AS (
    UPDATE "ConsentRecord" SET "customerId" = to_customer
     WHERE "workspaceId" = workspace AND "customerId" = ANY(from_customers)
       AND (only_ids IS NULL OR id = ANY(only_ids))
    RETURNING id
  ) SELECT coalesce(array_agg(id), ''{}'') INTO moved FROM m\x3B
  DELETE FROM atrium_private.consent_registry_permit WHERE xact = pg_current_xact_id()::text\x3B
  IF cardinality(moved) > 0 THEN
    INSERT INTO "ConsentRegistryRewrite" ("workspaceId", reason, records) VALUES (workspace, ''merge'', cardinality(moved))\x3B
  END IF\x3B
  RETURN QUERY SELECT unnest(moved)\x3B
END
';

-- Deletes the entries of `customers` and records the pseudonymous ERASURE entry `erasure_id` in their place.
CREATE FUNCTION atrium_erase_consent_records(
  workspace uuid, customers uuid[], erasure_id uuid, changed_at timestamp(3),
  actor_type "ActorType", actor_id text, actor_name text, identities_hash text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS E'
DECLARE
  erased integer\x3B
BEGIN
  INSERT INTO atrium_private.consent_registry_permit VALUES (pg_current_xact_id()::text, ''erasure'')\x3B
  DELETE FROM "ConsentRecord" WHERE "workspaceId" = workspace AND "customerId" = ANY(customers)\x3B
  GET DIAGNOSTICS erased = ROW_COUNT\x3B
  DELETE FROM atrium_private.consent_registry_permit WHERE xact = pg_current_xact_id()::text\x3B
  INSERT INTO "ConsentRecord" ("workspaceId", id, kind, "customerId", key, "changedAt", "actorType", "actorId",
                               "actorName", source, "identitiesHash")
  VALUES (workspace, erasure_id, ''ERASURE'', NULL, ''*'', changed_at, actor_type, actor_id, actor_name,
          ''Erasure request'', identities_hash)\x3B
  INSERT INTO "ConsentRegistryRewrite" ("workspaceId", reason, records, "erasureRecordId")
  VALUES (workspace, ''erasure'', erased, erasure_id)\x3B
  RETURN erased\x3B
END
';

-- Deletes the workspace (everything in it cascades), no row when there is no such workspace.
CREATE FUNCTION atrium_delete_workspace(workspace uuid) RETURNS TABLE (name text, slug text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS E'
DECLARE
  held integer\x3B
  deleted integer\x3B
BEGIN
  SELECT count(*) INTO held FROM "ConsentRecord" r WHERE r."workspaceId" = workspace\x3B
  INSERT INTO atrium_private.consent_registry_permit VALUES (pg_current_xact_id()::text, ''workspace_deletion'')\x3B
  RETURN QUERY DELETE FROM "Workspace" w WHERE w.id = workspace RETURNING w.name, w.slug\x3B
  GET DIAGNOSTICS deleted = ROW_COUNT\x3B
  DELETE FROM atrium_private.consent_registry_permit WHERE xact = pg_current_xact_id()::text\x3B
  IF deleted > 0 AND held > 0 THEN
    INSERT INTO "ConsentRegistryRewrite" ("workspaceId", reason, records) VALUES (workspace, ''workspace_deletion'', held)\x3B
  END IF\x3B
END
';

-- ANALYZE needs the table owner: the view membership refresh asks the owner to do it.
CREATE FUNCTION atrium_analyze_view_members() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS 'ANALYZE "ViewMember"';

REVOKE EXECUTE ON FUNCTION atrium_move_consent_records(uuid, uuid[], uuid, uuid[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION atrium_erase_consent_records(uuid, uuid[], uuid, timestamp(3), "ActorType", text, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION atrium_delete_workspace(uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION atrium_analyze_view_members() FROM PUBLIC;

-- The consent registry is append-only, enforced by the database rather than by convention: whatever code
-- (or person with SQL access) touches "ConsentRecord", an UPDATE or DELETE is refused unless the
-- transaction declared one of the few legitimate reasons with
--   SET LOCAL atrium.consent_registry_maintenance = '<reason>'
-- (see lib/server/consents/registry-maintenance.ts):
--   'merge'              merge and unmerge move rows between customers: an UPDATE that changes customerId only
--   'erasure'            the right to be forgotten deletes the person's rows
--   'workspace_deletion' deleting a workspace cascades to its registry
-- Triggers are invisible to Prisma's schema diff, so schema.prisma needs no change.
--
-- The function body is an E'' string with \x3B for each semicolon: the migration runner's driver adapter
-- splits scripts on every semicolon character (it does not know dollar quoting), so none may appear
-- inside a statement. Read \x3B as the end of a PL/pgSQL statement.

CREATE FUNCTION atrium_consent_record_guard() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  reason text := coalesce(current_setting(''atrium.consent_registry_maintenance'', true), '''')\x3B
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    -- Everything but customerId must stay exactly as recorded.
    IF reason = ''merge'' AND (to_jsonb(NEW) - ''customerId'') = (to_jsonb(OLD) - ''customerId'') THEN
      RETURN NEW\x3B
    END IF\x3B
    RAISE EXCEPTION ''The consent registry is append-only: UPDATE of "ConsentRecord" is not allowed''
      USING ERRCODE = ''insufficient_privilege'',
            HINT = ''Only merges may move entries between customers (atrium.consent_registry_maintenance = merge).''\x3B
  END IF\x3B
  IF TG_OP = ''DELETE'' THEN
    IF reason IN (''erasure'', ''workspace_deletion'') THEN
      RETURN OLD\x3B
    END IF\x3B
    RAISE EXCEPTION ''The consent registry is append-only: DELETE from "ConsentRecord" is not allowed''
      USING ERRCODE = ''insufficient_privilege'',
            HINT = ''Only an erasure or a workspace deletion may remove entries.''\x3B
  END IF\x3B
  -- TRUNCATE (statement level): never, it would bypass the row checks above.
  RAISE EXCEPTION ''The consent registry is append-only: TRUNCATE of "ConsentRecord" is not allowed''
    USING ERRCODE = ''insufficient_privilege''\x3B
END
';

CREATE TRIGGER "ConsentRecord_append_only"
  BEFORE UPDATE OR DELETE ON "ConsentRecord"
  FOR EACH ROW EXECUTE FUNCTION atrium_consent_record_guard();

CREATE TRIGGER "ConsentRecord_no_truncate"
  BEFORE TRUNCATE ON "ConsentRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_consent_record_guard();

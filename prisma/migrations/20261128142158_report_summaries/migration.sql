-- AlterTable
ALTER TABLE "DailyCustomerStat" DROP CONSTRAINT "DailyCustomerStat_pkey",
ADD COLUMN     "slot" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "DailyCustomerStat_pkey" PRIMARY KEY ("workspaceId", "day", "slot");

-- CreateTable
CREATE TABLE "EventDailyStat" (
    "workspaceId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "type" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL DEFAULT 0,
    "events" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventDailyStat_pkey" PRIMARY KEY ("workspaceId","day","type","slot")
);

-- CreateTable
CREATE TABLE "CustomerFacetStat" (
    "workspaceId" UUID NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CustomerFacetStat_pkey" PRIMARY KEY ("workspaceId","facet","value","slot")
);

-- CreateTable
CREATE TABLE "ReportSummaryRebuild" (
    "workspaceId" UUID NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportSummaryRebuild_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "EventDailyStat" ADD CONSTRAINT "EventDailyStat_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerFacetStat" ADD CONSTRAINT "CustomerFacetStat_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSummaryRebuild" ADD CONSTRAINT "ReportSummaryRebuild_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───── Report summaries kept by triggers (hand-written below this line) ─────
-- Why triggers: every path that creates, merges, unmerges or deletes customers, links sources or stores
-- events (the API, ingestion, erasure, the seed, a cascade from a deleted workspace, an operator's SQL)
-- keeps the summaries right without knowing they exist, and Prisma's diff does not see them.
-- Inserts and deletes use statement-level triggers with transition tables: one aggregated upsert per
-- statement, so a batch of a thousand rows costs one small GROUP BY. Each upsert goes to the writer's
-- slot (see schema.prisma) and in sorted order, so that writers rarely wait for one another.
-- Function bodies are E'' strings with \x3B for each semicolon: the migration runner splits scripts on
-- every semicolon (see the consent_registry_append_only migration).

-- The workspace's time zone for day boundaries, or NULL when the workspace is gone (rows deleted by its
-- cascade need no counting). A zone this server's tz database does not know counts as UTC: a write must
-- never fail because of a report. Zones found valid are remembered for the session, because the check's
-- exception block costs a subtransaction, on every write otherwise.
CREATE FUNCTION atrium_report_timezone(ws uuid) RETURNS text
LANGUAGE plpgsql STABLE AS E'
DECLARE
  tz text\x3B
  known text := coalesce(current_setting(''atrium.report_timezones'', true), '''')\x3B
BEGIN
  SELECT timezone INTO tz FROM "Workspace" WHERE id = ws\x3B
  IF tz IS NULL OR position(''|'' || tz || ''|'' IN known) > 0 THEN
    RETURN tz\x3B
  END IF\x3B
  BEGIN
    PERFORM now() AT TIME ZONE tz\x3B
  EXCEPTION WHEN invalid_parameter_value THEN
    RETURN ''UTC''\x3B
  END\x3B
  PERFORM set_config(''atrium.report_timezones'', known || ''|'' || tz || ''|'', false)\x3B
  RETURN tz\x3B
END ';

-- The counter row this connection adds to (the slot column of the summaries).
CREATE FUNCTION atrium_stat_slot() RETURNS smallint
LANGUAGE sql STABLE AS E' SELECT (pg_backend_pid() % 16)::smallint ';

-- What an ACTIVE customer counts in (CustomerFacetStat), one small function per facet: the summary
-- triggers use them all through atrium_customer_facets, and reports restricted to a view call the one
-- they need (lib/server/reports/composition-facets.ts), so both paths read customers alike. They are
-- single SQL expressions, which PostgreSQL inlines into the queries that use them.
-- Single-valued facets answer unknown when the value is absent or malformed, so that they sum to the total.
CREATE FUNCTION atrium_facet_gender(base jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE WHEN base->>''gender'' IN (''female'', ''male'', ''other'') THEN base->>''gender'' ELSE ''unknown'' END
';

CREATE FUNCTION atrium_facet_country(base jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE WHEN base->''address''->>''country'' ~ ''^[A-Z]{2}$'' THEN base->''address''->>''country'' ELSE ''unknown'' END
';

-- The birth date as YYYY-MM-DD text, or NULL. Age ranges are computed when reading, from birth years and,
-- in the few years that straddle a range boundary today, exact dates (lib/server/reports/age-ranges.ts).
CREATE FUNCTION atrium_facet_birth_date(base jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE WHEN base->>''dob'' ~ ''^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'' THEN base->>''dob'' END
';

-- granted or denied by a consent leaf's boolean status (the path to it, e.g. {profiling,classic,status}),
-- NULL when there is none: unknown is the total minus both.
CREATE FUNCTION atrium_facet_consent(consents jsonb, status_path text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE consents #> status_path WHEN ''true''::jsonb THEN ''granted'' WHEN ''false''::jsonb THEN ''denied'' END
';

-- Each distinct tag, or the empty value for a customer without tags (a tag is never empty). Distinct by
-- looking back along the array: cheaper than a hash per customer for a handful of tags.
CREATE FUNCTION atrium_facet_tags(tags text[]) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT t FROM unnest(tags) WITH ORDINALITY u (t, i) WHERE t <> ALL (tags[1:i - 1])
  UNION ALL
  SELECT '''' WHERE coalesce(cardinality(tags), 0) = 0
';

-- Every facet value of a customer, as few executor nodes as possible (it runs for every customer a
-- statement writes, and for every customer in a backfill). The consent keys are CONSENT_KEYS of
-- lib/schemas/filters.ts: a key added there must be added here.
CREATE FUNCTION atrium_customer_facets(base jsonb, tags text[], consents jsonb) RETURNS TABLE (facet text, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT f.facet, f.value
    FROM (SELECT atrium_facet_birth_date(base) AS dob) d,
         unnest(ARRAY[''total'', ''gender'', ''country'', ''birthYear'', ''birthDate''],
                ARRAY['''', atrium_facet_gender(base), atrium_facet_country(base), coalesce(left(d.dob, 4), ''unknown''), d.dob]) f (facet, value)
   WHERE f.value IS NOT NULL
  UNION ALL
  SELECT ''consent:'' || f.key, f.value
    FROM unnest(ARRAY[
                  ''marketing.traditional.telephonic'',
                  ''marketing.traditional.papery'',
                  ''marketing.automatic.sms'',
                  ''marketing.automatic.email'',
                  ''marketing.automatic.push'',
                  ''marketing.automatic.im'',
                  ''marketing.automatic.telephonic'',
                  ''profiling.classic'',
                  ''profiling.online'',
                  ''softSpam.email'',
                  ''softSpam.papery'',
                  ''thirdPartyTransfer.profiling'',
                  ''thirdPartyTransfer.marketing''],
                ARRAY[
                  atrium_facet_consent(consents, ''{marketing,traditional,telephonic,status}''),
                  atrium_facet_consent(consents, ''{marketing,traditional,papery,status}''),
                  atrium_facet_consent(consents, ''{marketing,automatic,sms,status}''),
                  atrium_facet_consent(consents, ''{marketing,automatic,email,status}''),
                  atrium_facet_consent(consents, ''{marketing,automatic,push,status}''),
                  atrium_facet_consent(consents, ''{marketing,automatic,im,status}''),
                  atrium_facet_consent(consents, ''{marketing,automatic,telephonic,status}''),
                  atrium_facet_consent(consents, ''{profiling,classic,status}''),
                  atrium_facet_consent(consents, ''{profiling,online,status}''),
                  atrium_facet_consent(consents, ''{softSpam,email,status}''),
                  atrium_facet_consent(consents, ''{softSpam,papery,status}''),
                  atrium_facet_consent(consents, ''{thirdPartyTransfer,profiling,status}''),
                  atrium_facet_consent(consents, ''{thirdPartyTransfer,marketing,status}'')]) f (key, value)
   WHERE consents <> ''{}'' AND f.value IS NOT NULL
  UNION ALL
  SELECT ''tag'', t FROM atrium_facet_tags(tags) t
';

-- Customer INSERT: created on the local day of createdAt (a row inserted as MERGED too: its Merge row
-- counts its removal), and the facets of the ACTIVE ones.
CREATE FUNCTION atrium_customer_stats_insert() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ws uuid\x3B
  tz text\x3B
BEGIN
  FOR ws IN SELECT DISTINCT "workspaceId" FROM inserted LOOP
    tz := atrium_report_timezone(ws)\x3B
    CONTINUE WHEN tz IS NULL\x3B
    INSERT INTO "DailyCustomerStat" AS s ("workspaceId", day, slot, created)
    SELECT ws, (n."createdAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date AS d, atrium_stat_slot(), count(*)
      FROM inserted n WHERE n."workspaceId" = ws
     GROUP BY d ORDER BY d
    ON CONFLICT ("workspaceId", day, slot) DO UPDATE SET created = s.created + EXCLUDED.created\x3B
    INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
    SELECT ws, f.facet, f.value, atrium_stat_slot(), count(*)
      FROM inserted n, LATERAL atrium_customer_facets(n.base, n.tags, n.consents) f
     WHERE n."workspaceId" = ws AND n.status = ''ACTIVE''
     GROUP BY f.facet, f.value ORDER BY f.facet, f.value
    ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
  END LOOP\x3B
  RETURN NULL\x3B
END ';

-- Customer UPDATE of what facets read (row level, only when it changed): out with the old facets, in
-- with the new. A status change moves the customer out of or back into every facet.
CREATE FUNCTION atrium_customer_stats_update() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
  SELECT NEW."workspaceId", f.facet, f.value, atrium_stat_slot(), sum(f.delta)
    FROM (SELECT o.facet, o.value, -1 AS delta FROM atrium_customer_facets(OLD.base, OLD.tags, OLD.consents) o WHERE OLD.status = ''ACTIVE''
          UNION ALL
          SELECT n.facet, n.value, 1 FROM atrium_customer_facets(NEW.base, NEW.tags, NEW.consents) n WHERE NEW.status = ''ACTIVE'') f
   GROUP BY f.facet, f.value HAVING sum(f.delta) <> 0 ORDER BY f.facet, f.value
  ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
  RETURN NULL\x3B
END ';

-- Customer DELETE (erasure): an ACTIVE customer leaves the base today (a MERGED one left it on its merge
-- day already) and its facets.
CREATE FUNCTION atrium_customer_stats_delete() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ws uuid\x3B
  tz text\x3B
BEGIN
  FOR ws IN SELECT DISTINCT "workspaceId" FROM deleted WHERE status = ''ACTIVE'' LOOP
    tz := atrium_report_timezone(ws)\x3B
    CONTINUE WHEN tz IS NULL\x3B
    INSERT INTO "DailyCustomerStat" AS s ("workspaceId", day, slot, removed)
    SELECT ws, (now() AT TIME ZONE tz)::date, atrium_stat_slot(), count(*)
      FROM deleted o WHERE o."workspaceId" = ws AND o.status = ''ACTIVE''
    ON CONFLICT ("workspaceId", day, slot) DO UPDATE SET removed = s.removed + EXCLUDED.removed\x3B
    INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
    SELECT ws, f.facet, f.value, atrium_stat_slot(), -count(*)
      FROM deleted o, LATERAL atrium_customer_facets(o.base, o.tags, o.consents) f
     WHERE o."workspaceId" = ws AND o.status = ''ACTIVE''
     GROUP BY f.facet, f.value ORDER BY f.facet, f.value
    ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
  END LOOP\x3B
  RETURN NULL\x3B
END ';

-- Merge INSERT: the absorbed customer leaves the base on the local day of the merge.
CREATE FUNCTION atrium_merge_stats_insert() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ws uuid\x3B
  tz text\x3B
BEGIN
  FOR ws IN SELECT DISTINCT "workspaceId" FROM inserted WHERE "undoneAt" IS NULL LOOP
    tz := atrium_report_timezone(ws)\x3B
    CONTINUE WHEN tz IS NULL\x3B
    INSERT INTO "DailyCustomerStat" AS s ("workspaceId", day, slot, removed)
    SELECT ws, (n."createdAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date AS d, atrium_stat_slot(), count(*)
      FROM inserted n WHERE n."workspaceId" = ws AND n."undoneAt" IS NULL
     GROUP BY d ORDER BY d
    ON CONFLICT ("workspaceId", day, slot) DO UPDATE SET removed = s.removed + EXCLUDED.removed\x3B
  END LOOP\x3B
  RETURN NULL\x3B
END ';

-- Merge undone: the removal is taken back on the merge's own day, so the history reads as if the merge
-- had never happened (setting undoneAt back to NULL, which the app never does, counts it again).
CREATE FUNCTION atrium_merge_stats_undo() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  tz text := atrium_report_timezone(NEW."workspaceId")\x3B
BEGIN
  IF tz IS NOT NULL THEN
    INSERT INTO "DailyCustomerStat" AS s ("workspaceId", day, slot, removed)
    VALUES (NEW."workspaceId", (OLD."createdAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date, atrium_stat_slot(),
            CASE WHEN NEW."undoneAt" IS NULL THEN 1 ELSE -1 END)
    ON CONFLICT ("workspaceId", day, slot) DO UPDATE SET removed = s.removed + EXCLUDED.removed\x3B
  END IF\x3B
  RETURN NULL\x3B
END ';

-- CustomerSource INSERT / DELETE: per source, and "linked" (customers with at least one source) when a
-- customer gains its first link or loses its last. Counted whatever the customer's status: a merge moves
-- the absorbed customer's links to the survivor before it becomes MERGED, and an unmerge gives them back
-- just before it becomes ACTIVE again, so links only belong to ACTIVE customers once a write commits.
CREATE FUNCTION atrium_customer_source_stats() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ws uuid\x3B
  sign int := CASE WHEN TG_OP = ''INSERT'' THEN 1 ELSE -1 END\x3B
BEGIN
  FOR ws IN SELECT DISTINCT "workspaceId" FROM changed LOOP
    CONTINUE WHEN atrium_report_timezone(ws) IS NULL\x3B
    INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
    SELECT ws, f.facet, f.value, atrium_stat_slot(), sign * count(*)
      FROM (SELECT ''source'' AS facet, l."sourceId"::text AS value FROM changed l WHERE l."workspaceId" = ws
            UNION ALL
            SELECT ''linked'', '''' FROM (
              SELECT l."customerId", count(*) AS links FROM changed l WHERE l."workspaceId" = ws GROUP BY l."customerId") c
             WHERE (SELECT count(*) FROM "CustomerSource" x WHERE x."workspaceId" = ws AND x."customerId" = c."customerId")
                   = CASE WHEN sign = 1 THEN c.links ELSE 0 END) f
     GROUP BY f.facet, f.value ORDER BY f.facet, f.value
    ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
  END LOOP\x3B
  RETURN NULL\x3B
END ';

-- Event INSERT / DELETE: per local day of occurredAt and type.
CREATE FUNCTION atrium_event_stats_change() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ws uuid\x3B
  tz text\x3B
  sign int := CASE WHEN TG_OP = ''INSERT'' THEN 1 ELSE -1 END\x3B
BEGIN
  FOR ws IN SELECT DISTINCT "workspaceId" FROM changed LOOP
    tz := atrium_report_timezone(ws)\x3B
    CONTINUE WHEN tz IS NULL\x3B
    INSERT INTO "EventDailyStat" AS s ("workspaceId", day, type, slot, events)
    SELECT ws, (e."occurredAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date AS d, e.type, atrium_stat_slot(), sign * count(*)
      FROM changed e WHERE e."workspaceId" = ws
     GROUP BY d, e.type ORDER BY d, e.type
    ON CONFLICT ("workspaceId", day, type, slot) DO UPDATE SET events = s.events + EXCLUDED.events\x3B
  END LOOP\x3B
  RETURN NULL\x3B
END ';

-- Event UPDATE of type or occurredAt (the app never does it, an operator might): move the count.
CREATE FUNCTION atrium_event_stats_move() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  tz text := atrium_report_timezone(NEW."workspaceId")\x3B
BEGIN
  IF tz IS NOT NULL THEN
    INSERT INTO "EventDailyStat" AS s ("workspaceId", day, type, slot, events)
    SELECT NEW."workspaceId", v.d, v.type, atrium_stat_slot(), sum(v.delta)
      FROM (VALUES ((OLD."occurredAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date, OLD.type, -1),
                   ((NEW."occurredAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date, NEW.type, 1)) v (d, type, delta)
     GROUP BY v.d, v.type ORDER BY v.d, v.type
    ON CONFLICT ("workspaceId", day, type, slot) DO UPDATE SET events = s.events + EXCLUDED.events\x3B
  END IF\x3B
  RETURN NULL\x3B
END ';

-- A new time zone moves every day boundary: ask the next report to recompute the daily summaries
-- (lib/server/reports/rebuild-daily-stats.ts), so that the change itself stays instant. DO UPDATE, not
-- DO NOTHING: it waits for a rebuild in progress (which holds the row) and marks the workspace again.
CREATE FUNCTION atrium_workspace_timezone_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReportSummaryRebuild" ("workspaceId") VALUES (NEW.id)
  ON CONFLICT ("workspaceId") DO UPDATE SET "requestedAt" = now()\x3B
  RETURN NULL\x3B
END ';

-- Recomputes a workspace's daily summaries from its rows, in its current time zone. A MERGED customer is
-- removed on the day of its merge (of its last change when the Merge row is gone, e.g. its survivor was
-- erased). Customers erased earlier are no longer in the rows, so they drop out of created and removed
-- alike: every total stays exact, only the history before their erasure no longer shows them.
CREATE FUNCTION atrium_rebuild_daily_stats(ws uuid) RETURNS void
LANGUAGE plpgsql AS E'
DECLARE
  tz text := atrium_report_timezone(ws)\x3B
BEGIN
  DELETE FROM "DailyCustomerStat" WHERE "workspaceId" = ws\x3B
  DELETE FROM "EventDailyStat" WHERE "workspaceId" = ws\x3B
  IF tz IS NULL THEN
    RETURN\x3B
  END IF\x3B
  INSERT INTO "DailyCustomerStat" AS s ("workspaceId", day, slot, created, removed)
  SELECT ws, d.day, 0, sum(d.created), sum(d.removed)
    FROM (SELECT (c."createdAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date AS day, 1 AS created, 0 AS removed
            FROM "Customer" c WHERE c."workspaceId" = ws
          UNION ALL
          SELECT (coalesce(m."createdAt", c."updatedAt") AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date, 0, 1
            FROM "Customer" c
            LEFT JOIN LATERAL (SELECT m."createdAt" FROM "Merge" m
                                WHERE m."workspaceId" = ws AND m."absorbedId" = c.id AND m."undoneAt" IS NULL
                                ORDER BY m."createdAt" DESC LIMIT 1) m ON TRUE
           WHERE c."workspaceId" = ws AND c.status = ''MERGED'') d
   GROUP BY d.day
  ON CONFLICT ("workspaceId", day, slot) DO UPDATE SET created = s.created + EXCLUDED.created, removed = s.removed + EXCLUDED.removed\x3B
  INSERT INTO "EventDailyStat" AS s ("workspaceId", day, type, slot, events)
  SELECT ws, (e."occurredAt" AT TIME ZONE ''UTC'' AT TIME ZONE tz)::date AS d, e.type, 0, count(*)
    FROM "Event" e WHERE e."workspaceId" = ws
   GROUP BY d, e.type
  ON CONFLICT ("workspaceId", day, type, slot) DO UPDATE SET events = s.events + EXCLUDED.events\x3B
END ';

-- Recomputes a workspace's facet counts from its ACTIVE customers and their source links.
CREATE FUNCTION atrium_rebuild_facet_stats(ws uuid) RETURNS void
LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "CustomerFacetStat" WHERE "workspaceId" = ws\x3B
  INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
  SELECT ws, f.facet, f.value, 0, count(*)
    FROM "Customer" c, LATERAL atrium_customer_facets(c.base, c.tags, c.consents) f
   WHERE c."workspaceId" = ws AND c.status = ''ACTIVE''
   GROUP BY f.facet, f.value
  ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
  INSERT INTO "CustomerFacetStat" AS s ("workspaceId", facet, value, slot, customers)
  SELECT ws, f.facet, f.value, 0, count(*)
    FROM (SELECT ''source'' AS facet, l."sourceId"::text AS value FROM "CustomerSource" l WHERE l."workspaceId" = ws
          UNION ALL
          SELECT ''linked'', '''' FROM (SELECT DISTINCT l."customerId" FROM "CustomerSource" l WHERE l."workspaceId" = ws) linked) f
   GROUP BY f.facet, f.value
  ON CONFLICT ("workspaceId", facet, value, slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers\x3B
END ';

CREATE TRIGGER "Customer_stats_insert" AFTER INSERT ON "Customer"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_stats_insert();
CREATE TRIGGER "Customer_stats_update" AFTER UPDATE OF status, base, tags, consents ON "Customer"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.base IS DISTINCT FROM NEW.base
                     OR OLD.tags IS DISTINCT FROM NEW.tags OR OLD.consents IS DISTINCT FROM NEW.consents)
  EXECUTE FUNCTION atrium_customer_stats_update();
CREATE TRIGGER "Customer_stats_delete" AFTER DELETE ON "Customer"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_stats_delete();
CREATE TRIGGER "Merge_stats_insert" AFTER INSERT ON "Merge"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION atrium_merge_stats_insert();
CREATE TRIGGER "Merge_stats_undo" AFTER UPDATE OF "undoneAt" ON "Merge"
  FOR EACH ROW WHEN ((OLD."undoneAt" IS NULL) <> (NEW."undoneAt" IS NULL)) EXECUTE FUNCTION atrium_merge_stats_undo();
CREATE TRIGGER "CustomerSource_stats_insert" AFTER INSERT ON "CustomerSource"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_source_stats();
CREATE TRIGGER "CustomerSource_stats_delete" AFTER DELETE ON "CustomerSource"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_source_stats();
CREATE TRIGGER "Event_stats_insert" AFTER INSERT ON "Event"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_event_stats_change();
CREATE TRIGGER "Event_stats_delete" AFTER DELETE ON "Event"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_event_stats_change();
CREATE TRIGGER "Event_stats_move" AFTER UPDATE OF type, "occurredAt" ON "Event"
  FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD."occurredAt" IS DISTINCT FROM NEW."occurredAt")
  EXECUTE FUNCTION atrium_event_stats_move();
CREATE TRIGGER "Workspace_stats_timezone" AFTER UPDATE OF timezone ON "Workspace"
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION atrium_workspace_timezone_changed();

-- Backfill: the summaries of every existing workspace, computed from its rows (the earlier rows of
-- DailyCustomerStat were written by the seed and are replaced).
SELECT atrium_rebuild_daily_stats(id), atrium_rebuild_facet_stats(id) FROM "Workspace";

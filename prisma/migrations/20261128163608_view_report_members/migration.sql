-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "changedXact" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "ViewMember" (
    "workspaceId" UUID NOT NULL,
    "viewId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "gender" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "birthDate" TEXT,
    "tags" TEXT[],
    "consents" TEXT,
    "sourceIds" UUID[],

    CONSTRAINT "ViewMember_pkey" PRIMARY KEY ("workspaceId","viewId","customerId")
);

-- CreateTable
CREATE TABLE "ViewMembership" (
    "workspaceId" UUID NOT NULL,
    "viewId" UUID NOT NULL,
    "filterKey" TEXT NOT NULL,
    "sinceXmin" xid8 NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ViewMembership_pkey" PRIMARY KEY ("workspaceId","viewId")
);

-- CreateIndex
CREATE INDEX "ViewMember_workspaceId_customerId_idx" ON "ViewMember"("workspaceId", "customerId");

-- CreateIndex
CREATE INDEX "Customer_workspaceId_changedXact_idx" ON "Customer"("workspaceId", "changedXact");

-- AddForeignKey
ALTER TABLE "ViewMember" ADD CONSTRAINT "ViewMember_workspaceId_viewId_fkey" FOREIGN KEY ("workspaceId", "viewId") REFERENCES "View"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViewMember" ADD CONSTRAINT "ViewMember_workspaceId_customerId_fkey" FOREIGN KEY ("workspaceId", "customerId") REFERENCES "Customer"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViewMembership" ADD CONSTRAINT "ViewMembership_workspaceId_viewId_fkey" FOREIGN KEY ("workspaceId", "viewId") REFERENCES "View"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───── View memberships kept for reports (hand-written below this line) ─────
-- Growth and composition through a view read the view's members from "ViewMember" instead of
-- evaluating the view's filter over every customer (lib/server/reports/view-membership.ts). A report
-- first re-reads the customers written since the membership's last refresh: "changedXact" records the
-- transaction that last wrote a customer (pg_current_xact_id() on INSERT by default, on UPDATE by the
-- trigger below), and a refresh re-reads every customer whose changedXact is at or above the snapshot
-- xmin its previous refresh started with, so nothing committed in between is missed. xid8 is 64 bits:
-- it never wraps around. Erasure (DELETE) reaches ViewMember through its foreign key's cascade.
-- Function bodies are E'' strings with \x3B for each semicolon: the migration runner splits scripts on
-- every semicolon (see the consent_registry_append_only migration).
-- The column's default is not volatile, so adding it rewrites nothing: existing rows read as written by
-- this migration's transaction, before any membership exists.

CREATE FUNCTION atrium_customer_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  NEW."changedXact" := pg_current_xact_id()\x3B
  RETURN NEW\x3B
END ';

-- Every UPDATE, whatever the columns: a view's filter may read any of them (base, extended, tags,
-- consents, status, externalId, createdAt, updatedAt).
CREATE TRIGGER "Customer_changed" BEFORE UPDATE ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION atrium_customer_changed();

-- A customer's source links are part of what a member row holds (the source dimension), so adding or
-- removing a link counts as a change of the customer. Customers this transaction already wrote (e.g.
-- created with their first link, as ingestion does) are skipped: no second row version, no extra lock.
CREATE FUNCTION atrium_customer_source_touch() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Customer" c SET "changedXact" = pg_current_xact_id()
    FROM (SELECT DISTINCT l."workspaceId", l."customerId" FROM changed l) l
   WHERE c."workspaceId" = l."workspaceId" AND c.id = l."customerId" AND c."changedXact" <> pg_current_xact_id()\x3B
  RETURN NULL\x3B
END ';

-- The app never moves a link (it inserts and deletes), but an operator's UPDATE still counts for both ends.
CREATE FUNCTION atrium_customer_source_touch_moved() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Customer" c SET "changedXact" = pg_current_xact_id()
   WHERE c."changedXact" <> pg_current_xact_id()
     AND (c."workspaceId", c.id) IN ((OLD."workspaceId", OLD."customerId"), (NEW."workspaceId", NEW."customerId"))\x3B
  RETURN NULL\x3B
END ';

CREATE TRIGGER "CustomerSource_touch_insert" AFTER INSERT ON "CustomerSource"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_source_touch();
CREATE TRIGGER "CustomerSource_touch_delete" AFTER DELETE ON "CustomerSource"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION atrium_customer_source_touch();
CREATE TRIGGER "CustomerSource_touch_update" AFTER UPDATE OF "workspaceId", "customerId" ON "CustomerSource"
  FOR EACH ROW EXECUTE FUNCTION atrium_customer_source_touch_moved();

-- A member's consent states as one character per consent key, in the order of CONSENT_KEYS
-- (lib/schemas/consents.ts) and of atrium_customer_facets: g(ranted), d(enied) or - (neither), by the same
-- atrium_facet_consent, and NULL without any consent. Compact on purpose (a jsonb map took 113 of a member
-- row's 265 bytes, and reports scan every member), and one inlinable expression because a build computes
-- it for hundreds of thousands of customers. A key added to atrium_customer_facets must be added here, at
-- its place (lib/server/reports/view-membership.int.test.ts checks both against CONSENT_KEYS).
CREATE FUNCTION atrium_facet_consent_states(consents jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT CASE WHEN consents <> ''{}'' THEN concat(
    coalesce(left(atrium_facet_consent(consents, ''{marketing,traditional,telephonic,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,traditional,papery,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,automatic,sms,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,automatic,email,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,automatic,push,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,automatic,im,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{marketing,automatic,telephonic,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{profiling,classic,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{profiling,online,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{softSpam,email,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{softSpam,papery,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{thirdPartyTransfer,profiling,status}''), 1), ''-''),
    coalesce(left(atrium_facet_consent(consents, ''{thirdPartyTransfer,marketing,status}''), 1), ''-'')) END
';

-- Statistics for the new column now: without them the planner guesses that a third of the customers
-- changed since a membership's last refresh, and scans them all instead of using the index.
ANALYZE "Customer";

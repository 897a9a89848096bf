// A view's members, kept in "ViewMember" for growth and composition (migration view_report_members):
// evaluating a view's filter over a million customers costs about a second, reading its members a few
// tens of milliseconds. Before each such report the membership is refreshed: only the customers written
// since its previous refresh (Customer."changedXact" at or above the snapshot xmin that refresh started
// with) are evaluated again. Erased customers leave through the foreign key's cascade.
//
// Only filters that read nothing but the customer's own row can be kept this way. An event condition
// depends on the Event table and on now() ("within P30D"), which no customer write signals, so views
// with one are evaluated live, as before (see usesMembers). Every other condition compares the row with
// fixed values (a bare date on a timestamp compiles to the instants its day starts and ends in the
// workspace's zone, see lib/server/query/field-condition.ts, so a change of zone changes the compiled
// filter and its membershipKey, and the members are rebuilt): a member stays a member until the
// customer is written.
import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Filter } from "@/lib/schemas/filters";
import { db, type Tx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/core/errors";
import { log } from "@/lib/server/log";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { queueViewChanges } from "./view-webhooks";
import { loadViewSelection } from "./view-selection";

/** Bump when what a member row holds changes: every membership is then rebuilt on its next report. */
const MEMBER_ROWS_VERSION = 1;
/** The first key of the two-key advisory locks on a view's membership (one key space of its own). */
const LOCK_CLASS = 0x76696577; // "view"
/** A first build reads every customer once: allow it minutes, like the daily summary rebuild. */
const REFRESH_TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 } as const;

export interface MemberView {
  workspaceId: string;
  viewId: string;
  /** The view's compiled filter, a condition on customers aliased `c`. */
  condition: Prisma.Sql;
}

function readsEvents(filter: Filter): boolean {
  if ("and" in filter) return filter.and.some(readsEvents);
  if ("or" in filter) return filter.or.some(readsEvents);
  if ("not" in filter) return readsEvents(filter.not);
  return "event" in filter;
}

/** Whether reports on this view read its kept members (true) or evaluate its filter live. */
export function usesMembers(filter: Filter): boolean {
  return !readsEvents(filter);
}

/**
 * What the members were computed for: the compiled filter, not the stored one, so that a change to an
 * extended property's declared type (which changes how the filter compiles) rebuilds them too.
 */
export function membershipKey(condition: Prisma.Sql): string {
  const compiled = JSON.stringify({
    version: MEMBER_ROWS_VERSION,
    strings: condition.strings,
    values: condition.values,
  });
  return createHash("sha256").update(compiled).digest("base64url");
}

/** Writes the member rows of the ACTIVE customers `which` selects that match the view (upserting). */
function insertMembers(tx: Tx, view: MemberView, which: Prisma.Sql) {
  return tx.$executeRaw`${membersInsert(view, which)}`;
}

/** The same, returning the customers that were not members before (xmax = 0: inserted, not updated). */
async function insertMembersReturningNew(tx: Tx, view: MemberView, which: Prisma.Sql): Promise<string[]> {
  const rows = await tx.$queryRaw<{ customerId: string; entered: boolean }[]>`
    ${membersInsert(view, which)} RETURNING "customerId"::text AS "customerId", (xmax = 0) AS entered`;
  return rows.filter((r) => r.entered).map((r) => r.customerId);
}

function membersInsert(view: MemberView, which: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ViewMember" ("workspaceId", "viewId", "customerId", "createdAt", gender, country, "birthDate", tags, consents, "sourceIds")
    SELECT c."workspaceId", ${view.viewId}::uuid, c.id, c."createdAt",
           atrium_facet_gender(c.base), atrium_facet_country(c.base), atrium_facet_birth_date(c.base),
           ARRAY(SELECT atrium_facet_tags(c.tags)), atrium_facet_consent_states(c.consents),
           ARRAY(SELECT l."sourceId" FROM "CustomerSource" l WHERE l."workspaceId" = c."workspaceId" AND l."customerId" = c.id ORDER BY 1)
      FROM "Customer" c
     WHERE c."workspaceId" = ${view.workspaceId}::uuid AND c.status = 'ACTIVE' AND ${which} AND ${view.condition}
    ON CONFLICT ("workspaceId", "viewId", "customerId") DO UPDATE
      SET "createdAt" = EXCLUDED."createdAt", gender = EXCLUDED.gender, country = EXCLUDED.country, "birthDate" = EXCLUDED."birthDate",
          tags = EXCLUDED.tags, consents = EXCLUDED.consents, "sourceIds" = EXCLUDED."sourceIds"`;
}

async function rebuild(tx: Tx, view: MemberView, key: string, xmin: string): Promise<void> {
  const { workspaceId, viewId } = view;
  await tx.$executeRaw`DELETE FROM "ViewMember" WHERE "workspaceId" = ${workspaceId}::uuid AND "viewId" = ${viewId}::uuid`;
  await insertMembers(tx, view, Prisma.sql`TRUE`);
  // Fresh statistics, or the planner takes a view of any size for a handful of rows (see catchUp).
  // ANALYZE needs the table owner: a SECURITY DEFINER function of the owner runs it.
  await tx.$executeRaw`SELECT atrium_analyze_view_members()`;
  await tx.$executeRaw`
    INSERT INTO "ViewMembership" ("workspaceId", "viewId", "filterKey", "sinceXmin", "builtAt", "refreshedAt")
    VALUES (${workspaceId}::uuid, ${viewId}::uuid, ${key}, ${xmin}::xid8, now(), now())
    ON CONFLICT ("workspaceId", "viewId") DO UPDATE
      SET "filterKey" = EXCLUDED."filterKey", "sinceXmin" = EXCLUDED."sinceXmin", "builtAt" = now(), "refreshedAt" = now()`;
}

/**
 * Re-evaluates the customers written since `since`: those that match now are (re)written, the others'
 * rows are deleted. A change committed between the two statements has an xid at or above the new xmin,
 * so the next refresh reads it again; reading a customer twice is harmless.
 */
async function catchUp(tx: Tx, view: MemberView, since: string, xmin: string): Promise<void> {
  const { workspaceId, viewId } = view;
  const changed = Prisma.sql`c."changedXact" >= ${since}::xid8`;
  const entered = await insertMembersReturningNew(tx, view, changed);
  // The changed customers first (an InitPlan over the changedXact index), then their member rows by key:
  // a join could start from the view's members, all of them, when ViewMember's statistics are stale.
  const left = await tx.$queryRaw<{ customerId: string }[]>`
    DELETE FROM "ViewMember" m
     WHERE m."workspaceId" = ${workspaceId}::uuid AND m."viewId" = ${viewId}::uuid
       AND m."customerId" = ANY (ARRAY(
             SELECT c.id FROM "Customer" c
              WHERE c."workspaceId" = ${workspaceId}::uuid AND ${changed} AND (c.status = 'ACTIVE' AND ${view.condition}) IS NOT TRUE))
    RETURNING m."customerId"::text AS "customerId"`;
  // In this transaction: the messages commit with the membership change they tell of, or not at all.
  await queueViewChanges(tx, { workspaceId, viewId, entered, left: left.map((r) => r.customerId) });
  await tx.$executeRaw`
    UPDATE "ViewMembership" SET "sinceXmin" = ${xmin}::xid8, "refreshedAt" = now()
     WHERE "workspaceId" = ${workspaceId}::uuid AND "viewId" = ${viewId}::uuid`;
}

/**
 * True when the members are built for this filter and no customer was written since their last refresh:
 * the common case, answered by one read (no transaction, no write). Not advancing the xmin is always
 * safe: writes still uncommitted now are then read by a later refresh.
 */
async function isCurrent(view: MemberView, key: string): Promise<boolean> {
  // max() reads one entry at the end of the changedXact index, whatever the statistics say (an EXISTS
  // with the xmin as a runtime value may be planned as a scan of the whole table).
  const [state] = await db().$queryRaw<{ filterKey: string; changed: boolean }[]>`
    SELECT s."filterKey", coalesce((SELECT max(c."changedXact") FROM "Customer" c WHERE c."workspaceId" = s."workspaceId") >= s."sinceXmin", FALSE) AS changed
      FROM "ViewMembership" s
     WHERE s."workspaceId" = ${view.workspaceId}::uuid AND s."viewId" = ${view.viewId}::uuid`;
  return state !== undefined && state.filterKey === key && !state.changed;
}

async function refreshOnce(view: MemberView): Promise<void> {
  const key = membershipKey(view.condition);
  if (await isCurrent(view, key)) return;
  await db().$transaction(async (tx) => {
    // Derived data: a crash may lose the last refresh (members and state together), never mix them, so
    // the commit need not wait for the disk.
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    // One refresh per view at a time; a report that waited here finds little left to do.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${view.viewId}))`;
    const [state] = await tx.$queryRaw<{ filterKey: string; since: string }[]>`
      SELECT "filterKey", "sinceXmin"::text AS since FROM "ViewMembership"
       WHERE "workspaceId" = ${view.workspaceId}::uuid AND "viewId" = ${view.viewId}::uuid`;
    // Taken before any customer is read: every transaction that has not committed yet has an xid at or
    // above it (or none yet, and will get a larger one), so its writes are read by the next refresh.
    const [{ xmin }] = await tx.$queryRaw<
      { xmin: string }[]
    >`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
    if (!state || state.filterKey !== key) await rebuild(tx, view, key, xmin);
    else await catchUp(tx, view, state.since, xmin);
  }, REFRESH_TRANSACTION);
}

/** P2003 for Prisma's own queries; raw queries report PostgreSQL's SQLSTATE (23503). */
function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = JSON.stringify(error.meta ?? {});
  return error.code === "P2003" || meta.includes("23503") || /foreign key/i.test(error.message);
}

/**
 * Brings the view's members up to date. A customer erased while the refresh read it makes its insert
 * fail on the foreign key: the refresh is then simply run again. A view deleted meanwhile is a 404.
 */
export async function refreshViewMembers(view: MemberView): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await refreshOnce(view);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      const exists = await db().view.count({ where: { workspaceId: view.workspaceId, id: view.viewId } });
      if (exists === 0) throw notFound("View");
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Builds a view's members in the background once the view is saved (created, or its filter changed), so
 * that its first report does not pay for the build: a job (task "views.build-members") queued in the
 * saving transaction, so it runs on whichever instance's worker is free, survives a restart, and is
 * deduplicated per view while pending. Best effort: a failed build is retried, and the next report
 * builds the members anyway.
 */
export async function buildViewMembersSoon(tx: Tx, workspaceId: string, viewId: string): Promise<void> {
  await enqueue(
    "views.build-members",
    { workspaceId, viewId },
    { jobKey: `views.build-members:${viewId}`, maxAttempts: 5 },
    tx,
  );
}

/**
 * The "views.refresh-watched" task (every minute, graphile-worker's crontab: one run per minute across all
 * instances): refreshes the kept members of every view in the workspaces with an enabled view.entered or
 * view.left subscription, so those are sent within about a minute of the customer's change, not only
 * when someone opens a report on the view.
 */
export async function refreshWatchedViews(): Promise<void> {
  const watched = await db().webhookSubscription.findMany({
    where: { enabled: true, events: { hasSome: ["view.entered", "view.left"] } },
    select: { workspaceId: true },
    distinct: ["workspaceId"],
  });
  for (const { workspaceId } of watched) {
    const views = await db().view.findMany({ where: { workspaceId }, select: { id: true } });
    for (const view of views) {
      try {
        await buildViewMembers({ workspaceId, viewId: view.id });
      } catch (error) {
        // One broken view (a filter on a property since removed) must not starve the others.
        log.warn({ err: error, workspaceId, viewId: view.id }, "view refresh failed");
      }
    }
  }
}

/** The task: reads the view as it is now (a deleted view has nothing to build). */
export async function buildViewMembers({
  workspaceId,
  viewId,
}: {
  workspaceId: string;
  viewId: string;
}): Promise<void> {
  try {
    const selection = await loadViewSelection({ workspaceId, viewId });
    if (usesMembers(selection.filter))
      await refreshViewMembers({ workspaceId, viewId, condition: selection.condition });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return;
    log.warn({ err: error, workspaceId, viewId }, "Building a view's report members failed");
    throw error;
  }
}

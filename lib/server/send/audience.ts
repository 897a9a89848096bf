// Consent by construction: who a campaign reaches. The audience is the view's customers (or everyone);
// a recipient is one of them with marketing.automatic.email granted (status true, no objection), an
// e-mail address, and no suppression (hard bounce, complaint, unsubscribe). The same conditions count
// who is left out and why, and build the recipient rows in one set-based statement.
import { Prisma } from "@/lib/generated/prisma/client";
import type { AudienceCounts } from "@/lib/schemas/send";
import type { Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { UUIDV7_SQL } from "@/lib/server/db/uuidv7-sql";
import { compileConsentCondition } from "@/lib/server/query/consent-condition";
import { loadViewSelection } from "@/lib/server/views/view-selection";
import { signingKey } from "./signing";
import { suppressionHashSql } from "./suppression";

const sql = Prisma.sql;

/** The customer's e-mail (c = "Customer"), null when absent or blank. */
export const EMAIL_SQL = sql`NULLIF(btrim(c.base #>> '{contacts,email}'), '')`;

export const CONSENT_SQL = sql`(${compileConsentCondition({ consent: "marketing.automatic.email", status: true })}
  AND NOT ${compileConsentCondition({ consent: "marketing.automatic.email", objection: true })})`;

export function suppressedSql(workspaceId: string, key: Buffer): Prisma.Sql {
  return sql`EXISTS (SELECT 1 FROM "SendSuppression" s
                      WHERE s."workspaceId" = ${workspaceId}::uuid AND s."emailHash" = ${suppressionHashSql(key, EMAIL_SQL)})`;
}

/** The audience's condition on c: the workspace's active customers in the view. */
export async function audienceCondition(workspaceId: string, viewId: string | null): Promise<Prisma.Sql> {
  const view = viewId ? (await loadViewSelection({ workspaceId, viewId })).condition : sql`TRUE`;
  return sql`c."workspaceId" = ${workspaceId}::uuid AND c.status = 'ACTIVE' AND ${view}`;
}

export async function countAudience(
  workspaceId: string,
  viewId: string | null,
  client: Pick<Tx, "$queryRaw"> = db(),
): Promise<AudienceCounts> {
  const where = await audienceCondition(workspaceId, viewId);
  const key = await signingKey();
  const [row] = await client.$queryRaw<Record<keyof AudienceCounts, bigint>[]>`
    SELECT count(*) AS audience,
           count(*) FILTER (WHERE NOT consented) AS "noConsent",
           count(*) FILTER (WHERE consented AND email IS NULL) AS "noEmail",
           count(*) FILTER (WHERE consented AND email IS NOT NULL AND suppressed) AS suppressed,
           count(*) FILTER (WHERE consented AND email IS NOT NULL AND NOT suppressed) AS recipients
      FROM (SELECT ${CONSENT_SQL} AS consented, ${EMAIL_SQL} AS email,
                   (${EMAIL_SQL} IS NOT NULL AND ${suppressedSql(workspaceId, key)}) AS suppressed
              FROM "Customer" c WHERE ${where}) a`;
  return {
    audience: Number(row.audience),
    recipients: Number(row.recipients),
    noConsent: Number(row.noConsent),
    noEmail: Number(row.noEmail),
    suppressed: Number(row.suppressed),
  };
}

/**
 * Inserts one PENDING broadcast row per recipient (the unique key, whose run is null for broadcast rows and
 * nulls not distinct, makes a repeated build insert nobody twice).
 */
export async function insertRecipients(
  tx: Tx,
  input: { workspaceId: string; campaignId: string; viewId: string | null },
): Promise<number> {
  const where = await audienceCondition(input.workspaceId, input.viewId);
  const key = await signingKey();
  return tx.$executeRaw`
    INSERT INTO "CampaignRecipient" ("workspaceId", id, "campaignId", "customerId", email)
    SELECT c."workspaceId", ${UUIDV7_SQL}, ${input.campaignId}::uuid, c.id, lower(${EMAIL_SQL})
      FROM "Customer" c
     WHERE ${where} AND ${CONSENT_SQL} AND ${EMAIL_SQL} IS NOT NULL AND NOT ${suppressedSql(input.workspaceId, key)}
     ORDER BY c.id
    ON CONFLICT ("workspaceId", "campaignId", "customerId", "automationRunId") DO NOTHING`;
}

// `{ consent, status?, limitation?, objection? }` → a test of the customer's current consent state.
//
// A leaf never set is absent from c."consents" (it is not "false"), and a condition only matches
// leaves that exist: `status: false` finds customers who answered no, not those never asked. To find
// everyone without consent, negate the positive: `{ not: { consent: "…", status: true } }`.
// Without any flag the condition means "a state was recorded for this leaf".
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentCondition } from "@/lib/schemas/filters";

const sql = Prisma.sql;

export function compileConsentCondition({ consent, status, limitation, objection }: ConsentCondition): Prisma.Sql {
  const segments = consent.split(".");
  const flags = Object.fromEntries(
    Object.entries({ status, limitation, objection }).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(flags).length === 0) {
    return sql`COALESCE(jsonb_typeof(c."consents" #> ${segments}::text[]) = 'object', FALSE)`;
  }
  // { marketing: { automatic: { email: { status: true } } } }: containment needs the key present.
  const nested = segments.reduceRight<Record<string, unknown>>((inner, segment) => ({ [segment]: inner }), flags);
  return sql`COALESCE(c."consents" @> ${JSON.stringify(nested)}::jsonb, FALSE)`;
}

// One CSV record → a valid CustomerWrite or the reason it is rejected, before anything is written. The
// job and the dry run share it, so the dry run says exactly what the import would do.
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import type { ExtendedPropertyDefinition } from "@/lib/server/customers/validate-extended";
import { validateExtended } from "@/lib/server/customers/validate-extended";
import type { FieldError } from "@/lib/server/core/errors";
import { identityCandidates } from "@/lib/server/identity/identity-candidates";
import { rowToWrite, type ExtendedTypes } from "./import-mapping";
import { checkCustomerItem } from "./write-customer-item";

export interface RowContext {
  header: readonly string[];
  columns: readonly { index: number; header: string; path: string }[];
  rules: IdentityRules;
  extended: readonly ExtendedPropertyDefinition[];
  extendedTypes: ExtendedTypes;
}

export type PreparedRow = { ok: true; write: CustomerWrite } | { ok: false; reason: string };

export function describeFieldErrors(errors: readonly FieldError[] | undefined, fallback: string): string {
  if (!errors || errors.length === 0) return fallback;
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
}

export function prepareRow(record: readonly string[], context: RowContext): PreparedRow {
  if (record.length !== context.header.length) {
    return { ok: false, reason: `${record.length} fields, the header has ${context.header.length}` };
  }
  const mapped = rowToWrite(record, context.columns, context.extendedTypes);
  if (!mapped.ok) return mapped;
  const checked = checkCustomerItem(mapped.write);
  if (!checked.ok) return { ok: false, reason: describeFieldErrors(checked.result.errors, "Not a valid customer") };
  const extendedErrors = validateExtended(checked.write.extended, context.extended);
  if (extendedErrors.length > 0) return { ok: false, reason: describeFieldErrors(extendedErrors, "") };
  // Without an identity a second run of the file could not find this customer again and would add a twin.
  if (identityCandidates(checked.write, context.rules).length === 0) {
    return { ok: false, reason: "No identity to match the customer by (e-mail, phone, mobile phone or externalId)" };
  }
  return { ok: true, write: checked.write };
}

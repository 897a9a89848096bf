// Identity rules as the form edits them, and in plain words. The form keeps match rules in priority order
// (first = priority 1) and numbers them 1, 2, 3 … when saving: resolution only compares priorities, so
// the order is what matters, and numbering by position can never produce the duplicate the API refuses.
import { IDENTITY_TYPES, type IdentityPolicy, type IdentityRules } from "@/lib/schemas/identity-rules";

export type StandardIdentityType = (typeof IDENTITY_TYPES)[number];

export const CUSTOM_PREFIX = "custom:";

export const IDENTITY_TYPE_TEXT: Record<StandardIdentityType, { label: string; hint: string }> = {
  externalId: { label: "External id", hint: "The customer's id in your other systems (CRM, shop, loyalty)." },
  email: { label: "E-mail address", hint: "The customer's e-mail address." },
  mobilePhone: { label: "Mobile phone", hint: "Compared as an international number, however it was written." },
  phone: { label: "Phone", hint: "Landline or other phone, compared as an international number." },
  anonymousId: { label: "Anonymous id", hint: "The id a web site or app gives a visitor before they sign in." },
  deviceId: { label: "Device id", hint: "The id of the customer's phone or tablet." },
};

export const POLICY_TEXT: Record<IdentityPolicy, { label: string; hint: string }> = {
  MERGE: {
    label: "Merge into one customer",
    hint: "A record that shares an identity with an existing customer updates that customer. When it matches several, they are merged into the one matched by the highest-priority identity (merges can be undone).",
  },
  BLOCK: {
    label: "Refuse the record",
    hint: "A record that matches an existing customer is rejected and the sending system gets an error; nothing is changed. Use it when duplicates must be resolved by hand.",
  },
  NO_CHECK: {
    label: "Always create a new customer",
    hint: "Identities are never compared: every new record becomes a new customer, even when someone with the same e-mail already exists.",
  },
};

export function isPhoneType(identity: string): boolean {
  return identity === "mobilePhone" || identity === "phone";
}

export function identityLabel(identity: string): string {
  if (identity.startsWith(CUSTOM_PREFIX)) return `Custom: ${identity.slice(CUSTOM_PREFIX.length)}`;
  return IDENTITY_TYPE_TEXT[identity as StandardIdentityType]?.label ?? identity;
}

export interface MatchRow {
  identity: string;
  caseSensitive: boolean;
}

export interface IdentityRulesFormValues {
  policy: IdentityPolicy;
  /** Highest priority first. */
  match: MatchRow[];
  blockedValues: string[];
}

export function formValuesOf(rules: IdentityRules): IdentityRulesFormValues {
  const match = [...rules.match]
    .sort((a, b) => a.priority - b.priority)
    .map(({ identity, caseSensitive }) => ({ identity, caseSensitive }));
  return { policy: rules.policy, match, blockedValues: [...rules.blockedValues] };
}

/** The PUT body: priorities by position, blocked values trimmed, blank and repeated ones dropped. */
export function identityRulesBody(values: IdentityRulesFormValues): IdentityRules {
  const blocked = values.blockedValues.map((value) => value.trim()).filter((value) => value !== "");
  return {
    policy: values.policy,
    match: values.match.map((row, index) => ({
      identity: row.identity,
      caseSensitive: row.caseSensitive,
      priority: index + 1,
    })),
    blockedValues: [...new Set(blocked)],
  };
}

/** Moves the row at `from` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveRow<T>(rows: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/**
 * What saving `after` changes compared with `before`, one sentence each, for the confirmation before
 * saving. Empty when nothing that affects linking changed.
 */
export function describeRuleChanges(before: IdentityRules, after: IdentityRules): string[] {
  const was = formValuesOf(before);
  const will = formValuesOf(after);
  const changes: string[] = [];
  if (was.policy !== will.policy) {
    const policy = (name: IdentityPolicy) => POLICY_TEXT[name].label.toLowerCase();
    changes.push(`When a record matches a customer: ${policy(will.policy)} (until now: ${policy(was.policy)}).`);
  }
  const oldRules = new Map(was.match.map((row) => [row.identity, row]));
  const newRules = new Map(will.match.map((row) => [row.identity, row]));
  for (const row of will.match) {
    const old = oldRules.get(row.identity);
    if (!old) changes.push(`${identityLabel(row.identity)} will now link records to a customer.`);
    else if (old.caseSensitive !== row.caseSensitive && !isPhoneType(row.identity)) {
      changes.push(
        `${identityLabel(row.identity)} will be compared ${row.caseSensitive ? "with" : "ignoring"} upper and lower case.`,
      );
    }
  }
  for (const row of was.match) {
    if (!newRules.has(row.identity)) changes.push(`${identityLabel(row.identity)} will no longer link records.`);
  }
  const order = (rows: MatchRow[]) =>
    rows.map((row) => row.identity).filter((identity) => oldRules.has(identity) && newRules.has(identity));
  if (order(was.match).join("\n") !== order(will.match).join("\n")) {
    changes.push(
      `The priority order becomes ${will.match.map((row) => identityLabel(row.identity)).join(" → ")}; it decides which customer survives a merge.`,
    );
  }
  const oldBlocked = new Set(was.blockedValues.map((value) => value.trim().toLowerCase()));
  const newBlocked = new Set(will.blockedValues.map((value) => value.trim().toLowerCase()));
  const added = [...newBlocked].filter((value) => !oldBlocked.has(value));
  const removed = [...oldBlocked].filter((value) => !newBlocked.has(value));
  if (added.length > 0) changes.push(`${quoteList(added)} will never be used to link records.`);
  if (removed.length > 0) changes.push(`${quoteList(removed)} will be used to link records again.`);
  return changes;
}

function quoteList(values: string[]): string {
  const shown = values.slice(0, 5).map((value) => `“${value}”`);
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/** The identity types not yet in the rules, for the "add" picker. */
export function unusedStandardTypes(rows: readonly MatchRow[]): StandardIdentityType[] {
  const used = new Set(rows.map((row) => row.identity));
  return IDENTITY_TYPES.filter((type) => !used.has(type));
}

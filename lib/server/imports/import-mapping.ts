// CSV columns → a CustomerWrite. Pure: the upload (header check), the dry run and the job read rows the
// same way. Headers named by a field path map themselves; others need the caller's mapping (or a
// suggestion from the header's wording, which the UI shows and the caller confirms).
import { IMPORT_FIELD_PATH, type ImportMapping } from "@/lib/schemas/imports";
import { CONSENT_KEYS } from "@/lib/schemas/consents";
import { ZCustomerBase } from "@/lib/schemas/customer-base";
import type { FieldError } from "@/lib/server/core/errors";

export const IGNORE = "ignore";

/** Plain wordings of common headers (lower case, without spaces, dashes and underscores). */
const SUGGESTIONS: Record<string, string> = {
  email: "base.contacts.email",
  emailaddress: "base.contacts.email",
  mail: "base.contacts.email",
  firstname: "base.firstName",
  givenname: "base.firstName",
  name: "base.firstName",
  lastname: "base.lastName",
  surname: "base.lastName",
  familyname: "base.lastName",
  phone: "base.contacts.phone",
  telephone: "base.contacts.phone",
  mobile: "base.contacts.mobilePhone",
  mobilephone: "base.contacts.mobilePhone",
  cell: "base.contacts.mobilePhone",
  country: "base.address.country",
  city: "base.address.city",
  zip: "base.address.zip",
  postcode: "base.address.zip",
  postalcode: "base.address.zip",
  street: "base.address.street",
  address: "base.address.street",
  province: "base.address.province",
  gender: "base.gender",
  birthdate: "base.dob",
  dateofbirth: "base.dob",
  dob: "base.dob",
  locale: "base.locale",
  language: "base.locale",
  timezone: "base.timezone",
  id: "externalId",
  customerid: "externalId",
  externalid: "externalId",
  tags: "tags",
  tag: "tags",
  newsletter: "consents.marketing.automatic.email",
  emailmarketing: "consents.marketing.automatic.email",
  acceptsmarketing: "consents.marketing.automatic.email",
  smsmarketing: "consents.marketing.automatic.sms",
};

/** A mapping suggested from the header row: field paths map themselves, plain wordings are guessed. */
export function suggestMapping(header: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of header) {
    if (IMPORT_FIELD_PATH.test(column) && !column.startsWith("identity.")) out[column] = column;
    else {
      const guess = SUGGESTIONS[column.toLowerCase().replace(/[\s_\-.]/g, "")];
      if (guess) out[column] = guess;
    }
  }
  return out;
}

/**
 * The mapping an import runs with: self-mapping headers, then the caller's entries. Headers neither maps
 * are ignored (and reported as unmapped). Errors name `mapping.<header>`.
 */
export function resolveMapping(
  header: readonly string[],
  given: ImportMapping | undefined,
): { mapping: Record<string, string>; unmapped: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const mapping: Record<string, string> = {};
  for (const column of header) if (IMPORT_FIELD_PATH.test(column) && column !== IGNORE) mapping[column] = column;
  for (const [column, path] of Object.entries(given ?? {})) {
    if (!header.includes(column)) errors.push({ path: `mapping.${column}`, message: "No such column in the file" });
    else mapping[column] = path;
  }
  for (const [column, path] of Object.entries(mapping)) {
    const problem = pathProblem(path);
    if (problem) errors.push({ path: `mapping.${column}`, message: problem });
  }
  const targets = Object.values(mapping).filter((p) => p !== IGNORE && p !== "tags");
  for (const path of new Set(targets)) {
    if (targets.filter((p) => p === path).length > 1)
      errors.push({ path: "mapping", message: `Several columns map to ${path}` });
  }
  for (const [column, path] of Object.entries(mapping)) if (path === IGNORE) delete mapping[column];
  const unmapped = header.filter((column) => !(column in mapping));
  return { mapping, unmapped, errors };
}

const CONSENT_FLAGS = new Set(["status", "limitation", "objection"]);

function consentTarget(path: string): { key: string; flag: string } | null {
  const rest = path.slice("consents.".length);
  if ((CONSENT_KEYS as readonly string[]).includes(rest)) return { key: rest, flag: "status" };
  const dot = rest.lastIndexOf(".");
  const key = rest.slice(0, dot);
  const flag = rest.slice(dot + 1);
  return (CONSENT_KEYS as readonly string[]).includes(key) && CONSENT_FLAGS.has(flag) ? { key, flag } : null;
}

function pathProblem(path: string): string | null {
  if (!IMPORT_FIELD_PATH.test(path)) return "Must be a field path (base.firstName, extended.<name>, tags, …) or ignore";
  if (path.startsWith("identity.")) return "Custom identities cannot be imported from a file yet";
  if (path.startsWith("base.")) return basePathProblem(path.slice("base.".length).split("."));
  if (path.startsWith("consents.") && !consentTarget(path))
    return `Unknown consent; use consents.<key> with a key of ${CONSENT_KEYS.join(", ")}`;
  return null;
}

/** A base path must name a field of CustomerBase that holds text (a cell cannot fill a list or an object). */
function basePathProblem(parts: string[]): string | null {
  const probe: Record<string, unknown> = {};
  setPath(probe, parts, "x");
  const result = ZCustomerBase.safeParse(probe);
  if (result.success) return null;
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys" || issue.path.length < parts.length) return "No such field of base";
    if (issue.code === "invalid_type" && (issue.expected === "array" || issue.expected === "object"))
      return "This field holds a list or an object, which a column cannot fill";
  }
  return null;
}

const TRUE = new Set(["true", "yes", "y", "1", "si", "sì", "x"]);
const FALSE = new Set(["false", "no", "n", "0"]);

function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : null;
}

/** Tags in one cell: separated by commas, semicolons or pipes. */
export function splitTags(value: string): string[] {
  return value
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

function setPath(target: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/** The declared type of each extended property, so that "42" becomes 42 where a number is expected. */
export type ExtendedTypes = ReadonlyMap<string, string>;

function extendedValue(value: string, type: string | undefined): { value: unknown } | { reason: string } {
  switch (type) {
    case "number":
    case "integer": {
      const n = Number(value.replace(",", "."));
      return Number.isFinite(n) ? { value: n } : { reason: "not a number" };
    }
    case "boolean": {
      const b = parseBoolean(value);
      return b === null ? { reason: "not yes/no" } : { value: b };
    }
    case "array":
      return { value: splitTags(value) };
    case "object":
      try {
        return { value: JSON.parse(value) as unknown };
      } catch {
        return { reason: "not a JSON object" };
      }
    default:
      return { value };
  }
}

export type RowResult = { ok: true; write: Record<string, unknown> } | { ok: false; reason: string };

/**
 * One CSV record as a CustomerWrite-shaped object (validated afterwards by the write's own schema). Empty
 * cells carry nothing. `columns` are the header's positions of the mapped columns.
 */
export function rowToWrite(
  record: readonly string[],
  columns: readonly { index: number; header: string; path: string }[],
  extendedTypes: ExtendedTypes,
): RowResult {
  const write: Record<string, unknown> = {};
  for (const { index, header, path } of columns) {
    const value = (record[index] ?? "").trim();
    if (value === "") continue;
    if (path === "tags") {
      const tags = [...((write.tags as string[] | undefined) ?? []), ...splitTags(value)];
      write.tags = tags;
    } else if (path.startsWith("consents.")) {
      const target = consentTarget(path);
      const flag = parseBoolean(value);
      if (!target) return { ok: false, reason: `${header}: unknown consent` };
      if (flag === null) return { ok: false, reason: `${header}: expected yes/no, true/false or 1/0` };
      setPath(write, ["consents", ...target.key.split("."), target.flag], flag);
    } else if (path.startsWith("extended.")) {
      const name = path.slice("extended.".length);
      const converted = extendedValue(value, extendedTypes.get(name));
      if ("reason" in converted) return { ok: false, reason: `${header}: ${converted.reason}` };
      setPath(write, ["extended", name], converted.value);
    } else {
      setPath(write, path.split("."), value);
    }
  }
  return { ok: true, write };
}

/** The mapped columns with their positions in the header. */
export function mappedColumns(header: readonly string[], mapping: Record<string, string>) {
  return header.flatMap((column, index) =>
    mapping[column] && mapping[column] !== IGNORE ? [{ index, header: column, path: mapping[column] }] : [],
  );
}

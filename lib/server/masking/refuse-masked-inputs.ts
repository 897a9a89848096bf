// Step "personal data" of the route wrapper, on the way in: what a caller who sees personal data masked
// may not send (EndpointContract.personalData). Refused with 403 naming the parameter, before the handler runs.
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { isMaskedField } from "@/lib/schemas/customer-base";
import { AppError } from "@/lib/server/core/errors";
import { maskedConditionPath } from "./masked-filter";

const refuse = (path: string, message: string) => new AppError("forbidden", message, { errors: [{ path, message }] });

/** Throws for an endpoint that has no masked form at all ("refuse"). */
export function refuseUnmaskable(contract: EndpointContract): void {
  if (contract.personalData?.masked === "refuse") {
    throw new AppError(
      "forbidden",
      "You see personal data masked: this answer holds a person's data in clear and has no masked form",
    );
  }
}

function check(input: unknown, names: readonly string[] | undefined, location: "query" | "body"): void {
  if (!names || typeof input !== "object" || input === null) return;
  const values = input as Record<string, unknown>;
  const prefix = location === "query" ? "query." : "";
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null) continue;
    // An order by a masked field would reveal how the values compare, one page at a time.
    if (name === "sort") {
      if (typeof value === "string" && isMaskedField(value.replace(/^-/, "")))
        throw refuse(`${prefix}sort`, "You see personal data masked: you may not sort by this field");
      continue;
    }
    if (name === "filter") {
      const path = maskedConditionPath(value, `${prefix}filter`);
      if (path)
        throw refuse(path, "You see personal data masked: you may not filter by this field, only by its presence");
      continue;
    }
    // A boolean is a switch of masking itself (a view's maskPersonalData): only turning it off is refused.
    if (value === true) continue;
    const message =
      value === false
        ? "You see personal data masked: you may not turn masking off"
        : "You see personal data masked: you may not search by personal values";
    throw refuse(`${prefix}${name}`, message);
  }
}

/** Throws when the parsed query or body searches by a personal value. */
export function refuseMaskedSearch(contract: EndpointContract, query: unknown, body: unknown): void {
  const searchBy = contract.personalData?.searchBy;
  if (!searchBy) return;
  check(query, searchBy.query, "query");
  check(body, searchBy.body, "body");
}

// Outgoing webhook payloads for a subscription with maskPersonalData: the data of each kind masked as the
// API masks it for a masked member (the same maskers, so the payload keeps the REST shapes).
import type { Customer } from "@/lib/schemas/customers";
import { maskCustomer, maskText } from "@/lib/server/masking/mask-customer";
import { maskFreeForm } from "./mask-free-form";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const customer = (value: unknown) => (isObject(value) ? maskCustomer(value as unknown as Customer) : value);

/** The `data` of a message of this type, masked. */
export function maskPayloadData(type: string, data: unknown): unknown {
  if (!isObject(data)) return data;
  switch (type) {
    case "customer.created":
    case "customer.updated":
      return customer(data);
    case "customer.merged":
    case "customer.unmerged": {
      const { customer: survivor, ...details } = data;
      return { ...(maskFreeForm(details) as Json), customer: customer(survivor) };
    }
    case "event.created":
      return {
        ...data,
        anonymousId: typeof data.anonymousId === "string" ? maskText(data.anonymousId) : data.anonymousId,
        properties: maskFreeForm(data.properties),
        contextInfo: maskFreeForm(data.contextInfo),
      };
    default:
      // consent.changed carries ids and consent flags; customer.erased only the id.
      return data;
  }
}

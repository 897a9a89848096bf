// Step "personal data" of the route wrapper, on the way out: the answer of every endpoint whose contract
// declares personal data (EndpointContract.personalData) is masked here for a caller who sees personal data
// masked, once for all handlers. Each masker keeps its response schema valid (the masked values are strings
// of the same fields; customers take the MaskedCustomer shape), which the contract check verifies.
import type { Customer, CustomerRead } from "@/lib/schemas/customers";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { maskCustomer, maskEmail, maskText } from "@/lib/server/masking/mask-customer";
import { maskFreeForm } from "./mask-free-form";
import { maskFilter } from "./masked-filter";

type Json = Record<string, unknown>;
type Masker = (body: Json) => Json;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A customer once: an already masked one (a masking view) stays as it is. */
const customer: Masker = (body) => (body.masked === true ? body : (maskCustomer(body as unknown as Customer) as Json));

const page =
  (item: Masker): Masker =>
  (body) => ({
    ...body,
    data: Array.isArray(body.data) ? body.data.map((x) => (isObject(x) ? item(x) : x)) : body.data,
  });

const fields =
  (maskers: Record<string, (value: unknown) => unknown>): Masker =>
  (body) => {
    const out = { ...body };
    for (const [key, mask] of Object.entries(maskers))
      if (out[key] !== undefined && out[key] !== null) out[key] = mask(out[key]);
    return out;
  };

const text = (value: unknown) => (typeof value === "string" ? maskText(value) : value);
const email = (value: unknown) => (typeof value === "string" ? maskEmail(value) : value);
const freeForm = (value: unknown) => maskFreeForm(value);
const hidden = (value: unknown) => (typeof value === "string" ? "***" : value);

const identity: Masker = (body) => {
  const masked = maskCustomer({
    id: "",
    externalId: null,
    base: {},
    extended: {},
    tags: [],
    identities: [body as never],
    sourceIds: [],
    createdAt: "",
    updatedAt: "",
  });
  return { ...body, value: masked.identities[0].value };
};

const event = fields({ anonymousId: text, properties: freeForm, contextInfo: freeForm });
const view = fields({ filter: maskFilter });

/** Every masker, by operation id; mask-response.test.ts checks this list against the contracts. */
export const RESPONSE_MASKERS: Record<string, Masker> = {
  createCustomer: customer,
  getCustomer: customer,
  patchCustomer: customer,
  replaceCustomer: customer,
  mergeCustomers: customer,
  previewCustomerMerge: fields({
    customers: (list) => (Array.isArray(list) ? list.map((c) => customer(c as Json)) : list),
    result: (c) => customer(c as Json),
  }),
  unmergeCustomer: fields({ survivor: (c) => customer(c as Json), restored: (c) => customer(c as Json) }),
  listCustomers: page(customer),
  searchCustomers: page(customer),
  listViewCustomers: page(customer),
  // A count reveals no value; what may be counted by is checked on the way in.
  countCustomers: (body) => body,
  listCustomerIdentities: page(identity),
  addCustomerIdentity: identity,
  listCustomerMerges: page(fields({ reason: freeForm })),
  getEvent: event,
  listEvents: page(event),
  listCustomerEvents: page(event),
  listConsentHistory: page(fields({ evidence: text, previous: freeForm, current: freeForm })),
  listAuditEntries: page(fields({ details: freeForm })),
  listIntegrationDeliveries: page(fields({ result: freeForm })),
  getView: view,
  listViews: page(view),
  createView: view,
  updateView: view,
  listCampaignRecipients: page(fields({ email, error: freeForm })),
  // A rendered message greets its recipient by name: only its envelope stays readable.
  getOutboxMessage: fields({ to: email, html: hidden, text: hidden, headers: freeForm }),
  listOutbox: page(fields({ to: email, html: hidden, text: hidden, headers: freeForm })),
};

/** The body as a caller who sees personal data masked may read it. */
export function maskResponse(contract: EndpointContract, body: unknown): unknown {
  if (contract.personalData?.masked !== "mask" || !isObject(body)) return body;
  const masker = RESPONSE_MASKERS[contract.operationId];
  // A contract that declares personal data without a masker must not answer in clear.
  if (!masker) throw new Error(`No masker for ${contract.operationId}, which declares personal data`);
  return masker(body);
}

/** For handlers that write a file themselves (CSV exports): the customer as this caller may read it. */
export function customerPresenter(
  masked: boolean,
  present?: (customer: Customer) => CustomerRead,
): ((customer: Customer) => CustomerRead) | undefined {
  if (!masked) return present;
  return (value) => {
    const shown = present ? present(value) : value;
    return "masked" in shown && shown.masked === true ? shown : maskCustomer(shown);
  };
}

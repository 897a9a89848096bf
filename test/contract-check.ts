// The contract check: every response a route handler gives in the integration suite (every call made through
// handlerOf, errors included) is validated against the live OpenAPI document: its status must be documented
// for the operation, its media type documented for that status, and a JSON body must match the documented
// schema (JSON Schema 2020-12, with formats). The document then cannot drift from what the API answers.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { buildOpenApiDocument } from "@/lib/server/openapi/document";
import { recordCheckedResponse } from "./contract-coverage";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

interface MediaObject {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaObject>;
  headers?: Record<string, unknown>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}
type Document = { paths: Record<string, Record<string, OperationObject>> };

let state: { ajv: Ajv2020; document: Document; validators: Map<string, ValidateFunction> } | undefined;

function load() {
  if (state) return state;
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Document;
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "openapi.json");
  state = { ajv, document, validators: new Map() };
  return state;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export class ContractViolation extends Error {}

/** What the check needs of an operation: an EndpointContract, or a tracking (/v1) operation. */
type DocumentedOperation = Pick<EndpointContract, "method" | "path" | "operationId"> & { success: { status: number } };

/** Throws a ContractViolation when the response does not match the document. */
export async function checkResponse(endpoint: DocumentedOperation, res: Response): Promise<void> {
  const { ajv, document, validators } = load();
  const method = endpoint.method.toLowerCase();
  const operation = document.paths[endpoint.path]?.[method];
  const where = `${endpoint.operationId} (${endpoint.method} ${endpoint.path}) answered ${res.status}`;
  if (!operation) throw new ContractViolation(`${endpoint.operationId} is not in the OpenAPI document`);
  const response = operation.responses[String(res.status)];
  if (!response) throw new ContractViolation(`${where}, which the document does not list`);
  if (!res.headers.get("x-request-id")) throw new ContractViolation(`${where} without X-Request-Id`);
  if (response.headers?.Location && res.status === endpoint.success.status && !res.headers.get("location"))
    throw new ContractViolation(`${where} without its documented Location header`);
  const text = await res.text();
  if (!response.content) {
    if (text !== "") throw new ContractViolation(`${where} with a body the document does not describe`);
    recordCheckedResponse(endpoint.operationId, res.status);
    return;
  }
  const mediaType = (res.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!response.content[mediaType])
    throw new ContractViolation(`${where} as ${mediaType || "no media type"}, not documented`);
  if (!mediaType.endsWith("json")) {
    recordCheckedResponse(endpoint.operationId, res.status);
    return;
  }
  const key = pointer("paths", endpoint.path, method, "responses", String(res.status), "content", mediaType, "schema");
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#/${key}` });
    validators.set(key, validate);
  }
  const body: unknown = JSON.parse(text);
  if (!validate(body)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}`)
      .join("; ");
    throw new ContractViolation(`${where} with a body that breaks its schema: ${problems}`);
  }
  recordCheckedResponse(endpoint.operationId, res.status);
}

// @atrium/node — Atrium's typed Node/TypeScript SDK (docs/tracking.md, "Node SDK").
export { createAtriumClient, type AtriumClient, type AtriumClientOptions } from "./client.js";
export { AtriumProblemError, type FieldError, type Problem } from "./errors.js";
export { Batcher, type BatcherOptions, type FlushResult, type TrackOptions, type EventSubject } from "./batcher.js";
export { paginate } from "./paginate.js";
export { ok } from "./result.js";
export { TokenSource, type ClientCredentials } from "./token.js";
export type { RetryOptions } from "./retry.js";
export type { components, operations, paths } from "./generated/openapi.js";

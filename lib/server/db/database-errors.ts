// Recognising two families of database failures by what the drivers carry (node-postgres errors, Prisma's
// errors and the driver adapter's mapped ones, and their causes):
// - the database is unreachable or overloaded (refused or reset connections, a pool or statement timeout, a
//   server shutting down): the request can be retried later, so the API answers 503 with Retry-After;
// - the database refused a value (SQLSTATE class 22 data exception, 23 integrity, 54 program limit): the fault
//   is in one item, so a batch can store its other items (events/ingest.ts).
import { AppError } from "@/lib/server/core/errors";

/** How long clients are asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
const ADAPTER_KINDS: ReadonlySet<string> = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// P1001 cannot reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection,
// P2024 timed out fetching a connection from the pool.
const PRISMA_CODES: ReadonlySet<string> = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// 08… connection exception, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections,
// 57014 statement timeout or cancel, 53… insufficient resources.
const OUTAGE_SQLSTATE = /^(08|53|57P0|57014)/;
const DATA_SQLSTATE = /^(22|23|54)/;
const OUTAGE_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|connection error|terminating connection|the database system is (starting up|shutting down)|Can't reach database server/i;

interface Facts {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
}

/** The error and everything it wraps (causes, the driver adapter's error), each looked at once. */
function* layers(error: unknown): Generator<Facts> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current as Facts;
    const record = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    queue.push(record.cause, record.meta?.driverAdapterError);
  }
}

const sqlStateOf = (facts: Facts) =>
  [facts.originalCode, facts.code].find(
    (code): code is string => typeof code === "string" && /^[0-9A-Z]{5}$/.test(code),
  );

export function isOutageError(error: unknown): boolean {
  for (const facts of layers(error)) {
    if (facts.name === "PrismaClientInitializationError") return true;
    if (typeof facts.code === "string" && (SOCKET_CODES.has(facts.code) || PRISMA_CODES.has(facts.code))) return true;
    if (typeof facts.kind === "string" && ADAPTER_KINDS.has(facts.kind)) return true;
    const state = sqlStateOf(facts);
    if (state && OUTAGE_SQLSTATE.test(state)) return true;
    if (typeof facts.message === "string" && OUTAGE_MESSAGE.test(facts.message)) return true;
  }
  return false;
}

export function isDataError(error: unknown): boolean {
  if (isOutageError(error)) return false;
  for (const facts of layers(error)) {
    const state = sqlStateOf(facts);
    if (state && DATA_SQLSTATE.test(state)) return true;
  }
  return false;
}

/** An outage as the expected failure the API answers with 503 and Retry-After; anything else unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof AppError || !isOutageError(error)) return error;
  return new AppError("unavailable", "The database is unavailable; retry shortly", {
    retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
  });
}

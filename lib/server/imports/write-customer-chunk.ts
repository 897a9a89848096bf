// Many customer writes at once (an import's batch of rows, POST …/customers/batch) with the outcome
// per-row resolution would give each: suppressed identities are dropped and counted for the whole chunk in
// one statement, the plain new people are created set-based (bulkCreateCustomers) in one transaction, and
// everything else — writes matching existing customers, twins inside the chunk, anything unusual — goes
// through resolveCustomerWrite row by row afterwards. Correctness never rests on the fast path: a write it
// declines, or a chunk it fails on a conflict, is simply written the per-row way.
import pg from "pg";
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { Actor } from "@/lib/server/audit/record-audit";
import type { ResolveCustomerWriteInput } from "@/lib/server/customers/resolve-customer-write";
import { isRetryableConflict, retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { INGEST_POOL_SIZE, inIngestTransaction, type SqlTx } from "@/lib/server/events/ingest-transaction";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import { dropSuppressed } from "@/lib/server/suppression/drop-suppressed";
import { suppressedConflict } from "@/lib/server/suppression/refuse-suppressed";
import { bulkCreateCustomers } from "./bulk-create-customers";
import { updateMatchedCustomers } from "./update-matched-customers";
import { mapLimited } from "./map-limited";
import { planCustomerChunk } from "./plan-customer-chunk";
import { writeCustomerItem, type ItemResult } from "./write-customer-item";

export interface WriteCustomerChunkInput {
  workspaceId: string;
  /** Writes already checked against ZCustomerWrite. */
  writes: readonly CustomerWrite[];
  actor: Actor;
  requestId?: string;
  consentSource?: string;
  consentEvidence?: string;
  preloaded: NonNullable<ResolveCustomerWriteInput["preloaded"]>;
  /** Per-row writes in flight at once (groups of twins count as one). */
  concurrency?: number;
  /**
   * The bulk transactions commit without waiting for their WAL to reach the disk (synchronous_commit off).
   * For a writer that commits its own durable checkpoint after the chunk, such as an import: WAL is flushed
   * in order, so that checkpoint's commit makes the chunk durable too, and a crash before it only redoes
   * the chunk, which is idempotent. Not for answers that promise the write (POST …/customers/batch).
   */
  deferDurability?: boolean;
}

/**
 * Bulk transactions of one chunk at once (ATRIUM_IMPORT_BULK_PARALLEL); parts under 100 writes are not split.
 * More parts than cores: while one part waits for a round trip or for Node to build its statements, the
 * others keep the database busy.
 */
const BULK_PARALLEL = Math.min(
  Number(process.env.ATRIUM_IMPORT_BULK_PARALLEL ?? 4),
  // One connection of the pool stays for the process's other ingestion (event batches, shop webhooks).
  Math.max(1, INGEST_POOL_SIZE - 1),
);

/** A unique conflict (a writer outside the identity locks) or deadlocks past the retries undo the bulk transaction only. */
function isBulkConflict(error: unknown): boolean {
  return isRetryableConflict(error) || (error instanceof pg.DatabaseError && error.code === "23505");
}

export async function writeCustomerChunk(input: WriteCustomerChunkInput): Promise<ItemResult[]> {
  const { workspaceId, writes, actor, requestId, preloaded } = input;
  const consentSource = input.consentSource ?? "POST /customers";
  const plan = planCustomerChunk(writes, preloaded.rules, preloaded.extendedProperties.enabled);
  const results = new Array<ItemResult | undefined>(writes.length);

  // What refuseSuppressed does per write, once for the chunk: each suppression counts one drop per write naming it.
  const drops = new Map<string, number>();
  const checked = plan.suppressionChecked.flatMap((i) => plan.candidates[i]);
  for (const i of plan.suppressionChecked) {
    for (const c of plan.candidates[i]) drops.set(`${c.type}:${c.value}`, (drops.get(`${c.type}:${c.value}`) ?? 0) + 1);
  }
  const unique = [...new Map(checked.map((c) => [identityKey(c), c])).values()];
  const suppressed = await dropSuppressed(workspaceId, unique, drops);
  if (suppressed.size > 0) {
    for (const i of plan.suppressionChecked) {
      const types = plan.candidates[i].filter((c) => suppressed.has(`${c.type}:${c.value}`)).map((c) => c.type);
      if (types.length === 0) continue;
      const error = suppressedConflict([...new Set(types)]);
      results[i] = { status: "rejected", code: error.code, message: error.message };
    }
  }
  const open = (i: number) => results[i] === undefined;
  /** One set-based transaction of the chunk, run again after a deadlock. */
  const inChunkTransaction = <T>(work: (tx: SqlTx) => Promise<T>) =>
    retryOnConflict(() =>
      inIngestTransaction(async (tx) => {
        if (input.deferDurability) await tx.query("SET LOCAL synchronous_commit = off");
        return work(tx);
      }),
    );

  // The plain writes share no identity with each other or with the rest of the chunk, so their parts can be
  // written side by side, each in its own transaction: the database works on two cores, and no order
  // between them can matter. A part that fails on a conflict goes row by row; the others stand.
  const bulk = plan.bulk.filter(open);
  const parts = Math.max(1, Math.min(BULK_PARALLEL, Math.floor(bulk.length / 100)));
  const size = Math.ceil(bulk.length / parts);
  const now = new Date();
  const leftOver: number[] = [];
  await Promise.all(
    Array.from({ length: parts }, async (_, p) => {
      const part = bulk.slice(p * size, (p + 1) * size);
      try {
        const ids = await inChunkTransaction((tx) =>
          bulkCreateCustomers(tx, {
            workspaceId,
            items: part.map((i) => ({ write: writes[i], candidates: plan.candidates[i] })),
            actor,
            requestId,
            consentSource,
            consentEvidence: input.consentEvidence,
            now,
          }),
        );
        ids.forEach((id, k) => {
          if (id) results[part[k]] = { status: "created", id };
          else leftOver.push(part[k]);
        });
      } catch (error) {
        if (!isBulkConflict(error)) throw error;
        leftOver.push(...part);
      }
    }),
  );
  leftOver.sort((a, b) => a - b);

  // Writes whose identities someone owns: those that would update one customer they all belong to, without
  // replacing any of its identities (a file imported again, or with changed columns), are written
  // set-based; the rest, and everything on a conflict, go per row.
  const singles = plan.single.flatMap((group) => group.filter(open));
  if (leftOver.length > 0) {
    try {
      const updated = await inChunkTransaction((tx) =>
        updateMatchedCustomers(tx, {
          workspaceId,
          rules: preloaded.rules,
          writes,
          candidates: plan.candidates,
          indexes: leftOver,
          others: singles,
          actor,
          requestId,
          consentSource,
          consentEvidence: input.consentEvidence,
          now,
        }),
      );
      for (const [i, id] of updated) results[i] = { status: "updated", id };
    } catch (error) {
      if (!isBulkConflict(error)) throw error;
    }
  }

  // Suppression was counted above: the per-row path's own check finds nothing new for these writes.
  const groups = [...plan.single.map((group) => group.filter(open)), ...leftOver.filter(open).map((i) => [i])].filter(
    (group) => group.length > 0,
  );
  await mapLimited(groups, input.concurrency ?? 8, async (group) => {
    for (const i of group) {
      results[i] = await writeCustomerItem({
        workspaceId,
        write: writes[i],
        actor,
        requestId,
        consentSource,
        consentEvidence: input.consentEvidence,
        preloaded,
      });
    }
  });
  return results as ItemResult[];
}

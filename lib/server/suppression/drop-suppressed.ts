// Suppression (Segment's SUPPRESS_WITH_DELETE): identities of erased people must not re-create them. Every
// write path that can bring an identity in (event ingestion, customer writes from the API, write keys,
// imports and connectors, which use those paths) asks here first. One statement both finds the suppressed
// identities and counts the drop on them, so the count is exact under concurrency.
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { suppressionHash } from "./suppression-hash";

export interface IdentityRef {
  type: string;
  value: string;
}

/**
 * The "type:value" keys of the identities that are suppressed in the workspace, after adding `drops[key]`
 * (default 1) to each suppression's dropped count. Empty when none is (the usual case: one indexed lookup).
 */
export async function dropSuppressed(
  workspaceId: string,
  identities: readonly IdentityRef[],
  drops: ReadonlyMap<string, number> = new Map(),
  client: Db | Tx = db(),
): Promise<Set<string>> {
  if (identities.length === 0) return new Set();
  // Most workspaces have erased nobody: one indexed probe spares reading the salt and hashing every identity.
  const any = await client.suppression.findFirst({ where: { workspaceId }, select: { hash: true } });
  if (!any) return new Set();
  const { erasureSalt } = await loadInstallationSecrets();
  const byHash = new Map<string, string>();
  for (const { type, value } of identities) byHash.set(suppressionHash(erasureSalt, type, value), `${type}:${value}`);
  const hashes = [...byHash.keys()];
  const counts = hashes.map((hash) => drops.get(byHash.get(hash)!) ?? 1);
  const rows = await client.$queryRaw<{ hash: string }[]>`
    UPDATE "Suppression" s
       SET "droppedCount" = s."droppedCount" + d.n, "lastDroppedAt" = now()
      FROM unnest(${hashes}::text[], ${counts}::int[]) AS d(hash, n)
     WHERE s."workspaceId" = ${workspaceId}::uuid AND s.hash = d.hash
 RETURNING s.hash`;
  return new Set(rows.map((row) => byHash.get(row.hash)!));
}

/** Records suppressions for erased identities (inside the erasure's transaction). */
export async function suppressIdentities(
  tx: Tx,
  workspaceId: string,
  salt: string,
  identities: readonly IdentityRef[],
): Promise<number> {
  if (identities.length === 0) return 0;
  const hashes = identities.map(({ type, value }) => suppressionHash(salt, type, value));
  const types = identities.map(({ type }) => type);
  return tx.$executeRaw`
    INSERT INTO "Suppression" ("workspaceId", hash, type)
    SELECT ${workspaceId}::uuid, h, t FROM unnest(${hashes}::text[], ${types}::text[]) AS x(h, t)
    ON CONFLICT DO NOTHING`;
}

// Creating a workspace: a unique slug (derived from the name unless given) and, when a user creates it
// through the API, that user's admin membership — in one transaction.
import type { WorkspaceCreate, Workspace } from "@/lib/schemas/workspaces";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db, type Tx } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/core/errors";
import { serializeWorkspace } from "./serialize-workspace";
import { deriveSlug, nextFreeSlug, slugFamilyPrefix } from "./slug";

export interface CreateWorkspaceInput {
  input: WorkspaceCreate;
  /** Becomes the workspace's first admin. */
  ownerUserId?: string;
  actor?: Actor;
}

// Two concurrent creations may pick the same free slug; the loser simply tries again.
const SLUG_ATTEMPTS = 10;

export async function createWorkspace({
  input,
  ownerUserId,
  actor = SYSTEM_ACTOR,
}: CreateWorkspaceInput): Promise<Workspace> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction((tx) => insertWorkspace(tx, input, ownerUserId, actor));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.slug) throw new AppError("conflict", `The slug "${input.slug}" is already taken`);
      if (attempt >= SLUG_ATTEMPTS) throw new AppError("conflict", "Could not find a free slug; please choose one");
    }
  }
}

async function insertWorkspace(
  tx: Tx,
  input: WorkspaceCreate,
  ownerUserId: string | undefined,
  actor: Actor,
): Promise<Workspace> {
  const slug = input.slug ?? (await freeSlugFor(tx, input.name));
  const row = await tx.workspace.create({
    data: { name: input.name, slug, timezone: input.timezone, currency: input.currency },
  });
  if (ownerUserId) {
    await tx.membership.create({ data: { workspaceId: row.id, userId: ownerUserId, role: "ADMIN" } });
  }
  await recordAudit(tx, {
    workspaceId: row.id,
    actor,
    action: "workspace.created",
    targetType: "workspace",
    targetId: row.id,
    details: { name: row.name, slug: row.slug, ...(ownerUserId ? { ownerUserId } : {}) },
  });
  return serializeWorkspace(row);
}

async function freeSlugFor(tx: Tx, name: string): Promise<string> {
  const base = deriveSlug(name);
  const taken = await tx.workspace.findMany({
    where: { slug: { startsWith: slugFamilyPrefix(base) } },
    select: { slug: true },
  });
  return nextFreeSlug(base, new Set(taken.map((w) => w.slug)));
}

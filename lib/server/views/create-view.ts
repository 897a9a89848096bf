// Saving a new view, checked against the workspace's fields (check-view.ts); its report members are
// built right after (lib/server/reports/view-membership.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { View, ViewCreate } from "@/lib/schemas/views";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { buildViewMembersSoon } from "./view-membership";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { checkView } from "./check-view";
import { serializeView } from "./serialize-view";

export interface CreateViewInput {
  workspaceId: string;
  input: ViewCreate;
  actor?: Actor;
  requestId?: string;
}

export async function createView({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: CreateViewInput): Promise<View> {
  const filter = input.filter ?? { and: [] };
  const view = await db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    await checkView(tx, workspaceId, { filter, columns: input.columns });
    const row = await tx.view.create({
      data: {
        workspaceId,
        name: input.name,
        filter: filter as Prisma.InputJsonObject,
        columns: input.columns ?? [],
        maskPersonalData: input.maskPersonalData ?? false,
        createdById: actor.id ?? null,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "view.created",
      targetType: "view",
      targetId: row.id,
      details: { name: row.name, maskPersonalData: row.maskPersonalData },
      requestId,
    });
    // A job committed with the view, so that the view's first report need not build its members.
    await buildViewMembersSoon(tx, workspaceId, row.id);
    return serializeView(row);
  });
  return view;
}

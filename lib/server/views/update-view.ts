// Changing a view; a new filter or new columns are checked like at creation, and a new filter's report
// members are built right after (lib/server/reports/view-membership.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { View, ViewUpdate } from "@/lib/schemas/views";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { buildViewMembersSoon } from "./view-membership";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { checkView } from "./check-view";
import { serializeView } from "./serialize-view";

export interface UpdateViewInput {
  workspaceId: string;
  viewId: string;
  input: ViewUpdate;
  actor?: Actor;
  requestId?: string;
}

export async function updateView({
  workspaceId,
  viewId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: UpdateViewInput): Promise<View> {
  if (!isUuid(workspaceId) || !isUuid(viewId)) throw notFound("View");
  const view = await db().$transaction(async (tx) => {
    // 404 before 422: a caller should not learn whether a filter is valid for a view that is not there.
    const exists = await tx.view.findUnique({
      where: { workspaceId_id: { workspaceId, id: viewId } },
      select: { id: true },
    });
    if (!exists) throw notFound("View");
    await checkView(tx, workspaceId, { filter: input.filter, columns: input.columns });
    const [row] = await tx.view.updateManyAndReturn({
      where: { workspaceId, id: viewId },
      data: {
        name: input.name,
        filter: input.filter as Prisma.InputJsonObject | undefined,
        columns: input.columns,
        maskPersonalData: input.maskPersonalData,
      },
    });
    if (!row) throw notFound("View");
    const changed = Object.keys(input).filter((key) => input[key as keyof ViewUpdate] !== undefined);
    if (changed.length === 0) return serializeView(row);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "view.updated",
      targetType: "view",
      targetId: viewId,
      details: { changed },
      requestId,
    });
    // A new filter makes the view's report members stale: rebuild them now rather than in its next report.
    if (input.filter !== undefined) await buildViewMembersSoon(tx, workspaceId, viewId);
    return serializeView(row);
  });
  return view;
}

// Campaign drafts: create, read, list, change and delete. Templates are compiled on every save so a
// broken one is a 422 naming its field now, not a failed send later; the audience view must exist.
import type { Campaign, CampaignCreate, CampaignUpdate } from "@/lib/schemas/send";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { AppError, notFound, validationFailed } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { progressOf, serializeCampaign, serializeWithProgress } from "./serialize-campaign";
import { compileTemplates } from "./templates";

export async function getCampaignRow({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  if (!isUuid(workspaceId) || !isUuid(campaignId)) throw notFound("Campaign");
  const row = await db().campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!row) throw notFound("Campaign");
  return row;
}

export async function getCampaign(input: { workspaceId: string; campaignId: string }): Promise<Campaign> {
  return serializeWithProgress(await getCampaignRow(input));
}

const ZCursor = z.object({ id: z.string().refine(isUuid) });

/** Newest first (ids are UUIDv7). */
export async function listCampaigns({
  workspaceId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}) {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().campaign.findMany({
    where: { workspaceId, ...(after ? { id: { lt: after.id } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const progress = await progressOf(
    workspaceId,
    rows.slice(0, limit).map((row) => row.id),
  );
  return toPage(
    rows,
    limit,
    (row) => serializeCampaign(row, progress.get(row.id)),
    (row) => ({ id: row.id }),
  );
}

async function assertView(workspaceId: string, viewId: string | null | undefined): Promise<void> {
  if (!viewId) return;
  const exists = isUuid(viewId) && (await db().view.count({ where: { workspaceId, id: viewId } })) > 0;
  if (!exists) throw validationFailed([{ path: "viewId", message: "No such view in this workspace" }]);
}

function columnsOf(input: CampaignUpdate) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(input.preheader !== undefined ? { preheader: input.preheader ?? null } : {}),
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.text !== undefined ? { text: input.text ?? null } : {}),
    ...(input.viewId !== undefined ? { viewId: input.viewId ?? null } : {}),
    ...(input.from !== undefined
      ? { fromName: input.from?.name ?? null, fromAddress: input.from?.address ?? null }
      : {}),
    ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null } : {}),
  };
}

export async function createCampaign({
  workspaceId,
  input,
  actor,
  requestId,
}: {
  workspaceId: string;
  input: CampaignCreate;
  actor: Actor;
  requestId?: string;
}): Promise<Campaign> {
  compileTemplates(input);
  await assertView(workspaceId, input.viewId);
  const row = await db().$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        workspaceId,
        name: input.name,
        subject: input.subject,
        html: input.html,
        ...columnsOf(input),
        createdById: actor.id ?? null,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.created",
      targetType: "campaign",
      targetId: created.id,
      details: { name: created.name },
      requestId,
    });
    return created;
  });
  return serializeCampaign(row);
}

export async function updateCampaign({
  workspaceId,
  campaignId,
  input,
  actor,
  requestId,
}: {
  workspaceId: string;
  campaignId: string;
  input: CampaignUpdate;
  actor: Actor;
  requestId?: string;
}): Promise<Campaign> {
  const current = await getCampaignRow({ workspaceId, campaignId });
  compileTemplates({
    subject: input.subject ?? current.subject,
    preheader: input.preheader !== undefined ? input.preheader : current.preheader,
    html: input.html ?? current.html,
    text: input.text !== undefined ? input.text : current.text,
  });
  await assertView(workspaceId, input.viewId);
  const row = await db().$transaction(async (tx) => {
    // Only while nothing has started: the status condition makes a concurrent send win cleanly.
    const { count } = await tx.campaign.updateMany({
      where: { workspaceId, id: campaignId, status: { in: ["DRAFT", "SCHEDULED"] } },
      data: columnsOf(input),
    });
    if (count === 0) throw new AppError("conflict", "Only a draft or a scheduled campaign can be changed");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.updated",
      targetType: "campaign",
      targetId: campaignId,
      details: { fields: Object.keys(input) },
      requestId,
    });
    return tx.campaign.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  });
  return serializeWithProgress(row);
}

export async function deleteCampaign({
  workspaceId,
  campaignId,
  actor,
  requestId,
}: {
  workspaceId: string;
  campaignId: string;
  actor: Actor;
  requestId?: string;
}): Promise<void> {
  await getCampaignRow({ workspaceId, campaignId });
  await db().$transaction(async (tx) => {
    const { count } = await tx.campaign.deleteMany({
      where: { workspaceId, id: campaignId, status: { not: "SENDING" } },
    });
    if (count === 0) throw new AppError("conflict", "A sending campaign cannot be deleted; cancel it first");
    await tx.outboxMessage.deleteMany({ where: { workspaceId, campaignId } });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.deleted",
      targetType: "campaign",
      targetId: campaignId,
      requestId,
    });
  });
}

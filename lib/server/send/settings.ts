// Sender settings (GET|PUT …/send/settings): the workspace's from name and address, reply-to, postal
// address and transport. SMTP needs the installation's SMTP_URL; without it the workspace uses the
// sandbox outbox, whatever is stored.
import type { SendSettings, SendSettingsUpdate } from "@/lib/schemas/send";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { validationFailed } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { sendConfig } from "./send-config";

export interface EffectiveSettings extends SendSettings {
  /** The sender actually used: the settings', else SMTP_FROM, else a sandbox placeholder. */
  sender: { name: string; address: string };
}

const FALLBACK_ADDRESS = "no-reply@atrium.invalid";

export async function loadSendSettings(workspaceId: string): Promise<EffectiveSettings> {
  const [row, workspace] = await Promise.all([
    db().sendSettings.findUnique({ where: { workspaceId } }),
    db().workspace.findUnique({ where: { id: workspaceId }, select: { name: true } }),
  ]);
  const config = sendConfig();
  const smtpConfigured = config.smtpUrl !== null;
  const transport = smtpConfigured ? (row?.transport ?? "SMTP") : "SANDBOX";
  const fromAddress = row?.fromAddress ?? null;
  return {
    fromName: row?.fromName ?? null,
    fromAddress,
    replyTo: row?.replyTo ?? null,
    postalAddress: row?.postalAddress ?? null,
    transport,
    ratePerSecond: row?.ratePerSecond ?? null,
    smtpConfigured,
    sender: {
      name: row?.fromName ?? workspace?.name ?? "Atrium",
      address: fromAddress ?? config.smtpFrom ?? FALLBACK_ADDRESS,
    },
  };
}

function publicSettings(settings: EffectiveSettings): SendSettings {
  const { sender: _sender, ...rest } = settings;
  return rest;
}

export async function getSendSettings({ workspaceId }: { workspaceId: string }): Promise<SendSettings> {
  return publicSettings(await loadSendSettings(workspaceId));
}

export async function updateSendSettings({
  workspaceId,
  input,
  actor,
  requestId,
}: {
  workspaceId: string;
  input: SendSettingsUpdate;
  actor: Actor;
  requestId?: string;
}): Promise<SendSettings> {
  if (input.transport === "SMTP" && !sendConfig().smtpUrl) {
    throw validationFailed([{ path: "transport", message: "SMTP needs the installation's SMTP_URL" }]);
  }
  const data = {
    fromName: input.fromName ?? null,
    fromAddress: input.fromAddress ?? null,
    replyTo: input.replyTo ?? null,
    postalAddress: input.postalAddress ?? null,
    transport: input.transport ?? null,
    ratePerSecond: input.ratePerSecond ?? null,
  };
  await db().$transaction(async (tx) => {
    await tx.sendSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "send.settings.updated",
      targetType: "sendSettings",
      targetId: workspaceId,
      details: { fields: Object.keys(input) },
      requestId,
    });
  });
  return getSendSettings({ workspaceId });
}

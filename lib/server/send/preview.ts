// Rendering without sending: the editor's live preview (POST …/send/preview) and test sends
// (POST …/campaigns/{id}/test), as a chosen customer or as a sample one. Neither is tracked and the
// unsubscribe link of a test leads to a page that changes nothing.
import type { Preview } from "@/lib/schemas/send";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { validationFailed } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { getCampaignRow } from "./campaigns";
import { composeMessage, extractLinks, type MessageUrls } from "./compose-message";
import { unsubscribeUrl } from "./links";
import { loadSendSettings } from "./settings";
import { compileTemplates, type TemplateSources } from "./templates";
import { sendSmtp, smtpTransport } from "./transport";

const SAMPLE_CUSTOMER = {
  id: "00000000-0000-7000-8000-000000000000",
  externalId: "sample",
  base: { firstName: "Alex", lastName: "Sample", contacts: { email: "alex@example.com" } },
  extended: {},
  tags: [],
};

const UNTRACKED: MessageUrls = { unsubscribe: unsubscribeUrl("preview"), mailto: null, open: null, click: null };

async function customerScope(workspaceId: string, customerId: string | null | undefined) {
  if (!customerId) return SAMPLE_CUSTOMER;
  const customer = isUuid(customerId)
    ? await db().customer.findUnique({
        where: { workspaceId_id: { workspaceId, id: customerId } },
        select: { id: true, externalId: true, base: true, extended: true, tags: true, status: true },
      })
    : null;
  if (!customer || customer.status !== "ACTIVE")
    throw validationFailed([{ path: "customerId", message: "No such customer in this workspace" }]);
  const { status: _status, ...scope } = customer;
  return scope;
}

export async function previewMessage({
  workspaceId,
  input,
}: {
  workspaceId: string;
  input: TemplateSources & { customerId?: string | null; name?: string };
}): Promise<Preview> {
  const templates = compileTemplates(input);
  const settings = await loadSendSettings(workspaceId);
  const message = composeMessage({
    templates,
    scope: { customer: await customerScope(workspaceId, input.customerId), campaign: { name: input.name ?? "" } },
    links: extractLinks(input.html),
    urls: UNTRACKED,
    postalAddress: settings.postalAddress,
    senderName: settings.sender.name,
  });
  return { subject: message.subject, html: message.html, text: message.text };
}

export async function testCampaign({
  workspaceId,
  campaignId,
  input,
  actor,
  requestId,
}: {
  workspaceId: string;
  campaignId: string;
  input: { to: string; customerId?: string | null };
  actor: Actor;
  requestId?: string;
}) {
  const campaign = await getCampaignRow({ workspaceId, campaignId });
  const settings = await loadSendSettings(workspaceId);
  const preview = await previewMessage({
    workspaceId,
    input: { ...campaign, customerId: input.customerId, name: campaign.name },
  });
  const from = campaign.fromAddress
    ? { name: campaign.fromName ?? settings.sender.name, address: campaign.fromAddress }
    : settings.sender;
  const subject = `[Test] ${preview.subject}`;
  let outboxMessageId: string | null = null;
  if (settings.transport === "SMTP") {
    const outcome = await sendSmtp(smtpTransport(settings.ratePerSecond), {
      from,
      to: input.to,
      replyTo: settings.replyTo,
      subject,
      html: preview.html,
      text: preview.text,
      headers: { "X-Atrium-Campaign": campaign.id, "X-Atrium-Test": "1" },
      messageId: `<test-${crypto.randomUUID()}@${from.address.split("@")[1] ?? "atrium.invalid"}>`,
    });
    if (!outcome.ok)
      throw validationFailed([{ path: "to", message: `The SMTP server refused it: ${outcome.message}` }]);
  }
  await db().$transaction(async (tx) => {
    if (settings.transport === "SANDBOX") {
      const message = await tx.outboxMessage.create({
        data: {
          workspaceId,
          campaignId,
          test: true,
          toAddress: input.to,
          fromAddress: `${from.name} <${from.address}>`,
          subject,
          html: preview.html,
          text: preview.text,
          headers: { "X-Atrium-Test": "1" },
        },
      });
      outboxMessageId = message.id;
    }
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.tested",
      targetType: "campaign",
      targetId: campaignId,
      details: { transport: settings.transport },
      requestId,
    });
  });
  return { transport: settings.transport, outboxMessageId };
}

// The public URLs a message carries, each signed for its recipient (see signing.ts).
import { signToken } from "./signing";
import { sendConfig } from "./send-config";
import type { MessageUrls } from "./compose-message";

export function unsubscribeUrl(token: string): string {
  return `${sendConfig().baseUrl}/api/v1/send/unsubscribe/${token}`;
}

export function recipientUrls(key: Buffer, workspaceId: string, recipientId: string): MessageUrls {
  const { baseUrl, unsubscribeMailto } = sendConfig();
  const unsubscribeToken = signToken(key, { purpose: "u", workspaceId, recipientId });
  return {
    unsubscribe: unsubscribeUrl(unsubscribeToken),
    mailto: unsubscribeMailto ? `mailto:${unsubscribeMailto}?subject=unsubscribe%20${unsubscribeToken}` : null,
    open: `${baseUrl}/api/v1/send/open/${signToken(key, { purpose: "o", workspaceId, recipientId })}`,
    click: (link) => `${baseUrl}/api/v1/send/click/${signToken(key, { purpose: "c", workspaceId, recipientId, link })}`,
  };
}

/** Message-ID of a recipient's message: bounce notifications quote it back. */
export function messageIdOf(recipientId: string, fromAddress: string): string {
  const domain = fromAddress.split("@")[1] || "atrium.invalid";
  return `<${recipientId}@${domain}>`;
}

const MESSAGE_ID = /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]*>?$/i;

export function recipientIdOfMessageId(messageId: string): string | null {
  return MESSAGE_ID.exec(messageId.trim())?.[1].toLowerCase() ?? null;
}

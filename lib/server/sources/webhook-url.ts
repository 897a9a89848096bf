// The URL a shop source's webhooks are sent to, on the public base URL browsers and shops reach
// (PUBLIC_URL, else NEXTAUTH_URL, as the OAuth2 issuer uses).
import type { SourceType } from "@/lib/schemas/sources";
import { isShopSourceType } from "@/lib/schemas/sources";

export function publicBaseUrl(): string {
  const configured = process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  return (configured ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export function webhookUrlOf(type: SourceType, sourceId: string): string | null {
  return isShopSourceType(type) ? `${publicBaseUrl()}/api/v1/integrations/${type}/${sourceId}` : null;
}

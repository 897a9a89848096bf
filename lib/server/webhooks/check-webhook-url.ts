// A subscription's URL must pass the outbound guard when it is saved: a 422 naming `url` otherwise.
import { validationFailed } from "@/lib/server/core/errors";
import { checkOutboundUrl } from "@/lib/server/outbound/check-url";

export async function checkWebhookUrl(url: string): Promise<void> {
  const reason = await checkOutboundUrl(url);
  if (reason) throw validationFailed([{ path: "url", message: reason }]);
}

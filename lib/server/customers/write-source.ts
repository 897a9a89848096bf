// The source a customer write comes from: a write key always writes as its own source.
import type { Principal } from "@/lib/server/core/principal";
import { validationFailed } from "@/lib/server/core/errors";

export function writeSourceOf(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.type !== "writeKey") return requested;
  if (requested !== undefined && requested !== principal.sourceId) {
    throw validationFailed([{ path: "sourceId", message: "A write key can only write as its own source" }]);
  }
  return principal.sourceId;
}

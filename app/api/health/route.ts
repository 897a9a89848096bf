// GET /api/health — service and database health (no authentication).
import { getHealthEndpoint } from "@/lib/schemas/operations";
import { OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/server/db/database-errors";
import { checkHealth } from "@/lib/server/health";
import { Reply, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(getHealthEndpoint, async () => {
  const health = await checkHealth();
  return health.status === "ok"
    ? health
    : new Reply(health, 503, { "retry-after": String(OUTAGE_RETRY_AFTER_SECONDS) });
});

// GET /api/health — service and database health (no authentication).
import { getHealth } from "@/lib/schemas/operations";
import { checkHealth } from "@/lib/server/health";
import { Reply, route } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(getHealth, async () => {
  const health = await checkHealth();
  return health.status === "ok" ? health : new Reply(health, 503);
});

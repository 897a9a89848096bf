// GET /api/v1/me — the signed-in user or API client and their workspaces.
import { getMeEndpoint } from "@/lib/schemas/me";
import { describeCaller } from "@/lib/server/auth/me";
import { route } from "@/lib/server/http/route";

export const GET = route(getMeEndpoint, async ({ principal }) => describeCaller(principal));

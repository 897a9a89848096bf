// GET /api/v1/me — the signed-in user or API client and their workspaces.
import { getMe } from "@/lib/schemas/me";
import { describeCaller } from "@/lib/server/auth/me";
import { route } from "@/lib/server/http/route";

export const GET = route(getMe, async ({ principal }) => describeCaller(principal));
